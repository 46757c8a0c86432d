package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.RecordingsFake.Answer;
import io.github.realtimekit.client.errors.ConflictException;
import io.github.realtimekit.client.errors.InternalServerException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.NetworkTimeoutException;
import io.github.realtimekit.client.errors.OutcomeUnknownException;
import io.github.realtimekit.client.errors.ServiceException;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.StartRecordingRequest;
import io.github.realtimekit.model.StartTrackRecordingRequest;
import io.github.realtimekit.model.TrackRecording;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A start is never doubled: a server starts the recording and then loses the answer in each way, and
 * the client neither sends the start again nor guesses; it asks for the meeting's active recording and
 * says what it found. Every case counts the recordings the server holds for the meeting.
 */
class LostAnswerTest {

  static final Duration READ_TIMEOUT = Duration.ofMillis(700);

  final AtomicLong now = new AtomicLong(Instant.parse("2026-12-03T10:00:00Z").toEpochMilli());
  RecordingsFake fake;
  RealtimeKitClient client;
  final UUID meeting = UUID.randomUUID();

  @BeforeEach
  void start() {
    fake = new RecordingsFake(now::get, READ_TIMEOUT.toMillis() * 3);
    client = RealtimeKitClient.builder().apiToken("token-for-lost-answers").accountId("acc").appId("app")
        .baseUrl(fake.server.baseUrl()).readTimeout(READ_TIMEOUT)
        .clock(d -> { }, now::get, () -> 0.0).build();
    // A connection in the pool, so that a start goes over a kept-alive connection as it would in an application.
    client.getRecording(UUID.randomUUID());
    fake.server.clearRequests();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  StartRecordingRequest startOf(UUID meetingId) {
    return StartRecordingRequest.builder().meetingId(meetingId).build();
  }

  @Test
  void anAnsweredStartIsSentOnceAndNotReconciled() {
    Response<Recording> response = client.startRecordingWithResponse(startOf(meeting));
    assertFalse(response.isReconciled());
    assertEquals(1, fake.recordingsOf(meeting.toString()).size());
    assertEquals(1, fake.posts());
    assertEquals(0, fake.gets(), "nothing to find out");
  }

  @Test
  void aConnectionClosedWithNoAnswerIsReconciledWithTheActiveRecordingAndNotSentAgain() {
    fake.answer(Answer.CLOSED);
    Response<Recording> response = client.startRecordingWithResponse(startOf(meeting));
    assertReconciledToTheOneRecording(response.getValue(), response);
    assertTrue(response.getLostAnswer().orElseThrow() instanceof NetworkException);
  }

  @Test
  void a502AfterTheRecordingStartedIsReconciled() {
    fake.answer(Answer.BAD_GATEWAY);
    Response<Recording> response = client.startRecordingWithResponse(startOf(meeting));
    assertReconciledToTheOneRecording(response.getValue(), response);
    assertEquals(502, ((ServiceException) response.getLostAnswer().orElseThrow()).getStatusCode());
  }

  @Test
  void anAnswerAfterTheTimeoutIsReconciled() {
    fake.answer(Answer.LATE);
    Response<Recording> response = client.startRecordingWithResponse(startOf(meeting));
    assertReconciledToTheOneRecording(response.getValue(), response);
    assertTrue(response.getLostAnswer().orElseThrow() instanceof NetworkTimeoutException);
  }

  @Test
  void a429IsRetriedBecauseNothingStarted() {
    fake.answer(Answer.RATE_LIMITED_FIRST);
    Response<Recording> response = client.startRecordingWithResponse(startOf(meeting));
    assertFalse(response.isReconciled());
    assertEquals(1, fake.recordingsOf(meeting.toString()).size());
    assertEquals(2, fake.posts(), "the 429, then the start that was answered");
    assertEquals(response.getValue().getId().toString(), fake.recordingsOf(meeting.toString()).get(0).id());
  }

  @Test
  void aLostAnswerOfAStartThatDidNothingIsReportedAsUnknownNeverRetried() {
    fake.answer(Answer.BAD_GATEWAY_NOTHING_STARTED);
    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> client.startRecording(startOf(meeting)));
    assertEquals(0, fake.recordingsOf(meeting.toString()).size());
    assertEquals(1, fake.posts());
    assertEquals("getActiveRecording", e.getCheckOperation().getName());
    assertEquals(Map.of("meeting_id", meeting.toString()), e.getCheckArguments());
    assertEquals("startRecording", e.getOperation());
    assertTrue(e.getMessage().contains("found none"), e.getMessage());
    assertTrue(e.getMessage().contains("ask getActiveRecording"), e.getMessage());
    assertEquals(502, ((ServiceException) e.getCause()).getStatusCode());
  }

  @Test
  void someoneElsesEarlierRecordingIsNotTakenForThisCalls() {
    fake.alreadyRecording(meeting.toString(), Instant.ofEpochMilli(now.get()).minus(Duration.ofMinutes(10)));
    fake.answer(Answer.BAD_GATEWAY_NOTHING_STARTED);
    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> client.startRecording(startOf(meeting).toBuilder().allowMultipleRecordings(true).build()));
    assertTrue(e.getMessage().contains("before this call"), e.getMessage());
    assertEquals(1, fake.recordingsOf(meeting.toString()).size(), "only the earlier one");
    assertEquals(1, fake.posts());
  }

  @Test
  void aCheckThatFailsTooLeavesTheOutcomeUnknown() {
    fake.answer(Answer.CLOSED);
    fake.failActive(10);
    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> client.startRecording(startOf(meeting)));
    assertTrue(e.getMessage().contains("failed too"), e.getMessage());
    assertTrue(e.getSuppressed()[0] instanceof InternalServerException, "the check's failure is attached");
    assertEquals(1, fake.recordingsOf(meeting.toString()).size(), "the start did take effect, once");
    assertEquals(1, fake.posts());
  }

  @Test
  void aRefusedStartIsNoLostAnswerAndAsksNothing() {
    fake.alreadyRecording(meeting.toString(), Instant.ofEpochMilli(now.get()));
    assertThrows(ConflictException.class, () -> client.startRecording(startOf(meeting)));
    assertEquals(1, fake.posts());
    assertEquals(0, fake.gets());
    assertEquals(1, fake.recordingsOf(meeting.toString()).size());
  }

  @Test
  void aTrackRecordingsLostAnswerIsReconciledIntoItsOwnResult() {
    fake.answer(Answer.CLOSED);
    Response<TrackRecording> response = client.startTrackRecordingWithResponse(
        StartTrackRecordingRequest.builder().meetingId(meeting).build());
    assertReconciledToTheOneRecording(response.getValue().getRecording(), response);
  }

  @Test
  void everyLostAnswerLeavesAtMostOneRecording() {
    for (Answer answer : Answer.values()) {
      UUID m = UUID.randomUUID();
      fake.answer(answer);
      fake.server.clearRequests();
      try {
        client.startRecording(startOf(m));
      } catch (OutcomeUnknownException unknown) {
        assertEquals(Map.of("meeting_id", m.toString()), unknown.getCheckArguments());
      }
      assertTrue(fake.recordingsOf(m.toString()).size() <= 1, answer.toString());
      assertTrue(fake.posts() <= (answer == Answer.RATE_LIMITED_FIRST ? 2 : 1), answer + ": " + fake.posts());
    }
  }

  private void assertReconciledToTheOneRecording(Recording value, Response<?> response) {
    assertTrue(response.isReconciled());
    assertEquals(1, fake.recordingsOf(meeting.toString()).size());
    assertEquals(fake.recordingsOf(meeting.toString()).get(0).id(), value.getId().toString());
    assertEquals(1, fake.posts(), "the start was sent once");
    assertEquals(1, fake.gets(), "then the active recording was asked once");
  }
}
