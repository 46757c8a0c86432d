package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339DateTimeDeserializerTest {

  final ObjectMapper mapper = RealtimeKitJson.newObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"2019-12-27T18:11:19.117Z", "2024-01-01T10:00:00+05:30", "2023-12-01T08:30:00-04:00",
      "2024-02-29T23:59:59.999999999Z", "2024-01-01T00:00:00.1-00:30", "0001-01-01T00:00:00Z",
      "2024-06-30T12:00:00.123456+14:00", "2024-06-30T12:00:00-18:00"})
  void agreesWithTheJdkOnTheRfc3339Form(String text) {
    OffsetDateTime expected = OffsetDateTime.parse(text);
    OffsetDateTime parsed = Rfc3339DateTimeDeserializer.parse(text);
    assertEquals(expected, parsed);
    assertEquals(expected.getOffset(), parsed.getOffset(), "keeps the offset");
  }

  @Test
  void agreesWithTheJdkOnRandomDateTimes() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextInt(2_000_000_000) * 2L, random.nextInt(1_000_000_000));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(73) - 36) * 15 * 60);
      OffsetDateTime value = instant.atOffset(offset);
      String text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
      assertEquals(OffsetDateTime.parse(text), Rfc3339DateTimeDeserializer.parse(text), text);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-01-01T10:00Z", "2024-01-01 10:00Z", "2024-01-01t10:00:00Z", "2024-01-01T10:00:00",
      "2024-01-01T10:00:00.Z", "2024-01-01T10:00:00.1234567890Z", "2024-01-01T10:00:00+0530", "2024-01-01T10:00:00+05:30:00",
      "2024-13-01T10:00:00Z", "2023-02-29T10:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T10:00:00+19:00",
      "20x4-01-01T10:00:00Z", "2024-01-01T10:00:00ZZ", ""})
  void leavesEverythingElseToJackson(String text) {
    assertNull(Rfc3339DateTimeDeserializer.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-04-14 04:46:08.306221Z", "2024-01-01 10:00:00Z", "2024-01-01 10:00:00.5+05:30"})
  void readsASpaceInPlaceOfTheT(String text) throws Exception {
    OffsetDateTime expected = OffsetDateTime.parse(text.replace(' ', 'T'));
    assertEquals(expected, Rfc3339DateTimeDeserializer.parse(text));
    assertEquals(expected, mapper.readValue("\"" + text + "\"", OffsetDateTime.class));
  }

  @Test
  void otherIsoFormsStillDecodeThroughJackson() throws Exception {
    assertEquals(OffsetDateTime.parse("2024-01-01T10:00+05:30"),
        mapper.readValue("\"2024-01-01T10:00+05:30\"", OffsetDateTime.class), "no seconds");
    assertEquals(OffsetDateTime.parse("2024-01-01t10:00:00z"),
        mapper.readValue("\"2024-01-01t10:00:00z\"", OffsetDateTime.class), "lower case");
  }

  @Test
  void invalidDatesStillFailToDecode() {
    assertThrows(InvalidFormatException.class, () -> mapper.readValue("\"2023-02-29T10:00:00Z\"", OffsetDateTime.class));
    assertThrows(InvalidFormatException.class, () -> mapper.readValue("\"yesterday\"", OffsetDateTime.class));
  }

  @Test
  void nullStaysNull() throws Exception {
    assertNull(mapper.readValue("null", OffsetDateTime.class));
  }
}
