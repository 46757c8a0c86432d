package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.fixtures.RecordedRequest;
import io.github.realtimekit.model.StartRecordingRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every generated method has an overload with {@link RequestOptions}; a pager's every page carries them. */
class GeneratedRequestOptionsTest {

  static final RequestOptions AUDIT = RequestOptions.builder().header("X-Audit", "job-7").queryParameter("trace", "1").build();

  static LoopbackServer server() {
    return RecordingControlTest.answering(200, r -> {
      if (r.method().equals("GET") && r.path().endsWith("/recordings")) {
        boolean first = !r.query().contains("page_no=2");
        String item = String.format(RecordingControlTest.RECORDING, "UPLOADED");
        return "{\"success\": true, \"data\": [" + (first ? item : item.replace("3f2504e0", "4f2504e0"))
            + "], \"paging\": {\"total_count\": 2, \"start_offset\": " + (first ? 1 : 2) + ", \"end_offset\": "
            + (first ? 1 : 2) + "}}";
      }
      return "{\"success\": true, \"data\": " + String.format(RecordingControlTest.RECORDING, "RECORDING") + "}";
    });
  }

  @Test
  void oneCallsOptionsGoWithThatCallOnly() {
    try (LoopbackServer server = server(); RealtimeKitClient client = RecordingControlTest.clientOf(server)) {
      UUID id = UUID.randomUUID();
      client.getRecording(id, AUDIT);
      assertAudited(server.lastRequest());
      client.getRecording(id);
      assertNull(server.lastRequest().header("X-Audit"), "the next call has none");

      client.startRecordingWithResponse(StartRecordingRequest.builder().meetingId(UUID.randomUUID()).build(), AUDIT);
      assertAudited(server.lastRequest());
      client.stopRecording(id, AUDIT);
      assertAudited(server.lastRequest());
      assertEquals("PUT", server.lastRequest().method());
      client.getActiveRecording("m-1", AUDIT).orElseThrow();
      assertAudited(server.lastRequest());
    }
  }

  @Test
  void everyPageOfAPagerCarriesThem() {
    try (LoopbackServer server = server(); RealtimeKitClient client = RecordingControlTest.clientOf(server)) {
      assertEquals(2, client.listRecordings(ListRecordingsQuery.builder().perPage(1).build(), AUDIT).stream().count());
      List<RecordedRequest> pages = server.requests();
      assertEquals(2, pages.size());
      pages.forEach(GeneratedRequestOptionsTest::assertAudited);
      assertTrue(pages.get(1).query().contains("page_no=2"), pages.get(1).query());

      server.clearRequests();
      Page<?> first = client.listRecordingsPage(ListRecordingsQuery.none(), AUDIT);
      first.getNextPage();
      server.requests().forEach(GeneratedRequestOptionsTest::assertAudited);
    }
  }

  @Test
  void optionsThatBreakARuleAreRefusedBeforeAnythingIsSent() {
    RequestOptions token = RequestOptions.builder().header("authorization", "Bearer other").build();
    try (LoopbackServer server = server(); RealtimeKitClient client = RecordingControlTest.clientOf(server)) {
      InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
          () -> client.listRecordings(ListRecordingsQuery.none(), token));
      assertTrue(e.getMessage().contains("authorization"), e.getMessage());
      assertThrows(InvalidArgumentException.class, () -> client.pauseRecording(UUID.randomUUID(), null));
      assertEquals(0, server.requestCount());
    }
  }

  private static void assertAudited(RecordedRequest request) {
    assertEquals("job-7", request.header("X-Audit"), request.line());
    assertTrue(request.query() != null && request.query().contains("trace=1"), request.line());
  }
}
