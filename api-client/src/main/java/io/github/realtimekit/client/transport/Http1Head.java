package io.github.realtimekit.client.transport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The head of an HTTP/1.1 exchange, read and written within bounds: the status line and headers a
 * server sends, the body's framing they say, and the request headers a caller may send.
 */
final class Http1Head {

  private Http1Head() {
  }

  /** The status code of a status line: {@code HTTP/1.x NNN reason}. */
  static int status(String line) throws IOException {
    if (line.length() < 12 || !line.startsWith("HTTP/1.") || line.charAt(8) != ' '
        || line.length() > 12 && line.charAt(12) != ' ') {
      throw new IOException("the server sent a malformed status line");
    }
    int status = 0;
    for (int i = 9; i < 12; i++) {
      char c = line.charAt(i);
      if (c < '0' || c > '9') {
        throw new IOException("the server sent a malformed status line");
      }
      status = status * 10 + (c - '0');
    }
    if (status < 100) {
      throw new IOException("the server sent a malformed status line");
    }
    return status;
  }

  /**
   * Reads the headers up to the empty line: names in lower case, as the JDK's {@code HttpClient} gives
   * them, values in the order received.
   */
  static Map<String, List<String>> headers(Http1Connection connection, int maxHeaders) throws IOException {
    Map<String, List<String>> headers = new HashMap<>();
    int count = 0;
    int bytes = 0;
    for (String line = connection.readLine("header line"); !line.isEmpty(); line = connection.readLine("header line")) {
      bytes += line.length() + 2;
      if (++count > maxHeaders || bytes > Http1Connection.MAX_HEAD) {
        throw new IOException("the server sent more than " + maxHeaders + " headers or "
            + Http1Connection.MAX_HEAD + " bytes of them");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t' || line.charAt(colon - 1) == ' ') {
        throw new IOException("the server sent a malformed header line");
      }
      String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    }
    return headers;
  }

  /** The body's {@code Content-Length}, or -1 when none is sent. */
  static long contentLength(Map<String, List<String>> headers) throws IOException {
    List<String> values = headers.get("content-length");
    if (values == null) {
      return -1;
    }
    long length = -1;
    for (String value : values) {
      for (String part : value.split(",", -1)) {
        long n = parseLength(part.trim());
        if (length != -1 && n != length) {
          throw new IOException("the server sent conflicting Content-Length values");
        }
        length = n;
      }
    }
    return length;
  }

  private static long parseLength(String text) throws IOException {
    if (text.isEmpty() || text.length() > 18) {
      throw new IOException("the server sent a malformed Content-Length");
    }
    long n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new IOException("the server sent a malformed Content-Length");
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** How the body ends, from the method, the status and the headers (RFC 9112, section 6.3). */
  static Http1Body.Framing framing(String method, int status, Map<String, List<String>> headers, long length) {
    if (method.equals("HEAD") || status == 204 || status == 304 || status < 200) {
      return Http1Body.Framing.NONE;
    }
    List<String> encodings = headers.get("transfer-encoding");
    if (encodings != null) {
      String last = encodings.get(encodings.size() - 1);
      int comma = last.lastIndexOf(',');
      String coding = (comma < 0 ? last : last.substring(comma + 1)).trim();
      // With both, the length is ignored; the connection is not used again (request smuggling).
      return coding.equalsIgnoreCase("chunked") && length < 0 ? Http1Body.Framing.CHUNKED : Http1Body.Framing.CLOSE;
    }
    return length >= 0 ? Http1Body.Framing.LENGTH : Http1Body.Framing.CLOSE;
  }

  /** True when the server closes the connection after this response. */
  static boolean closes(Map<String, List<String>> headers) {
    List<String> values = headers.get("connection");
    if (values != null) {
      for (String value : values) {
        for (String token : value.split(",")) {
          if (token.trim().equalsIgnoreCase("close")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** A request header's name, refused when it is not an HTTP token. */
  static String checkedName(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a header name must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
        throw new IllegalArgumentException("header name " + HeaderText.quoted(name) + ": only the characters of "
            + "an HTTP token are allowed");
      }
    }
    return name;
  }

  /** A request header's value, refused when it holds a line break, NUL or a character over U+00FF. */
  static String checkedValue(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0 || c > 0xff) {
        throw new IllegalArgumentException("header " + HeaderText.quoted(name) + ": its value may not hold line "
            + "breaks, NUL or characters over U+00FF");
      }
    }
    return value;
  }

  /** Names in messages, quoted, with what could not be printed escaped. */
  private static final class HeaderText {
    static String quoted(String text) {
      StringBuilder b = new StringBuilder("\"");
      for (int i = 0; i < text.length() && i < 64; i++) {
        char c = text.charAt(i);
        b.append(c < ' ' || c >= 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
      return b.append('"').toString();
    }
  }
}
