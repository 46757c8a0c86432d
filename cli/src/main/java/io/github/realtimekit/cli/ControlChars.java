package io.github.realtimekit.cli;

/**
 * Makes text from a server safe to show on a terminal. Every control character, C0 (other than tab
 * where allowed), DEL and C1, is written as its JSON escape, a backslash, {@code u} and four upper-case
 * hex digits: an {@code ESC]0;title BEL} from a server reaches the terminal as the harmless text
 * <code>&#92;u001B]0;title&#92;u0007</code>, and cannot retitle the window, clear the screen or forge a
 * line.
 */
final class ControlChars {

  private static final String HEX = "0123456789ABCDEF";

  private ControlChars() {
  }

  /**
   * Escapes every control character, tab included.
   *
   * @param text any text; null gives {@code "null"}
   * @return the text with no control character left
   */
  static String escape(String text) {
    return escape(text, false);
  }

  /**
   * Escapes every control character but the line breaks and tabs of multi-line text such as a stack
   * trace: a line feed, or a carriage return right before one, is kept; a lone carriage return, which
   * could overwrite a line, is escaped.
   *
   * @param text any text
   * @return the text with no control character left but tabs and line breaks
   */
  static String escapeKeepingLines(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      String line = end < 0 ? text.substring(start) : text.substring(start, end);
      boolean crlf = end >= 0 && line.endsWith("\r");
      out.append(escape(crlf ? line.substring(0, line.length() - 1) : line, true));
      if (end < 0) {
        break;
      }
      out.append(crlf ? "\r\n" : "\n");
      start = end + 1;
    }
    return out.toString();
  }

  /**
   * Tells whether a character is a control character: C0, DEL or C1.
   *
   * @param c the character
   * @return true for U+0000 to U+001F, U+007F and U+0080 to U+009F
   */
  static boolean isControl(int c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
  }

  private static String escape(String text, boolean keepTab) {
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
        out.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
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
