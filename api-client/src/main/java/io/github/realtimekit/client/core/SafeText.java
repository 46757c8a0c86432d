package io.github.realtimekit.client.core;

import org.jspecify.annotations.Nullable;

/**
 * Makes text from the network safe to put in a message or a log line: the API token is replaced by
 * {@code ***}, and control characters but the tab are escaped by {@link ControlChars}, so that no
 * server can rewrite a terminal.
 *
 * <p>Runtime SPI: public so that the client's other packages can reach it; not meant for
 * applications, and it may change in any release.
 */
public final class SafeText {

  /** What a secret is replaced with. */
  public static final String MASK = "***";

  private final @Nullable String token;

  /**
   * Makes text safe of a token.
   *
   * @param token the secret to mask; null or empty for none
   */
  public SafeText(@Nullable String token) {
    this.token = token;
  }

  /**
   * Masks the token and escapes control characters.
   *
   * @param text any text
   * @return the text made safe; null stays null
   */
  public @Nullable String clean(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String masked = token == null || token.isEmpty() ? text : text.replace(token, MASK);
    return escapeControls(masked);
  }

  /**
   * Text from the network or the file system for a one-line message: control characters escaped,
   * and cut to 200 characters.
   *
   * @param text any text; null gives an empty string
   * @return printable text on one line
   */
  public static String of(@Nullable Object text) {
    if (text == null) {
      return "";
    }
    String s = escapeControls(text.toString());
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  /**
   * Tells whether the text carries the token.
   *
   * @param text any text
   * @return true if the token is in it
   */
  public boolean containsSecret(@Nullable String text) {
    return text != null && token != null && !token.isEmpty() && text.contains(token);
  }

  /**
   * Escapes control characters as {@link ControlChars#escapeKeepingTabs} does.
   *
   * @param text any text
   * @return the text, printable
   */
  public static String escapeControls(String text) {
    return ControlChars.escapeKeepingTabs(text);
  }
}
