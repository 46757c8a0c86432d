package io.github.realtimekit.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;
import java.time.LocalDate;
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
    return configured(JsonMapper.builder().addModule(new JavaTimeModule())
        .addModule(new SimpleModule("rfc3339").addDeserializer(OffsetDateTime.class, new Rfc3339DateTimeDeserializer())));
  }

  /**
   * The client's own mapper: as {@link #newObjectMapper()}, with only the java.time types the models
   * hold ({@code OffsetDateTime}, {@code LocalDate}), through the same (de)serializers. The whole
   * {@code JavaTimeModule} registers one for every java.time type, 75 classes loaded before the first
   * response (SideBySideColdStart, {@code -Xlog:class+load}). The contract tests decode every documented
   * example with it, so a type the spec adds and this leaves out fails the build.
   */
  static ObjectMapper clientMapper() {
    return configured(JsonMapper.builder().addModule(new SimpleModule("rfc3339")
        .addDeserializer(OffsetDateTime.class, new Rfc3339DateTimeDeserializer())
        .addSerializer(OffsetDateTime.class, OffsetDateTimeSerializer.INSTANCE)
        .addDeserializer(LocalDate.class, LocalDateDeserializer.INSTANCE)
        .addSerializer(LocalDate.class, LocalDateSerializer.INSTANCE)));
  }

  private static ObjectMapper configured(JsonMapper.Builder builder) {
    return builder
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
  }
}
