package io.github.realtimekit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.realtimekit.contract.Fixtures.ACCOUNT;
import static io.github.realtimekit.contract.Fixtures.APP;
import static io.github.realtimekit.contract.Fixtures.ONE_PATH;
import static io.github.realtimekit.contract.Fixtures.RECORDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.errors.InternalServerException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.NetworkTimeoutException;
import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.fixtures.SpecExamples;
import io.github.realtimekit.model.Recording;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which failures are tried again, how often, and how long the client waits. Backoff is set to a few
 * milliseconds, so a wait of a second or more can only come from the server's Retry-After.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RetryContractTest {

  @RegisterExtension
  static WireMockExtension server = Fixtures.serverForOffSpecResponses();

  /** The server answers with {@code first}, then with the documented example. */
  private void firstThenSuccess(ResponseDefinitionBuilder first) {
    server.stubFor(get(urlPathEqualTo(ONE_PATH)).inScenario("retry").whenScenarioStateIs(STARTED)
        .willReturn(first).willSetStateTo("recovered"));
    server.stubFor(get(urlPathEqualTo(ONE_PATH)).inScenario("retry").whenScenarioStateIs("recovered")
        .willReturn(okJson(SpecExamples.exampleJson("GetOneRecording"))));
  }

  private void always(ResponseDefinitionBuilder response) {
    server.stubFor(get(urlPathEqualTo(ONE_PATH)).willReturn(response));
  }

  private int attempts() {
    return server.findAll(getRequestedFor(urlPathEqualTo(ONE_PATH))).size();
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  @Test
  void retries429AfterRetryAfterSeconds() {
    firstThenSuccess(aResponse().withStatus(429).withHeader("Retry-After", "1"));
    RealtimeKitClient client = Fixtures.client(server).build();

    long start = System.nanoTime();
    Recording recording = client.getRecording(RECORDING);

    assertEquals(RECORDING, recording.getId());
    assertEquals(2, attempts());
    assertTrue(millisSince(start) >= 950, "waited the second the server asked for: " + millisSince(start) + " ms");
  }

  @Test
  void retries429AfterRetryAfterAsAnHttpDate() {
    String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
    firstThenSuccess(aResponse().withStatus(429).withHeader("Retry-After", inTwoSeconds));
    RealtimeKitClient client = Fixtures.client(server).build();

    long start = System.nanoTime();
    client.getRecording(RECORDING);

    assertEquals(2, attempts());
    // An HTTP date has whole seconds, so "two seconds from now" is between one and two seconds away.
    assertTrue(millisSince(start) >= 900, "waited until the date the server named: " + millisSince(start) + " ms");
  }

  @Test
  void retryAfterMsTakesPrecedence() {
    firstThenSuccess(aResponse().withStatus(429).withHeader("Retry-After-Ms", "400").withHeader("Retry-After", "30"));
    RealtimeKitClient client = Fixtures.client(server).build();

    long start = System.nanoTime();
    client.getRecording(RECORDING);

    assertEquals(2, attempts());
    assertTrue(millisSince(start) >= 380, "waited the milliseconds the server asked for: " + millisSince(start) + " ms");
  }

  @Test
  void capsALongRetryAfter() {
    firstThenSuccess(aResponse().withStatus(503).withHeader("Retry-After", "3600"));
    RealtimeKitClient client = Fixtures.client(server).maxRetryAfter(Duration.ofMillis(300)).build();

    long start = System.nanoTime();
    client.getRecording(RECORDING);

    assertEquals(2, attempts(), "retried after the cap, not after an hour (the test's timeout would fail)");
    assertTrue(millisSince(start) >= 280, "waited the cap: " + millisSince(start) + " ms");
  }

  @Test
  void retries503ThenSucceeds() {
    firstThenSuccess(aResponse().withStatus(503).withBody("Service Unavailable"));

    Recording recording = Fixtures.client(server).build().getRecording(RECORDING);

    assertEquals(RECORDING, recording.getId());
    assertEquals(2, attempts());
  }

  @ParameterizedTest(name = "HTTP {0} is retried")
  @ValueSource(ints = {408, 409, 429, 500, 502, 504})
  void retriesTheRetryableStatuses(int status) {
    firstThenSuccess(aResponse().withStatus(status));

    Fixtures.client(server).build().getRecording(RECORDING);

    assertEquals(2, attempts());
  }

  @Test
  void givesUpOnAPersistent500AfterTwoRetries() {
    always(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
        .withBody(SpecExamples.exampleJson("CloudflareError")));

    RealtimeKitException e = assertThrows(RealtimeKitException.class,
        () -> Fixtures.client(server).build().getRecording(RECORDING));

    assertInstanceOf(InternalServerException.class, e);
    assertEquals(500, ((InternalServerException) e).getStatusCode());
    assertEquals(3, attempts(), "one attempt and the default two retries");
  }

  @Test
  void maxRetriesIsConfigurable() {
    always(aResponse().withStatus(503));

    assertThrows(InternalServerException.class,
        () -> Fixtures.client(server).maxRetries(4).build().getRecording(RECORDING));

    assertEquals(5, attempts());
  }

  @Test
  void zeroRetriesDisablesRetrying() {
    always(aResponse().withStatus(503));

    assertThrows(InternalServerException.class,
        () -> Fixtures.client(server).maxRetries(0).build().getRecording(RECORDING));

    assertEquals(1, attempts());
  }

  @ParameterizedTest(name = "HTTP {0} is not retried")
  @ValueSource(ints = {400, 401, 403, 404, 422})
  void neverRetriesOtherClientErrors(int status) {
    always(aResponse().withStatus(status));

    assertThrows(RealtimeKitException.class, () -> Fixtures.client(server).build().getRecording(RECORDING));

    assertEquals(1, attempts());
  }

  @Test
  void a404IsNotFoundAtOnce() {
    always(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
        .withBody(SpecExamples.exampleJson("RealtimeKitError")));

    assertThrows(NotFoundException.class, () -> Fixtures.client(server).build().getRecording(RECORDING));
    assertEquals(1, attempts());
  }

  @ParameterizedTest(name = "{0} is a network failure, retried")
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK",
      "RANDOM_DATA_THEN_CLOSE"})
  void everyFaultIsANetworkFailureAndIsRetried(Fault fault) {
    always(aResponse().withFault(fault));
    // The transport sends a GET again, at once, when a connection it took from its pool fails before any
    // answer (the server may have closed it while idle). Each fault closes its connection, so only the
    // first attempt can have found one in the pool: three attempts make three or four requests.
    RealtimeKitException e = assertThrows(RealtimeKitException.class,
        () -> Fixtures.client(server).build().getRecording(RECORDING));

    assertInstanceOf(NetworkException.class, e, () -> "got " + e);
    assertEquals("getRecording", e.getOperation());
    assertTrue(attempts() == 3 || attempts() == 4, "one attempt and the default two retries: " + attempts());
  }

  @ParameterizedTest(name = "recovers after {0}")
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK",
      "RANDOM_DATA_THEN_CLOSE"})
  void recoversAfterAFault(Fault fault) {
    firstThenSuccess(aResponse().withFault(fault));

    Recording recording = Fixtures.client(server).build().getRecording(RECORDING);

    assertEquals(RECORDING, recording.getId());
    assertTrue(attempts() >= 2, "the fault was answered, then the example");
  }

  @Test
  void aResponseSlowerThanTheReadTimeoutTimesOut() {
    always(okJson(SpecExamples.exampleJson("GetOneRecording")).withFixedDelay(2000));
    RealtimeKitClient client = Fixtures.client(server).readTimeout(Duration.ofMillis(250)).maxRetries(1).build();

    RealtimeKitException e = assertThrows(RealtimeKitException.class, () -> client.getRecording(RECORDING));

    assertInstanceOf(NetworkTimeoutException.class, e, () -> "got " + e);
    assertTrue(e.getMessage().startsWith("Timed out waiting for localhost:"), e.getMessage());
    assertTrue(e.getMessage().endsWith("calling getRecording (read timeout 250 ms for the whole response) (2 attempts)"),
        e.getMessage());
    assertEquals(2, e.getAttempts(), "a timeout is retried too");
  }

  @Test
  void aRefusedConnectionIsANetworkFailure() {
    RealtimeKitClient client = RealtimeKitClient.builder().apiToken(Fixtures.TOKEN).accountId(ACCOUNT).appId(APP)
        .baseUrl("http://127.0.0.1:1").maxRetries(1).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(1)).build();

    RealtimeKitException e = assertThrows(RealtimeKitException.class, () -> client.getRecording(RECORDING));

    assertInstanceOf(NetworkException.class, e, () -> "got " + e);
    assertEquals("Connection refused by 127.0.0.1:1 calling getRecording (nothing listens on that port, or a firewall "
        + "refuses the connection) (2 attempts)", e.getMessage());
  }
}
