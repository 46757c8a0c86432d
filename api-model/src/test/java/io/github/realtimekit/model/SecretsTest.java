package io.github.realtimekit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The properties the spec marks writeOnly or x-sensitive are @Sensitive, and toString() masks them. */
class SecretsTest {

  static final List<Class<?>> MODELS = List.of(Caller.class, ErrorDetail.class, ErrorEnvelope.class,
      GetRecordingResponse.class, ListRecordingsResponse.class, Meeting.class, Paging.class, Recording.class,
      StartReason.class, StopReason.class, StorageConfig.class);

  @Test
  void exactlyTheSpecsSecretsAreMarked() {
    Set<String> marked = new TreeSet<>();
    for (Class<?> model : MODELS) {
      for (Method getter : model.getMethods()) {
        if (getter.isAnnotationPresent(Sensitive.class)) {
          marked.add(model.getSimpleName() + "." + getter.getAnnotation(JsonProperty.class).value());
        }
      }
    }

    assertEquals(Set.of("StorageConfig.access_key", "StorageConfig.password", "StorageConfig.private_key",
        "StorageConfig.secret"), marked);
  }

  @Test
  void toStringMasksTheMarkedValuesAndShowsOnlyTheNamesOfUnknownOnes() {
    StorageConfig config = StorageConfig.builder()
        .type(StorageType.SFTP)
        .username("rec-user")
        .password("test-password-value")
        .privateKey("-----BEGIN TEST PRIVATE KEY-----")
        .additionalProperty("session_token", TextNode.valueOf("unknown-secret-value"))
        .build();

    String text = config.toString();

    assertTrue(text.contains("password=***"), text);
    assertTrue(text.contains("privateKey=***"), text);
    assertTrue(text.contains("secret=null"), "an absent secret reads null: " + text);
    assertTrue(text.contains("username=rec-user"), text);
    assertTrue(text.endsWith(", additionalProperties=[session_token]}"), text);
    for (String secret : List.of("test-password-value", "BEGIN TEST PRIVATE KEY", "unknown-secret-value")) {
      assertFalse(text.contains(secret), text);
    }
    assertEquals("test-password-value", config.getPassword(), "the getter returns the value");
  }

  @Test
  void toStringHidesTheQueryOfEveryUrlAndTheGetterKeepsIt() {
    String signed = "https://bucket.example.com/rec.mp4?X-Amz-Credential=cred-value&X-Amz-Signature=sig-value";
    Recording recording = Recording.builder()
        .id(java.util.UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"))
        .invokedTime(java.time.OffsetDateTime.parse("2024-01-01T00:00:00Z"))
        .status(RecordingStatus.UPLOADED)
        .downloadUrl(java.net.URI.create(signed))
        .audioDownloadUrl(java.net.URI.create("https://user:pass-value@bucket.example.com/a.m4a?sig=audio-sig#frag"))
        .outputFileName("a?b=c.mp4")
        .build();

    String text = recording.toString();

    assertTrue(text.contains("downloadUrl=https://bucket.example.com/rec.mp4?***"), text);
    assertTrue(text.contains("audioDownloadUrl=https://***@bucket.example.com/a.m4a?***"), text);
    assertTrue(text.contains("outputFileName=a?b=c.mp4"), "a string that is no URL prints whole: " + text);
    for (String secret : List.of("cred-value", "sig-value", "audio-sig", "pass-value", "frag")) {
      assertFalse(text.contains(secret), text);
    }
    assertEquals(signed, recording.getDownloadUrl().toString(), "the getter returns the whole URL");
  }

  @Test
  void aUrlWithoutQueryPrintsWhole() {
    Recording recording = Recording.builder()
        .id(java.util.UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"))
        .invokedTime(java.time.OffsetDateTime.parse("2024-01-01T00:00:00Z"))
        .status(RecordingStatus.UPLOADED)
        .downloadUrl(java.net.URI.create("https://bucket.example.com/rec.mp4"))
        .outputFileName("rec.mp4")
        .build();

    assertTrue(recording.toString().contains("downloadUrl=https://bucket.example.com/rec.mp4,"), recording.toString());
  }
}
