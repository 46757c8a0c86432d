package io.github.realtimekit.client.core;

import org.jspecify.annotations.Nullable;

/**
 * Makes text from the network safe to put in a message or a log line: the API token is replaced by
 * {@code ***}, and control characters but the tab are escaped by {@link ControlChars}, so that no
 * server can rewrite a terminal.
 *
 * <p>This is for what is shown, never for what the runtime reads: headers, URLs and decoded values
 * stay as they are. A token of {@value #SUBSTRING_MASK_LENGTH} characters or more (a Cloudflare token
 * has 40) is masked wherever it appears. A shorter one, such as a test's {@code t}, is masked only
 * where it stands alone: the whole text, or between the start or end, white space, quotes or one of
 * {@code , ; ( ) [ ] { } < >}; never inside a word, a number or a URL, where masking it would
 * corrupt what is shown ({@code http} would read {@code h******p}).
 *
 * <p>Runtime SPI: public so that the client's other packages can reach it; not meant for
 * applications, and it may change in any release.
 */
public final class SafeText {

  /** What a secret is replaced with. */
  public static final String MASK = "***";

  /** The shortest token masked wherever it appears; a shorter one is masked only where it stands alone. */
  public static final int SUBSTRING_MASK_LENGTH = 8;

  /** Characters that end a short token standing alone, besides white space. */
  private static final String DELIMITERS = "\"',;()[]{}<>";

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
    return escapeControls(mask(text));
  }

  /**
   * Masks the token, as the class says, and nothing else.
   *
   * @param text any text
   * @return the text with each occurrence of the token that counts replaced by {@link #MASK}
   */
  public String mask(String text) {
    if (token == null || token.isEmpty()) {
      return text;
    }
    if (token.length() >= SUBSTRING_MASK_LENGTH) {
      return text.replace(token, MASK);
    }
    StringBuilder out = null;
    int from = 0;
    for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
      int end = at + token.length();
      if (at >= from && standsAlone(text, at, end)) {
        out = out == null ? new StringBuilder(text.length()) : out;
        out.append(text, from, at).append(MASK);
        from = end;
      }
    }
    return out == null ? text : out.append(text, from, text.length()).toString();
  }

  private static boolean standsAlone(String text, int start, int end) {
    return (start == 0 || isDelimiter(text.charAt(start - 1))) && (end == text.length() || isDelimiter(text.charAt(end)));
  }

  private static boolean isDelimiter(char c) {
    return Character.isWhitespace(c) || DELIMITERS.indexOf(c) >= 0;
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
   * Tells whether the text carries the token, as {@link #mask} would find it.
   *
   * @param text any text
   * @return true if the token is in it
   */
  public boolean containsSecret(@Nullable String text) {
    return text != null && token != null && !token.isEmpty() && text.contains(token) && !mask(text).equals(text);
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
