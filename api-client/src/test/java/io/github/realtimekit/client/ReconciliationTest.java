package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.core.ErrorMapper;
import io.github.realtimekit.client.core.OperationDescriptor;
import io.github.realtimekit.client.errors.CallCancelledException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.OutcomeUnknownException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

  static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  static final OperationDescriptor START = new OperationDescriptor("start", "start", "POST", "/s", false, false);
  static final OperationDescriptor FIND = new OperationDescriptor("find", "find", "GET", "/f/{id}", true, false);
  final Reconciliation reconciliation = new Reconciliation(NOW::toEpochMilli);
  final AtomicInteger checks = new AtomicInteger();
  final RealtimeKitException lost = new NetworkException("start", "the connection closed", new IOException("closed"));

  Supplier<Reconciliation.Check<OffsetDateTime, String>> check(Supplier<Response<OffsetDateTime>> find) {
    return () -> new Reconciliation.Check<>(FIND, Map.of("id", "m"), 404, () -> {
      checks.incrementAndGet();
      return find.get();
    }, at -> at, at -> "found " + at);
  }

  static Response<OffsetDateTime> began(Instant at) {
    return new Response<>(200, Map.of(), at == null ? OffsetDateTime.MIN : OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
  }

  Supplier<Response<String>> failing(RealtimeKitException failure) {
    return () -> {
      throw failure;
    };
  }

  @Test
  void anAnsweredCallIsNotChecked() {
    Response<String> r = reconciliation.call(START, () -> new Response<>(201, Map.of(), "answered"), check(() -> began(NOW)));
    assertEquals("answered", r.getValue());
    assertFalse(r.isReconciled());
    assertEquals(0, checks.get());
  }

  @Test
  void whatBeganWithinTheClockToleranceBeforeTheCallIsItsResult() {
    Instant edge = NOW.minus(Reconciliation.CLOCK_TOLERANCE);
    Response<String> r = reconciliation.call(START, failing(lost), check(() -> began(edge)));
    assertTrue(r.isReconciled());
    assertSame(lost, r.getLostAnswer().orElseThrow());
    assertEquals("found " + OffsetDateTime.ofInstant(edge, ZoneOffset.UTC), r.getValue());
  }

  @Test
  void whatBeganEarlierIsSomeoneElses() {
    Instant before = NOW.minus(Reconciliation.CLOCK_TOLERANCE).minusMillis(1);
    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
        () -> reconciliation.call(START, failing(lost), check(() -> began(before))));
    assertSame(lost, e.getCause());
    assertTrue(e.getMessage().startsWith("The outcome of start is unknown: its answer was lost (the connection closed), "
        + "and find(id=m) found one that began at"), e.getMessage());
  }

  @Test
  void theAbsentStatusMeansNothingFound() {
    OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, () -> reconciliation.call(START,
        failing(lost), check(() -> {
          throw ErrorMapper.serviceException("find", 404, Map.of(), List.of(), "");
        })));
    assertTrue(e.getMessage().contains("find(id=m) found none"), e.getMessage());
    assertEquals(FIND, e.getCheckOperation());
    assertEquals(Map.of("id", "m"), e.getCheckArguments());
  }

  @Test
  void aRefusalIsThrownAsItIsWithNoCheck() {
    RealtimeKitException conflict = ErrorMapper.serviceException("start", 409, Map.of(), List.of(), "");
    assertSame(conflict, assertThrows(RealtimeKitException.class,
        () -> reconciliation.call(START, failing(conflict), check(() -> began(NOW)))));
    assertEquals(0, checks.get());
  }

  @Test
  void aCheckCancelledEndsTheCallAsCancelled() {
    CallCancelledException cancelled = new CallCancelledException("find", "interrupted", null);
    CallCancelledException e = assertThrows(CallCancelledException.class,
        () -> reconciliation.call(START, failing(lost), check(() -> {
          throw cancelled;
        })));
    assertSame(cancelled, e);
    assertSame(lost, e.getSuppressed()[0]);
  }
}
