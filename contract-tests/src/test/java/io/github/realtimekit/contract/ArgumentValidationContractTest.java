package io.github.realtimekit.contract;

import static io.github.realtimekit.contract.Fixtures.ACCOUNT;
import static io.github.realtimekit.contract.Fixtures.APP;
import static io.github.realtimekit.contract.Fixtures.RECORDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.realtimekit.client.RecordingsApi.GetAllRecordingsQuery;
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
    InvalidArgumentException e = refused(() -> client.getRecording(null, APP, RECORDING));
    assertEquals(List.of("accountId must not be null (was null)"), e.violations());
    assertEquals("Invalid argument for getOneRecording: accountId must not be null (was null) (nothing was sent)",
        e.getMessage());
    assertEquals("getOneRecording", e.operation());
  }

  @Test
  void blankAppId() {
    InvalidArgumentException e = refused(() -> client.getRecording(ACCOUNT, "   ", RECORDING));
    assertEquals(List.of("appId must match \"^\\S+$\" (was \"   \")"), e.violations());
  }

  @Test
  void emptyAccountId() {
    InvalidArgumentException e = refused(() -> client.listRecordingsPage("", APP, GetAllRecordingsQuery.none()));
    assertEquals(List.of("accountId must match \"^\\S+$\" (was \"\")", "accountId size must be between 1 and 32 (was \"\")"),
        e.violations());
    assertEquals("getAllRecordings", e.operation());
  }

  @Test
  void idsOver32Characters() {
    String longId = "a".repeat(33);
    InvalidArgumentException e = refused(() -> client.getRecording(longId, longId, RECORDING));
    assertEquals(2, e.violations().size());
    assertTrue(e.violations().get(0).startsWith("accountId size must be between 1 and 32"), e.violations().get(0));
    assertTrue(e.violations().get(1).startsWith("appId size must be between 1 and 32"), e.violations().get(1));
  }

  @Test
  void nullRecordingId() {
    InvalidArgumentException e = refused(() -> client.getRecording(ACCOUNT, APP, null));
    assertEquals(List.of("recordingId must not be null (was null)"), e.violations());
  }

  @Test
  void negativePageNo() {
    InvalidArgumentException e = refused(() ->
        client.listRecordingsPage(ACCOUNT, APP, GetAllRecordingsQuery.builder().pageNo(-1).build()));
    assertEquals(List.of("pageNo must be greater than or equal to 0 (was -1)"), e.violations());
  }

  @Test
  void negativePerPage() {
    InvalidArgumentException e = refused(() ->
        client.listRecordingsPage(ACCOUNT, APP, GetAllRecordingsQuery.builder().perPage(-5).build()));
    assertEquals(List.of("perPage must be greater than or equal to 0 (was -5)"), e.violations());
  }

  @Test
  void everyBrokenRuleIsListed() {
    InvalidArgumentException e = refused(() ->
        client.listRecordingsPage(null, APP, GetAllRecordingsQuery.builder().pageNo(-1).perPage(-1).build()));
    assertEquals(3, e.violations().size(), e.getMessage());
    assertTrue(e.getMessage().startsWith("Invalid arguments for getAllRecordings: "), e.getMessage());
  }

  @Test
  void nullQuery() {
    InvalidArgumentException e = refused(() -> client.listRecordingsPage(ACCOUNT, APP, null));
    assertTrue(e.violations().get(0).startsWith("query must not be null"));
  }

  @Test
  void thePagerChecksBeforeItsFirstRequest() {
    var pages = client.listRecordings(ACCOUNT, APP, GetAllRecordingsQuery.builder().perPage(-1).build());
    InvalidArgumentException e = refused(() -> pages.iterator().hasNext());
    assertEquals(List.of("perPage must be greater than or equal to 0 (was -1)"), e.violations());
  }

  @Test
  void theGeneratedInterfaceChecksToo() {
    InvalidArgumentException e = refused(() -> client.api().getOneRecording(ACCOUNT, null, RECORDING));
    assertEquals(List.of("appId must not be null (was null)"), e.violations());
  }

  @Test
  void aSlashInAnIdStaysInsideItsSegment() {
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.notFound()));
    assertThrows(io.github.realtimekit.client.errors.NotFoundException.class,
        () -> client.getRecording("acc/../other", APP, RECORDING));
    String url = server.getAllServeEvents().get(0).getRequest().getUrl();
    assertTrue(url.startsWith(Fixtures.BASE_PATH + "/accounts/acc%2F..%2Fother/realtime/kit/"), url);
    server.resetRequests();
  }
}
