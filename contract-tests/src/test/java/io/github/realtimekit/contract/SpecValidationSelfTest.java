package io.github.realtimekit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.realtimekit.contract.Fixtures.LIST_PATH;
import static io.github.realtimekit.contract.Fixtures.ONE_PATH;
import static io.github.realtimekit.contract.Fixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.fixtures.SpecExamples;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The spec check that every contract test runs after itself catches what it must: requests are sent
 * here by hand, bypassing the client, to prove each kind of mistake is reported.
 */
class SpecValidationSelfTest {

  @RegisterExtension
  static SpecValidatedWireMock server = Fixtures.server();

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void forgetTheDeliberateMistakes() {
    server.resetRequests();
  }

  private List<String> violationsOf(String pathAndQuery) throws IOException, InterruptedException {
    server.stubFor(any(anyUrl()).willReturn(okJson(SpecExamples.exampleJson("GetAllRecordings"))));
    HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
        .header("Authorization", "Bearer " + TOKEN).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.discarding());
    return server.violations();
  }

  private static void assertReported(List<String> violations, String expected) {
    assertTrue(violations.stream().anyMatch(v -> v.contains(expected)), () -> "expected " + expected + " in " + violations);
  }

  @Test
  void aWellFormedRequestPasses() throws Exception {
    assertEquals(List.of(), violationsOf(LIST_PATH + "?status=UPLOADED,RECORDING&start_time=2024-01-01T10:00:00%2B05:30"));
  }

  @Test
  void catchesAQueryParameterTheSpecDoesNotDeclare() throws Exception {
    assertReported(violationsOf(LIST_PATH + "?limit=10"), "validation.request.parameter.query.unexpected");
  }

  @Test
  void catchesTheWrongArrayStyle() throws Exception {
    assertReported(violationsOf(LIST_PATH + "?status=UPLOADED&status=RECORDING"),
        "validation.request.parameter.collection.invalidFormat");
  }

  @Test
  void catchesABadEnumValue() throws Exception {
    assertReported(violationsOf(LIST_PATH + "?sort_order=SIDEWAYS"), "validation.request.parameter.schema.enum");
    assertReported(violationsOf(LIST_PATH + "?status=UPLOADED,ERRORED"), "validation.request.parameter.schema.enum");
  }

  @Test
  void catchesAMalformedDateTime() throws Exception {
    assertReported(violationsOf(LIST_PATH + "?start_time=2024-01-01T10:00"), "validation.request.parameter.schema.format");
  }

  @Test
  void catchesABrokenConstraint() throws Exception {
    assertReported(violationsOf(LIST_PATH + "?page_no=-1"), "validation.request.parameter.schema.minimum");
    assertReported(violationsOf(LIST_PATH + "?meeting_id=not-a-uuid"), "validation.request.parameter.schema.format");
  }

  @Test
  void catchesAMissingToken() throws Exception {
    server.stubFor(any(anyUrl()).willReturn(okJson(SpecExamples.exampleJson("GetAllRecordings"))));
    HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + LIST_PATH)).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    assertReported(server.violations(), "validation.request.security.bearer");
  }

  @Test
  void catchesAResponseThatBreaksItsSchema() throws Exception {
    server.stubFor(get(urlPathEqualTo(ONE_PATH)).willReturn(okJson(
        SpecExamples.exampleJson("GetOneRecording").replace("\"status\":\"INVOKED\"", "\"status\":\"BOGUS\""))));
    HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + ONE_PATH))
        .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.discarding());
    assertReported(server.violations(), "validation.response.body.schema.enum");
  }

  @Test
  void acceptsANullWhereTheSpecSaysNullable() throws Exception {
    server.stubFor(get(urlPathEqualTo(ONE_PATH)).willReturn(okJson(
        Fixtures.oneRecording(data -> data.putNull("storage_config")).toString())));
    HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + ONE_PATH))
        .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.discarding());
    assertEquals(List.of(), server.violations(), "storage_config is nullable");
  }

  @Test
  void readsTheQueryAsSent() {
    assertEquals(List.of("UPLOADED,RECORDING"),
        SpecValidatedWireMock.rawQuery("/x?status=UPLOADED,RECORDING").get("status"), "one value, split by the spec's style");
    assertEquals(List.of("UPLOADED", "RECORDING"),
        SpecValidatedWireMock.rawQuery("/x?status=UPLOADED&status=RECORDING").get("status"), "a repeated key is two values");
  }
}
