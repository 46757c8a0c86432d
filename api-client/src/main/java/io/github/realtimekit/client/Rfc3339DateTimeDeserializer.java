package io.github.realtimekit.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Decodes RFC 3339 date-times, such as {@code 2019-12-27T18:11:19.117Z}, keeping their offset.
 *
 * <p>A space in place of the {@code T} is read too (RFC 3339 allows it, and webhook payloads have
 * carried it). A recording carries seven date-times, and {@code DateTimeFormatter} parsing took about two thirds
 * of the time to decode a page (see the benchmarks). The exact RFC 3339 form the API sends is read
 * directly here; anything else, a number or another ISO-8601 form, goes to Jackson's own deserializer,
 * which accepts or rejects it as before.
 */
final class Rfc3339DateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {

  private static final long serialVersionUID = 1L;

  /** Jackson's own reader of the other forms, loaded only when one comes. */
  private static final class Fallback {
    static final JsonDeserializer<OffsetDateTime> READER = InstantDeserializer.OFFSET_DATE_TIME;
  }

  Rfc3339DateTimeDeserializer() {
    super(OffsetDateTime.class);
  }

  @Override
  public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.hasToken(JsonToken.VALUE_STRING)) {
      OffsetDateTime parsed = parse(parser.getText());
      if (parsed != null) {
        return parsed;
      }
    }
    return Fallback.READER.deserialize(parser, context);
  }

  /**
   * Parses {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+hh:mm|-hh:mm)}, or the same with a space in place of
   * the {@code T}, as RFC 3339 allows and as webhook payloads have been seen to send
   * ({@code 2023-04-14 04:46:08.306221Z}).
   *
   * @return the date-time, or null when the text is not exactly that form or names no real instant
   */
  static OffsetDateTime parse(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i++) - '0');
      }
      int length = i - start;
      if (length == 0 || (i < n && isDigit(s.charAt(i)))) {
        return null;
      }
      for (int k = length; k < 9; k++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int hours = digits(s, i + 1, 2);
      int minutes = digits(s, i + 4, 2);
      if ((hours | minutes) < 0) {
        return null;
      }
      int sign = s.charAt(i) == '-' ? -1 : 1;
      try {
        offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      } catch (DateTimeException outOfRange) {
        return null;
      }
    } else {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    } catch (DateTimeException notARealDate) {
      return null;
    }
  }

  /** The number in {@code count} decimal digits at {@code start}, or -1 if one is not a digit. */
  private static int digits(String s, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
