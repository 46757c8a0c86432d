package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.model.PauseResumeStopRecordingRequest;
import io.github.realtimekit.model.RecordingAction;
import io.github.realtimekit.model.RecordingSortBy;
import io.github.realtimekit.model.RecordingStatusFilter;
import io.github.realtimekit.model.SortOrder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The requests the generated client builds itself ({@link OperationCall}) against those the generated
 * Feign interface builds for the same arguments, as a stage sees them: the method, the URL and the
 * headers. A stage takes each request and ends the attempt, so nothing is sent.
 */
@Timeout(60)
class OperationCallOracleTest {

  private static final UUID ID = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");

  /** Ends the attempt once the stage has seen its request. */
  private static final class Seen extends RuntimeException {
    Seen() {
      super("seen", null, false, false);
    }
  }

  private final AtomicReference<StageRequest> seen = new AtomicReference<>();
  private RealtimeKitClient client;

  @BeforeEach
  void client() {
    client = RealtimeKitClient.builder().apiToken("t0ken-for-tests-only").accountId("acc").appId("app")
        .baseUrl("http://127.0.0.1:9/client/v4").maxRetries(0)
        .addStage((request, chain) -> {
          seen.set(request);
          throw new Seen();
        }).build();
  }

  @AfterEach
  void close() {
    client.close();
  }

  private StageRequest sent(Runnable call) {
    seen.set(null);
    RealtimeKitException e = assertThrows(RealtimeKitException.class, call::run);
    assertInstanceOf(Seen.class, e.getCause(), () -> "ended by the stage: " + e);
    return seen.get();
  }

  /** The same request from both paths: the method, the URL, and the headers. */
  private StageRequest same(Runnable direct, Runnable feign) {
    StageRequest built = sent(direct);
    StageRequest oracle = sent(feign);
    assertEquals(oracle.method(), built.method());
    assertEquals(oracle.url(), built.url());
    assertEquals(new TreeMap<>(oracle.headers()), new TreeMap<>(built.headers()));
    assertEquals(oracle.operation(), built.operation());
    return built;
  }

  @Test
  void aGetBuildsTheUrlFeignBuilds() {
    StageRequest built = same(() -> client.getRecording(ID), () -> client.api().getRecording("acc", "app", ID));
    assertEquals("http://127.0.0.1:9/client/v4/accounts/acc/realtime/kit/app/recordings/" + ID, built.url());
    assertEquals(List.of("application/json"), built.headers().get("accept"));
  }

  @Test
  void aBaseUrlWithATrailingSlashOrAnEncodedPathIsJoinedAsFeignJoinsIt() {
    for (String base : List.of("HTTP://127.0.0.1:9/client/v4/", "http://127.0.0.1:9/a%20b/c", "http://127.0.0.1:9")) {
      client.close();
      client = RealtimeKitClient.builder().apiToken("t0ken-for-tests-only").accountId("acc").appId("app")
          .baseUrl(base).maxRetries(0).addStage((request, chain) -> {
            seen.set(request);
            throw new Seen();
          }).build();
      StageRequest built = same(() -> client.listRecordingsPage(ListRecordingsQuery.builder().pageNo(2).build()),
          () -> client.api().listRecordings("acc", "app", ListRecordingsQuery.builder().pageNo(2).build()));
      assertTrue(built.url().endsWith("/accounts/acc/realtime/kit/app/recordings?page_no=2"), built.url());
      assertFalse(built.url().contains("//accounts"), built.url());
    }
  }

  @Test
  void reservedAndUnicodeCharactersInAPathParameterStayInOneSegment() {
    for (String value : List.of("a/b", "a?b", "a#b", "a%b", "%2F", "a;b=c", "é~ü", "a+b", "a:b@c", "x.y", "-_.~",
        "...", "a&b", "[x]", "\uD83D\uDE00")) {
      RealtimeKitClient other = client.withApp(value, "app");
      StageRequest built = same(() -> other.getRecording(ID), () -> client.api().getRecording(value, "app", ID));
      assertTrue(built.url().startsWith("http://127.0.0.1:9/client/v4/accounts/"), built.url());
      String segment = built.url().substring("http://127.0.0.1:9/client/v4/accounts/".length()).split("/")[0];
      assertEquals(value, java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8),
          "the server reads back exactly the caller's value from " + built.url());
      assertFalse(segment.contains("?") || segment.contains("#"), segment);
    }
  }

  @Test
  void dotSegmentsAreRefusedAsFeignRefusesThemAndNothingIsSent() {
    for (String dots : List.of(".", "..")) {
      seen.set(null);
      InvalidArgumentException direct = assertThrows(InvalidArgumentException.class,
          () -> client.withApp(dots, "app").getRecording(ID));
      InvalidArgumentException feign = assertThrows(InvalidArgumentException.class,
          () -> client.api().getRecording(dots, "app", ID));
      assertEquals(feign.getMessage(), direct.getMessage());
      assertEquals("accountId", direct.getViolations().get(0).getParameter());
      assertEquals(null, seen.get(), "nothing sent");
    }
  }

  @Test
  void everyQueryParameterIsWrittenAsFeignWritesIt() {
    ListRecordingsQuery query = ListRecordingsQuery.builder()
        .startTime(OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)))
        .endTime(OffsetDateTime.of(2024, 1, 2, 23, 59, 30, 123_000_000, ZoneOffset.UTC))
        .expired(false).meetingId(ID).pageNo(3).perPage(25).search("100% é/?#&=+ x")
        .sortBy(RecordingSortBy.INVOKED_TIME).sortOrder(SortOrder.DESC)
        .status(RecordingStatusFilter.UPLOADED, RecordingStatusFilter.RECORDING).build();
    StageRequest built = same(() -> client.listRecordingsPage(query),
        () -> client.api().listRecordings("acc", "app", query));
    assertEquals("http://127.0.0.1:9/client/v4/accounts/acc/realtime/kit/app/recordings"
        + "?end_time=2024-01-02T23%3A59%3A30.123Z&expired=false&meeting_id=" + ID + "&page_no=3&per_page=25"
        + "&search=100%25%20%C3%A9%2F%3F%23%26%3D%2B%20x&sort_by=invokedTime&sort_order=DESC"
        + "&start_time=2024-01-01T10%3A00%3A00%2B05%3A30&status=UPLOADED,RECORDING", built.url());
  }

  @Test
  void negativeOffsetsOneValueListsAndOpenEnumValuesAsFeignWritesThem() {
    ListRecordingsQuery query = ListRecordingsQuery.builder()
        .startTime(OffsetDateTime.of(1999, 12, 31, 23, 0, 0, 5, ZoneOffset.ofHours(-8)))
        .status(List.of(RecordingStatusFilter.of("NEW STATE/é"))).sortBy(RecordingSortBy.of("a&b=c")).build();
    StageRequest built = same(() -> client.listRecordingsPage(query),
        () -> client.api().listRecordings("acc", "app", query));
    assertTrue(built.url().endsWith("?sort_by=a%26b%3Dc&start_time=1999-12-31T23%3A00%3A00.000000005-08%3A00"
        + "&status=NEW%20STATE%2F%C3%A9"), built.url());
  }

  @Test
  void anEmptyQueryLeavesNoQueryString() {
    StageRequest built = same(() -> client.listRecordingsPage(ListRecordingsQuery.none()),
        () -> client.api().listRecordings("acc", "app", ListRecordingsQuery.none()));
    assertFalse(built.url().contains("?"), built.url());
    StageRequest empty = same(() -> client.listRecordingsPage(ListRecordingsQuery.builder().status(List.of()).build()),
        () -> client.api().listRecordings("acc", "app", ListRecordingsQuery.builder().status(List.of()).build()));
    assertFalse(empty.url().contains("?"), empty.url());
  }

  @Test
  void aCallsOwnOptionsGoOutAsFeignSendsThem() {
    RequestOptions options = RequestOptions.builder().header("X-Trace", "t-1")
        .queryParameter("trace", "a b&c=d/é~*").build();
    StageRequest built = same(() -> client.listRecordingsPage(ListRecordingsQuery.builder().pageNo(2).build(), options),
        () -> ClientRuntime.withOptions(Operations.LIST_RECORDINGS, options,
            () -> client.api().listRecordings("acc", "app", ListRecordingsQuery.builder().pageNo(2).build())));
    assertTrue(built.url().endsWith("/recordings?page_no=2&trace=a%20b%26c%3Dd%2F%C3%A9~%2A"), built.url());
    assertEquals(List.of("t-1"), built.headers().get("x-trace"));
  }

  @Test
  void aBodyGoesOutWithTheHeadersFeignSends() {
    PauseResumeStopRecordingRequest body = PauseResumeStopRecordingRequest.builder().action(RecordingAction.PAUSE)
        .build();
    StageRequest built = same(() -> client.pauseResumeStopRecording(ID, body),
        () -> client.api().pauseResumeStopRecording("acc", "app", ID, body));
    assertEquals("PUT", built.method());
    assertEquals(List.of("application/json"), built.headers().get("content-type"));
  }

  @Test
  void argumentsBreakingTheSpecsRulesAreRefusedWithFeignsMessage() {
    ListRecordingsQuery bad = ListRecordingsQuery.builder().pageNo(0).perPage(-1).build();
    InvalidArgumentException direct = assertThrows(InvalidArgumentException.class,
        () -> client.withApp("has space", "x".repeat(33)).listRecordingsPage(bad));
    InvalidArgumentException feign = assertThrows(InvalidArgumentException.class,
        () -> client.api().listRecordings("has space", "x".repeat(33), bad));
    assertEquals(feign.getMessage(), direct.getMessage());
    assertEquals(feign.getViolations().toString(), direct.getViolations().toString());
    assertEquals(4, direct.getViolations().size(), direct.getMessage());
    InvalidArgumentException noBody = assertThrows(InvalidArgumentException.class,
        () -> client.pauseResumeStopRecording(ID, null));
    assertEquals(assertThrows(InvalidArgumentException.class,
        () -> client.api().pauseResumeStopRecording("acc", "app", ID, null)).getMessage(), noBody.getMessage());
  }

  @Test
  void aClosedClientRefusesTheCallAsFeignDid() {
    client.close();
    IllegalStateException direct = assertThrows(IllegalStateException.class, () -> client.getRecording(ID));
    IllegalStateException feign = assertThrows(IllegalStateException.class,
        () -> client.api().getRecording("acc", "app", ID));
    assertEquals(feign.getMessage(), direct.getMessage());
  }
}
