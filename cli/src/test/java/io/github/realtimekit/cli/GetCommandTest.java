package io.github.realtimekit.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code get}: readable and JSON output, secrets masked in both. */
class GetCommandTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final UUID ID = UUID.fromString("5e0c2a4b-1d3f-4e5a-9b6c-7d8e9f0a1b2c");

  private static String baseUrl() {
    return server.baseUrl() + Examples.BASE_PATH;
  }

  private static void stubRecording() {
    server.stubFor(get(urlPathEqualTo(Examples.onePath(ID))).willReturn(okJson(Examples.one(ID, data -> {
      data.put("file_size", 1_572_864);
      data.put("recording_duration", 3725);
      data.putObject("stop_reason").put("reason", "ALL_PEERS_LEFT");
    }))));
  }

  @Test
  void printsOneFieldPerLineWithNestedObjectsAndSecretsMasked() {
    stubRecording();

    Cli.Result r = Cli.against(baseUrl(), "get", ID.toString());

    assertEquals(0, r.exitCode(), r.toString());
    List<String> lines = r.outLines();
    assertEquals("id: " + ID, lines.get(0));
    assertTrue(lines.contains("status: INVOKED"), r.out());
    assertTrue(lines.contains("output_file_name: output_file_name"), r.out());
    assertTrue(lines.contains("file_size: 1572864 (1.5 MiB)"), r.out());
    assertTrue(lines.contains("recording_duration: 3725 (1:02:05)"), r.out());
    assertTrue(lines.contains("invoked_time: 2019-12-27T18:11:19.117Z"), r.out());
    int meeting = lines.indexOf("meeting:");
    assertTrue(meeting > 0, r.out());
    assertEquals("  id: 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e", lines.get(meeting + 1));
    assertTrue(lines.contains("  title: title"), r.out());
    int stop = lines.indexOf("stop_reason:");
    assertEquals("  reason: ALL_PEERS_LEFT", lines.get(stop + 1));
    int storage = lines.indexOf("storage_config:");
    assertEquals("  type: aws", lines.get(storage + 1));
    for (String secret : List.of("access_key", "secret", "password", "private_key")) {
      assertTrue(lines.contains("  " + secret + ": ***"), secret + " in\n" + r.out());
    }
    assertTrue(lines.contains("  bucket: bucket"), r.out());
    Examples.SECRET_VALUES.forEach(secret -> assertFalse(r.out().contains(secret), secret));
    assertEquals("", r.err());
  }

  @Test
  void printsOneLineOfJsonShapedAsTheApiWithSecretsMasked() {
    stubRecording();

    Cli.Result r = Cli.against(baseUrl(), "get", ID.toString(), "--json");

    assertEquals(0, r.exitCode(), r.toString());
    List<JsonNode> lines = r.jsonLines();
    assertEquals(1, lines.size(), r.out());
    JsonNode recording = lines.get(0);
    assertEquals(ID.toString(), recording.get("id").asText());
    assertEquals(1_572_864, recording.get("file_size").asLong());
    assertEquals("https://example.com", recording.get("download_url").asText());
    assertEquals("ALL_PEERS_LEFT", recording.at("/stop_reason/reason").asText());
    assertEquals("***", recording.at("/storage_config/access_key").asText());
    assertEquals("***", recording.at("/storage_config/secret").asText());
    assertEquals("***", recording.at("/storage_config/password").asText());
    assertEquals("***", recording.at("/storage_config/private_key").asText());
    assertEquals("us-east-1", recording.at("/storage_config/region").asText());
    Examples.SECRET_VALUES.forEach(secret -> assertFalse(r.out().contains(secret), secret));
  }

  @Test
  void verboseLogsTheExchangeWithTheTokenRedacted() {
    stubRecording();

    Cli.Result r = Cli.against(baseUrl(), "--verbose", "get", ID.toString());

    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.err().contains("GET " + baseUrl() + "/accounts/" + Cli.ACCOUNT), r.err());
    assertTrue(r.errLines().stream().anyMatch(l -> l.startsWith("http: ") && l.endsWith("Authorization: ***")), r.err());
    assertTrue(r.err().contains("http: <-- 200 GET " + baseUrl() + "/accounts/" + Cli.ACCOUNT), r.err());
    assertFalse(r.err().contains(Cli.TOKEN), r.err());
    assertFalse(r.out().contains(Cli.TOKEN));
    Examples.SECRET_VALUES.forEach(secret -> assertFalse(r.err().contains(secret), secret));
    assertTrue(r.out().startsWith("id: " + ID), "the log goes to stderr only");
  }

  @Test
  void withoutVerboseThereIsNoHttpLog() {
    stubRecording();
    Cli.against(baseUrl(), "--verbose", "get", ID.toString());

    Cli.Result r = Cli.against(baseUrl(), "get", ID.toString());

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("", r.err(), "the log of an earlier --verbose run is not left behind");
    server.verify(2, getRequestedFor(urlPathEqualTo(Examples.onePath(ID))));
  }

  @Test
  void saysWhatItWaitsForBeforeEachRetry() {
    server.stubFor(get(urlPathEqualTo(Examples.onePath(ID))).inScenario("busy")
        .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(429)
            .withHeader("Retry-After-Ms", "20"))
        .willSetStateTo("free"));
    server.stubFor(get(urlPathEqualTo(Examples.onePath(ID))).inScenario("busy").whenScenarioStateIs("free")
        .willReturn(okJson(Examples.one(ID, data -> { }))));

    Cli.Result r = Cli.against(baseUrl(), "get", ID.toString());

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(java.util.List.of("realtimekit-recordings: retrying getRecording in 20 ms after HTTP 429 (attempt 2 of 3)"),
        r.errLines(), r.err());
  }
}
