package io.github.realtimekit.client;

import io.github.realtimekit.client.core.ControlChars;

/**
 * Makes text from the network safe to put in a message or a log line: the API token is replaced by
 * {@code ***}, and control characters but the tab are escaped by {@link ControlChars}, so that no
 * server can rewrite a terminal.
 */
final class SafeText {

  /** What a secret is replaced with. */
  static final String MASK = "***";

  private final String token;

  SafeText(String token) {
    this.token = token;
  }

  /** The text with the token masked and control characters escaped; null stays null. */
  String clean(String text) {
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
  static String of(Object text) {
    if (text == null) {
      return "";
    }
    String s = escapeControls(text.toString());
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  /** Whether the text carries the token. */
  boolean containsSecret(String text) {
    return text != null && token != null && !token.isEmpty() && text.contains(token);
  }

  /** The text with control characters escaped as {@link ControlChars#escapeKeepingTabs} does. */
  static String escapeControls(String text) {
    return ControlChars.escapeKeepingTabs(text);
  }
}
