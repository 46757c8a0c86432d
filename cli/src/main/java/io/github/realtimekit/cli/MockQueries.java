package io.github.realtimekit.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The query parameters the built-in mock reads from a request, as sent. */
final class MockQueries {

  private MockQueries() {
  }

  /**
   * Returns the {@code page_no} of a query: 1 when it has none, or one that is no number.
   *
   * @param rawQuery the query, as sent, or null
   * @return the page number
   */
  static int pageNo(String rawQuery) {
    if (rawQuery == null) {
      return 1;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals("page_no")) {
        try {
          return Integer.parseInt(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          return 1;
        }
      }
    }
    return 1;
  }
}
