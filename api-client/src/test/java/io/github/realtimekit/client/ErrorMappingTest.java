package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.realtimekit.client.errors.InternalServerException;
import io.github.realtimekit.client.errors.UnexpectedStatusException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {

  @Test
  void namesTheOperationFromFeignsConfigKey() {
    assertEquals("getOneRecording", ErrorMapping.operation("RecordingsApi#getOneRecording(String,String,UUID)"));
    assertEquals("getAllRecordings", ErrorMapping.operation("RecordingsApi#getAllRecordingsWithResponse(String)"));
    assertEquals("getOneRecording", ErrorMapping.operation("#getOneRecording"));
  }

  @Test
  void excerptsAreOneBoundedLine() {
    assertEquals("", ErrorMapping.excerpt(new byte[0]));
    assertEquals("a b c", ErrorMapping.excerpt("a\n  b\r\n\tc\n".getBytes(StandardCharsets.UTF_8)));
    String excerpt = ErrorMapping.excerpt("x".repeat(10_000).getBytes(StandardCharsets.UTF_8));
    assertEquals(ErrorMapping.EXCERPT_CHARS + 1, excerpt.length());
  }

  @Test
  void fiveHundredsAreServerErrorsAndTheRestUnexpected() {
    assertInstanceOf(InternalServerException.class, ErrorMapping.serviceException("op", 599, Map.of(), List.of(), ""));
    assertInstanceOf(UnexpectedStatusException.class, ErrorMapping.serviceException("op", 600, Map.of(), List.of(), ""));
    assertInstanceOf(UnexpectedStatusException.class, ErrorMapping.serviceException("op", 304, Map.of(), List.of(), ""));
  }

  @Test
  void dateTimesExpandWithSecondsAndTheirOffset() {
    Rfc3339Expander expander = new Rfc3339Expander();
    assertEquals("2024-01-01T10:00:00+05:30", expander.expand(OffsetDateTime.parse("2024-01-01T10:00+05:30")));
    assertEquals("2024-01-01T10:00:00Z", expander.expand(OffsetDateTime.parse("2024-01-01T10:00Z")));
    assertEquals("2024-01-01T10:00:00.25-04:00", expander.expand(OffsetDateTime.parse("2024-01-01T10:00:00.250-04:00")));
  }
}
