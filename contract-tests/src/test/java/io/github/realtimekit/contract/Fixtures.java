package io.github.realtimekit.contract;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.RealtimeKitClientBuilder;
import io.github.realtimekit.fixtures.SpecExamples;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Shared ids, paths and clients, and bodies from the fixtures module's {@link SpecExamples}. */
final class Fixtures {

  static final String TOKEN = "cf-test-token-0123456789abcdef";
  static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  static final String APP = "9a7806061c88ada191ed06f989cc3dac";
  static final UUID RECORDING = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
  /** The path of the spec's server URL, so requests look as they do against Cloudflare. */
  static final String BASE_PATH = "/client/v4";
  static final String LIST_PATH = BASE_PATH + "/accounts/" + ACCOUNT + "/realtime/kit/" + APP + "/recordings";
  static final String ONE_PATH = LIST_PATH + "/" + RECORDING;

  private Fixtures() {
  }

  /** A server whose every request and response is checked against the spec after each test. */
  static SpecValidatedWireMock server() {
    return new SpecValidatedWireMock(WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()), true);
  }

  /**
   * A server for tests that serve responses outside the spec on purpose (error pages, malformed or
   * newer payloads, faults): every request is still checked against the spec after each test.
   */
  static SpecValidatedWireMock serverForOffSpecResponses() {
    return new SpecValidatedWireMock(WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()), false);
  }

  /** The base URL of the client for a test server, with the spec's base path. */
  static String baseUrl(WireMockExtension server) {
    return server.baseUrl() + BASE_PATH;
  }

  /** A strict client with the default retry count and millisecond backoff, so tests stay fast. */
  static RealtimeKitClientBuilder client(WireMockExtension server) {
    return RealtimeKitClient.builder()
        .apiToken(TOKEN)
        .accountId(ACCOUNT)
        .appId(APP)
        .baseUrl(baseUrl(server))
        .strictResponses(true)
        .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
  }

  /** The documented get_one_recording example with its recording's fields changed. */
  static ObjectNode oneRecording(java.util.function.Consumer<ObjectNode> change) {
    return SpecExamples.oneRecording(change);
  }

  /** The documented list item with another id. */
  static ObjectNode listItem(UUID id) {
    return SpecExamples.recording(id);
  }

  /** A page in the documented shape: these recordings, with 1-based inclusive offsets. */
  static String page(List<UUID> ids, long startOffset, long totalCount) {
    return SpecExamples.pageOf(ids, startOffset, totalCount).toString();
  }

  /** A deterministic id for the n-th recording of a generated data set. */
  static UUID nthId(long n) {
    return SpecExamples.nthId(n);
  }

  static String json(JsonNode node) {
    return node.toString();
  }
}
