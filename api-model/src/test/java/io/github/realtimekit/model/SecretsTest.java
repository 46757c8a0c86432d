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
}
