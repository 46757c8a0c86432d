package io.github.realtimekit.client;

/** Makes text from the network or the file system safe for a one-line message. */
final class SafeText {

  private static final int MAX = 200;

  private SafeText() {
  }

  /**
   * Escapes control characters (C0, DEL, C1, and the bidirectional overrides) as {@code \}{@code uXXXX}
   * and shortens the text to 200 characters.
   *
   * @param text any text; null gives an empty string
   * @return printable text on one line
   */
  static String of(Object text) {
    if (text == null) {
      return "";
    }
    String s = text.toString();
    StringBuilder b = new StringBuilder(Math.min(s.length(), MAX) + 8);
    int i = 0;
    for (; i < s.length() && b.length() < MAX; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    if (i < s.length()) {
      b.append('…');
    }
    return b.toString();
  }
}
