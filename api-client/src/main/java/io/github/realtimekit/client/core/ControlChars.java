package io.github.realtimekit.client.core;

import org.jspecify.annotations.Nullable;

/**
 * The one escaper of control characters, for text from a server or the file system that is put in a
 * message, a log line or on a terminal. An {@code ESC]0;title BEL} from a server comes out as the
 * harmless text <code>&#92;u001B]0;title&#92;u0007</code>: it cannot retitle a window, clear a screen,
 * forge a line or reorder what a reader sees.
 *
 * <p>{@linkplain #isControl(int) Escaped}: the C0 range (U+0000 to U+001F), DEL (U+007F), the C1 range
 * (U+0080 to U+009F), the line and paragraph separators (U+2028, U+2029), and the bidirectional
 * embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069). Each is written as its JSON
 * escape: a backslash, {@code u} and four upper-case hex digits, so the output is also valid inside a
 * JSON string. Every other character, any letter of any script included, is kept.
 *
 * <p>Three strengths, strictest first: {@link #escape(String)} keeps nothing, for one-line output such
 * as a table cell; {@link #escapeKeepingTabs(String)} keeps the tab, for messages; and
 * {@link #escapeKeepingLines(String)} keeps the tab and the line breaks of multi-line text such as a
 * stack trace, but not a lone carriage return, which could overwrite a line.
 */
public final class ControlChars {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ControlChars() {
  }

  /**
   * Tells whether a character is one this class escapes.
   *
   * @param c the character (a UTF-16 code unit or a code point)
   * @return true for C0, DEL, C1, U+2028, U+2029 and the bidirectional controls
   */
  public static boolean isControl(int c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == 0x2028 || c == 0x2029
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }

  /**
   * Escapes every control character, tab and line breaks included: the result is one line.
   *
   * @param text any text; null gives {@code "null"}
   * @return the text with no control character left
   */
  public static String escape(@Nullable String text) {
    return escape(text, false);
  }

  /**
   * Escapes every control character but the tab.
   *
   * @param text any text; null gives {@code "null"}
   * @return the text with no control character left but tabs
   */
  public static String escapeKeepingTabs(@Nullable String text) {
    return escape(text, true);
  }

  /**
   * Escapes every control character but the tabs and line breaks of multi-line text such as a stack
   * trace: a line feed, or a carriage return right before one, is kept; a lone carriage return is
   * escaped.
   *
   * @param text any text; null gives {@code "null"}
   * @return the text with no control character left but tabs and line breaks
   */
  public static String escapeKeepingLines(@Nullable String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    while (true) {
      int end = text.indexOf('\n', start);
      String line = end < 0 ? text.substring(start) : text.substring(start, end);
      boolean crlf = end >= 0 && line.endsWith("\r");
      out.append(escape(crlf ? line.substring(0, line.length() - 1) : line, true));
      if (end < 0) {
        return out.toString();
      }
      out.append(crlf ? "\r\n" : "\n");
      start = end + 1;
    }
  }

  private static String escape(@Nullable String text, boolean keepTab) {
    if (text == null) {
      return "null";
    }
    int i = 0;
    while (i < text.length() && !needsEscape(text.charAt(i), keepTab)) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (needsEscape(c, keepTab)) {
        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
            .append(HEX[c & 0xf]);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean needsEscape(char c, boolean keepTab) {
    return isControl(c) && !(keepTab && c == '\t');
  }
}
