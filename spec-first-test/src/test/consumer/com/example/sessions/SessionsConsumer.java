package com.example.sessions;

import io.github.realtimekit.client.ListMeetingSessionsQuery;
import io.github.realtimekit.client.Operations;
import io.github.realtimekit.client.Page;
import io.github.realtimekit.client.PagedIterable;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.Response;
import io.github.realtimekit.client.core.OperationDescriptor;
import io.github.realtimekit.model.MeetingSession;
import io.github.realtimekit.model.SessionTranscript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A user of a client built from a spec with two operations of its own. Compiled against that client
 * only: every name it uses below came from the spec. Reports what it got, one line per fact, for the
 * test to check.
 */
public final class SessionsConsumer {

  /** The walk stops here whatever the pager says, so a pager that never ends cannot hang the build. */
  private static final int MAX_ITEMS = 20;

  private SessionsConsumer() {
  }

  public static List<String> run(String baseUrl, String accountId, String appId, UUID sessionId) {
    List<String> seen = new ArrayList<>();
    try (RealtimeKitClient client = RealtimeKitClient.builder()
        .baseUrl(baseUrl)
        .apiToken("spec-first-token")
        .accountId(accountId)
        .appId(appId)
        .maxRetries(0)
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .build()) {
      SessionTranscript transcript = client.getSessionTranscript(sessionId);
      seen.add("transcript session_id=" + transcript.getSessionId() + " language=" + transcript.getLanguage()
          + " word_count=" + transcript.getWordCount() + " created_at=" + transcript.getCreatedAt()
          + " transcript_download_url=" + transcript.getTranscriptDownloadUrl());

      Response<SessionTranscript> response = client.getSessionTranscriptWithResponse(sessionId);
      seen.add("transcript status=" + response.getStatusCode() + " session_id=" + response.getValue().getSessionId());

      ListMeetingSessionsQuery query = ListMeetingSessionsQuery.builder().perPage(2).search("daily standup").build();
      PagedIterable<MeetingSession> sessions = client.listMeetingSessions(query);
      int items = 0;
      for (MeetingSession session : sessions) {
        seen.add("session id=" + session.getId() + " meeting_id=" + session.getMeetingId() + " status="
            + session.getStatus() + " started_at=" + session.getStartedAt());
        if (++items >= MAX_ITEMS) {
          seen.add("walk stopped after " + MAX_ITEMS + " items");
          break;
        }
      }

      Page<MeetingSession> first = client.listMeetingSessionsPage(query);
      seen.add("page page_no=" + first.getPageNo() + " items=" + first.getItems().size() + " total_count="
          + first.getTotalCount().orElse(-1) + " has_next=" + first.hasNextPage());
    }
    for (OperationDescriptor operation : Operations.all()) {
      seen.add("operation name=" + operation.getName() + " operation_id=" + operation.getOperationId() + " "
          + operation.getHttpMethod() + " " + operation.getPathTemplate() + " idempotent=" + operation.isIdempotent()
          + " paged=" + operation.isPaged());
    }
    return seen;
  }
}
