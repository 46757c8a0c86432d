package io.github.realtimekit.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;

/** The JSON configuration the client decodes and encodes the API's payloads with. */
public final class RealtimeKitJson {

  private RealtimeKitJson() {
  }

  /**
   * Returns a new mapper configured as the client's own: java.time types as RFC 3339 text that
   * keeps the sender's offset, unknown properties ignored, null properties left out.
   *
   * @return a new, independent mapper
   */
  public static ObjectMapper newObjectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(new SimpleModule("rfc3339").addDeserializer(OffsetDateTime.class, new Rfc3339DateTimeDeserializer()))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
  }
}
