package io.github.realtimekit.client;

import feign.Param;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Writes a date-time parameter as RFC 3339 with seconds and the caller's offset, such as
 * {@code 2024-01-01T10:00:00+05:30}; {@code OffsetDateTime.toString()} would drop zero seconds.
 */
final class Rfc3339Expander implements Param.Expander {

  @Override
  public String expand(Object value) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((TemporalAccessor) value);
  }
}
