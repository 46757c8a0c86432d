package io.github.realtimekit.contract;

import static io.github.realtimekit.contract.Fixtures.ACCOUNT;
import static io.github.realtimekit.contract.Fixtures.APP;
import static io.github.realtimekit.contract.Fixtures.RECORDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.realtimekit.client.ListRecordingsQuery;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** Arguments that break the spec's constraints are refused before anything is sent. */
class ArgumentValidationContractTest {

  @RegisterExtension
  static WireMockExtension server = Fixtures.serverForOffSpecResponses();

  RealtimeKitClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(server).build();
  }

  @AfterEach
  void nothingWasSent() {
    assertEquals(0, server.getAllServeEvents().size(), "no request reached the server");
  }

  private static InvalidArgumentException refused(Executable call) {
    return assertThrows(InvalidArgumentException.class, call);
  }

  @Test
  void nullAccountId() {
    InvalidArgumentException e = refused(() -> client.withApp("x", APP).api().getRecording(null, APP, RECORDING));
    assertEquals(List.of("accountId must not be null (was null)"), e.getViolations().stream().map(Object::toString).toList());
    assertEquals("Invalid argument for getRecording: accountId must not be null (was null) (nothing was sent)",
        e.getMessage());
    assertEquals("getRecording", e.getOperation());
  }

  @Test
  void blankAppId() {
    InvalidArgumentException e = refused(() -> client.api().getRecording(ACCOUNT, "   ", RECORDING));
    assertEquals(List.of("appId must match \"^\\S+$\" (was \"   \")"), e.getViolations().stream().map(Object::toString).toList());
  }

  @Test
  void emptyAccountId() {
    InvalidArgumentException e = refused(() -> client.api().listRecordings("", APP, ListRecordingsQuery.none()));
    assertEquals(List.of("accountId must match \"^\\S+$\" (was \"\")", "accountId size must be between 1 and 32 (was \"\")"),
        e.getViolations().stream().map(Object::toString).toList());
    assertEquals("listRecordings", e.getOperation());
  }

  @Test
  void idsOver32Characters() {
    String longId = "a".repeat(33);
    InvalidArgumentException e = refused(() -> client.withApp(longId, longId).getRecording(RECORDING));
    assertEquals(2, e.getViolations().size());
    assertTrue(e.getViolations().get(0).toString().startsWith("accountId size must be between 1 and 32"), e.getViolations().get(0).toString());
    assertTrue(e.getViolations().get(1).toString().startsWith("appId size must be between 1 and 32"), e.getViolations().get(1).toString());
  }

  @Test
  void nullRecordingId() {
    InvalidArgumentException e = refused(() -> client.getRecording(null));
    assertEquals(List.of("recordingId must not be null (was null)"), e.getViolations().stream().map(Object::toString).toList());
  }

  @Test
  void negativePageNo() {
    InvalidArgumentException e = refused(() ->
        client.listRecordingsPage(ListRecordingsQuery.builder().pageNo(-1).build()));
    assertEquals(List.of("pageNo must be greater than or equal to 1 (was -1)"), e.getViolations().stream().map(Object::toString).toList());
  }

  @Test
  void negativePerPage() {
    InvalidArgumentException e = refused(() ->
        client.listRecordingsPage(ListRecordingsQuery.builder().perPage(-5).build()));
    assertEquals(List.of("perPage must be greater than or equal to 1 (was -5)"), e.getViolations().stream().map(Object::toString).toList());
  }

  @Test
  void everyBrokenRuleIsListed() {
    InvalidArgumentException e = refused(() ->
        client.api().listRecordings(null, APP, ListRecordingsQuery.builder().pageNo(-1).perPage(-1).build()));
    assertEquals(3, e.getViolations().size(), e.getMessage());
    assertTrue(e.getMessage().startsWith("Invalid arguments for listRecordings: "), e.getMessage());
  }

  @Test
  void nullQuery() {
    InvalidArgumentException e = refused(() -> client.listRecordingsPage(null));
    assertTrue(e.getViolations().get(0).toString().startsWith("query must not be null"));
  }

  @Test
  void thePagerChecksBeforeItsFirstRequest() {
    var pages = client.listRecordings(ListRecordingsQuery.builder().perPage(-1).build());
    InvalidArgumentException e = refused(() -> pages.iterator().hasNext());
    assertEquals(List.of("perPage must be greater than or equal to 1 (was -1)"), e.getViolations().stream().map(Object::toString).toList());
  }

  @Test
  void theGeneratedInterfaceChecksToo() {
    InvalidArgumentException e = refused(() -> client.api().getRecording(ACCOUNT, null, RECORDING));
    assertEquals(List.of("appId must not be null (was null)"), e.getViolations().stream().map(Object::toString).toList());
  }

  @Test
  void aSlashInAnIdStaysInsideItsSegment() {
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.notFound()));
    assertThrows(io.github.realtimekit.client.errors.NotFoundException.class,
        () -> client.withApp("acc/../other", APP).getRecording(RECORDING));
    String url = server.getAllServeEvents().get(0).getRequest().getUrl();
    assertTrue(url.startsWith(Fixtures.BASE_PATH + "/accounts/acc%2F..%2Fother/realtime/kit/"), url);
    server.resetRequests();
  }
}
