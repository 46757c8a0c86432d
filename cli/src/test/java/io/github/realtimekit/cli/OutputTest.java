package io.github.realtimekit.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.RecordingStatus;
import io.github.realtimekit.model.StorageConfig;
import io.github.realtimekit.model.StorageType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The output's JSON: secrets masked by the model's @Sensitive marker, properties newer than the spec kept. */
class OutputTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static Recording.Builder recording() {
    return Recording.builder()
        .id(UUID.randomUUID())
        .invokedTime(OffsetDateTime.parse("2024-01-01T10:00:00Z"))
        .outputFileName("a.mp4")
        .status(RecordingStatus.UPLOADED);
  }

  private static JsonNode jsonLine(Object model) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new Output(new PrintStream(bytes, true, StandardCharsets.UTF_8)).jsonLine(model);
    return new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void masksTheSensitivePropertiesOfTheModelOnlyWhenPresent() throws Exception {
    Recording recording = recording()
        .storageConfig(StorageConfig.builder().type(StorageType.SFTP).username("u").password("p4ss").build())
        .build();

    JsonNode json = jsonLine(recording);

    assertEquals("***", json.at("/storage_config/password").asText());
    assertEquals("u", json.at("/storage_config/username").asText());
    assertEquals("sftp", json.at("/storage_config/type").asText());
    assertTrue(json.at("/storage_config/secret").isMissingNode(), "an absent secret stays absent");
  }

  @Test
  void writesPropertiesNewerThanTheSpecBackOut() throws Exception {
    Recording recording = recording()
        .storageConfig(StorageConfig.builder().type(StorageType.AWS).additionalProperty("kms_key", TextNode.valueOf("k1")).build())
        .additionalProperty("transcoding_progress", new ObjectMapper().readTree("42"))
        .build();

    JsonNode json = jsonLine(recording);

    assertEquals(42, json.get("transcoding_progress").asInt());
    assertEquals("k1", json.at("/storage_config/kms_key").asText());
  }

  @Test
  void jsonOutputOfTheToolKeepsPropertiesNewerThanTheSpecAndMasksSecrets() {
    UUID id = UUID.fromString("5e0c2a4b-1d3f-4e5a-9b6c-7d8e9f0a1b2c");
    server.stubFor(get(urlPathEqualTo(Examples.onePath(id))).willReturn(okJson(Examples.one(id, data -> {
      data.put("transcoding_progress", 42);
      data.putObject("watermark").put("url", "https://example.com/w.png");
      ((ObjectNode) data.get("storage_config")).put("kms_key", "k1");
    }))));

    Cli.Result r = Cli.against(server.baseUrl() + Examples.BASE_PATH, "get", id.toString(), "--json");

    assertEquals(0, r.exitCode(), r.toString());
    JsonNode json = r.jsonLines().get(0);
    assertEquals(42, json.get("transcoding_progress").asInt(), r.out());
    assertEquals("https://example.com/w.png", json.at("/watermark/url").asText(), r.out());
    assertEquals("k1", json.at("/storage_config/kms_key").asText(), r.out());
    assertEquals("***", json.at("/storage_config/password").asText(), r.out());
    Examples.SECRET_VALUES.forEach(secret -> assertFalse(r.out().contains(secret), secret));
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
