package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no token configured, or with {@code --mock}, the built-in mock server answers. */
class MockModeTest {

  private static final String NOTICE = "realtimekit-recordings: no API token configured; "
      + "using the built-in mock server with the documented examples";

  @TempDir
  Path dir;

  @Test
  void listWorksWithNoConfigurationAtAll() {
    Cli.Result r = Cli.run(Map.of(), "list");

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(List.of(NOTICE), r.errLines());
    assertEquals(2, r.outLines().size(), r.out());
    assertTrue(r.outLines().get(1).startsWith(Examples.RECORDING + "  INVOKED  "), r.out());
  }

  @Test
  void listServesThePagesOfTheExample() {
    Cli.Result all = Cli.run(Map.of(), "list", "--all", "--json");
    assertEquals(0, all.exitCode(), all.toString());
    assertEquals(1, all.jsonLines().size());

    Cli.Result second = Cli.run(Map.of(), "list", "--page-no", "2", "--json");
    assertEquals(0, second.exitCode(), second.toString());
    assertEquals("", second.out());
    assertTrue(second.err().contains("no recordings on page 2 (1 in all)"), second.err());
  }

  @Test
  void mockOptionWinsOverAConfiguredToken() {
    Cli.Result r = Cli.run(Cli.realEnv(), "--mock", "--base-url", "http://127.0.0.1:1/client/v4", "list", "--json");

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(List.of("realtimekit-recordings: --mock: using the built-in mock server with the documented examples"),
        r.errLines());
    assertEquals(Examples.RECORDING.toString(), r.jsonLines().get(0).get("id").asText());
  }

  @Test
  void getAnswersTheExampleWithTheIdAskedForAndSecretsMasked() {
    UUID id = UUID.randomUUID();

    Cli.Result r = Cli.run(Map.of(), "get", id.toString(), "--json");

    assertEquals(0, r.exitCode(), r.toString());
    JsonNode recording = r.jsonLines().get(0);
    assertEquals(id.toString(), recording.get("id").asText());
    assertEquals("RealtimeKit_test", recording.at("/start_reason/caller/name").asText());
    assertEquals("***", recording.at("/storage_config/password").asText());
    assertEquals("***", recording.at("/storage_config/secret").asText());
    assertEquals("***", recording.at("/storage_config/private_key").asText());
    assertEquals("bucket", recording.at("/storage_config/bucket").asText());
    assertTrue(recording.get("download_url").asText().startsWith("http://127.0.0.1:"), recording.toString());
  }

  @Test
  void downloadWorksAgainstTheMock() throws Exception {
    UUID id = UUID.randomUUID();

    Cli.Result video = Cli.run(Map.of(), "download", id.toString(), "-o", dir.toString());
    Cli.Result audio = Cli.run(Map.of(), "download", id.toString(), "--audio", "-o", dir.toString());

    assertEquals(0, video.exitCode(), video.toString());
    assertEquals(0, audio.exitCode(), audio.toString());
    assertArrayEquals(MockServer.content(id, false), Files.readAllBytes(dir.resolve("output_file_name")));
    assertArrayEquals(MockServer.content(id, true), Files.readAllBytes(dir.resolve("output_file_name-audio")));
    assertTrue(video.err().contains("100% ["), video.err());
  }

  @Test
  void accountAndAppMayBeGivenWithMock() {
    Cli.Result r = Cli.run(Map.of("CLOUDFLARE_ACCOUNT_ID", "my-account"), "--app", "my-app", "--verbose", "--mock",
        "list");

    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.err().contains("/accounts/my-account/realtime/kit/my-app/recordings"), r.err());
  }

  @Test
  void anEmptyEnvironmentVariableOtherThanTheTokenConfiguresNothing() {
    Cli.Result r = Cli.run(Map.of("CLOUDFLARE_ACCOUNT_ID", "", "REALTIMEKIT_APP_ID", " "), "list");

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(List.of(NOTICE), r.errLines());
  }

  @Test
  void unknownPathsAnswer404InRealtimeKitsErrorEnvelope() throws Exception {
    try (MockServer mock = MockServer.start()) {
      HttpClient http = HttpClient.newHttpClient();
      for (String path : List.of("/client/v4/accounts/a/realtime/kit/b/meetings", "/", "/mock-downloads/x/video")) {
        HttpResponse<String> response = http.send(
            HttpRequest.newBuilder(URI.create(mock.baseUrl().replace("/client/v4", "") + path)).build(),
            HttpResponse.BodyHandlers.ofString());

        assertEquals(404, response.statusCode(), path);
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertFalse(body.get("success").asBoolean());
        assertEquals(404, body.at("/error/code").asInt());
        assertTrue(body.at("/error/message").asText().contains(path), body.toString());
      }
      HttpResponse<String> unknownRecording = http.send(
          HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/accounts/a/realtime/kit/b/recordings/not-a-uuid"))
              .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(404, unknownRecording.statusCode());
      assertEquals("Recording not found", new ObjectMapper().readTree(unknownRecording.body()).at("/error/message")
          .asText());
    }
  }
}
