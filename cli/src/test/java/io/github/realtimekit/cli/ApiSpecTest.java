package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.StorageConfig;
import io.github.realtimekit.model.StorageType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The spec read from the openapi artifact, and the masking it drives. */
class ApiSpecTest {

  @Test
  void theSecretsAreThePropertiesTheSpecMarksSensitiveOrWriteOnly() {
    assertEquals(Set.of("access_key", "secret", "password", "private_key"), ApiSpec.get().secretProperties());
  }

  @Test
  void examplesAreCopies() {
    JsonNode a = ApiSpec.get().example("GetOneRecording");
    JsonNode b = ApiSpec.get().example("GetOneRecording");
    assertNotSame(a, b);
    assertEquals("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e", a.at("/data/id").asText());
    assertThrows(IllegalStateException.class, () -> ApiSpec.get().example("NoSuchExample"));
  }

  @Test
  void masksOnlyTheGivenPropertiesAndOnlyWhenPresent() throws Exception {
    Recording recording = Recording.builder()
        .id(UUID.randomUUID())
        .storageConfig(StorageConfig.builder().type(StorageType.SFTP).username("u").password("p4ss").build())
        .build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Output output = new Output(new PrintStream(bytes, true, StandardCharsets.UTF_8), ApiSpec.get().secretProperties());

    output.jsonLine(recording);

    JsonNode json = new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8));
    assertEquals("***", json.at("/storage_config/password").asText());
    assertEquals("u", json.at("/storage_config/username").asText());
    assertEquals("sftp", json.at("/storage_config/type").asText());
    assertEquals(true, json.at("/storage_config/secret").isMissingNode(), "an absent secret stays absent");
  }

  @Test
  void sizesAndDurationsReadWell() {
    assertEquals("0 B", Output.size(0));
    assertEquals("1023 B", Output.size(1023));
    assertEquals("1.0 KiB", Output.size(1024));
    assertEquals("1.5 MiB", Output.size(1_572_864));
    assertEquals("2.0 GiB", Output.size(2L << 30));
    assertEquals("0:00", Output.duration(0));
    assertEquals("1:05", Output.duration(65));
    assertEquals("1:02:05", Output.duration(3725));
  }
}
