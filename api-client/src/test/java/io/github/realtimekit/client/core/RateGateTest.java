package io.github.realtimekit.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.errors.CallCancelledException;
import io.github.realtimekit.client.errors.RateLimitException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The client's one rate gate and the stage around it, on a fake clock that moves only when slept. */
class RateGateTest {

  final AtomicLong now = new AtomicLong(1_000_000_000_000L);
  final List<Duration> slept = new ArrayList<>();
  final HttpPipeline.Sleeper sleeper = duration -> {
    slept.add(duration);
    now.addAndGet(duration.toNanos());
  };

  RateGate gate(RateGate.Limit... limits) {
    return new RateGate(List.of(limits), now::get, sleeper);
  }

  long elapsedMillis(long since) {
    return (now.get() - since) / 1_000_000;
  }

  @Test
  void aPauseShutsTheGateUntilItsEndAndALaterShorterOneDoesNotShortenIt() throws Exception {
    RateGate gate = gate();
    long start = now.get();
    gate.acquire();
    assertEquals(List.of(), slept, "an open gate does not wait");
    gate.pause(Duration.ofSeconds(2));
    gate.pause(Duration.ofMillis(500));
    assertTrue(gate.isPaused());
    gate.acquire();
    assertEquals(2000, elapsedMillis(start));
    assertFalse(gate.isPaused());
    gate.acquire();
    assertEquals(2000, elapsedMillis(start), "once open, it stays open");
  }

  @Test
  void aLongerPauseExtendsTheOneUnderWay() throws Exception {
    RateGate gate = gate();
    long start = now.get();
    gate.pause(Duration.ofSeconds(1));
    gate.pause(Duration.ofSeconds(3));
    gate.acquire();
    assertEquals(3000, elapsedMillis(start));
  }

  @Test
  void aSlidingWindowLetsNoMoreThanItsBudgetThroughInAnyWindow() throws Exception {
    RateGate gate = gate(new RateGate.Limit(3, Duration.ofSeconds(10)));
    long start = now.get();
    List<Long> sentAt = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      gate.acquire();
      sentAt.add(elapsedMillis(start));
      sleeper.sleep(Duration.ofSeconds(4));
    }
    // Sent at 0, 4 and 8 s; at 12 s the one of 0 s has left the window, and each next waits for the
    // oldest of the last three to leave it: 4 + 10, 8 + 10, 12 + 10.
    for (int i = 0; i < 4; i++) {
      gate.acquire();
      sentAt.add(elapsedMillis(start));
    }
    assertEquals(List.of(0L, 4000L, 8000L, 12000L, 14000L, 18000L, 22000L), sentAt);
  }

  @Test
  void aBurstOfTheWholeBudgetGoesAtOnceAndTheNextWaitsTheWindow() throws Exception {
    RateGate gate = gate(new RateGate.Limit(250, Duration.ofSeconds(10)), new RateGate.Limit(1000, Duration.ofSeconds(60)));
    long start = now.get();
    for (int i = 0; i < 250; i++) {
      gate.acquire();
    }
    assertEquals(0, elapsedMillis(start));
    gate.acquire();
    assertEquals(10_000, elapsedMillis(start));
    for (int i = 0; i < 1000 - 251; i++) {
      gate.acquire();
    }
    // 1000 sends took 30 s under the 250-per-10-s budget; the next waits for the 60-s window.
    assertEquals(30_000, elapsedMillis(start));
    gate.acquire();
    assertEquals(60_000, elapsedMillis(start));
  }

  @Test
  void aWaitEndsWhenTheThreadIsInterrupted() {
    RateGate gate = new RateGate(List.of(), now::get, duration -> {
      throw new InterruptedException();
    });
    gate.pause(Duration.ofSeconds(2));
    assertThrows(InterruptedException.class, gate::acquire);
  }

  @Test
  void limitsRefuseNonsense() {
    assertThrows(IllegalArgumentException.class, () -> new RateGate.Limit(0, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> new RateGate.Limit(1, Duration.ZERO));
  }

  HttpPipeline pipeline(HttpTransport transport, int maxRetries) {
    return HttpPipeline.builder().retries(maxRetries, Duration.ofMillis(400), Duration.ofSeconds(8),
            Duration.ofSeconds(60))
        .clock(sleeper, () -> 0L, () -> 0.0).nanoClock(now::get)
        .buildForApi(PipelineStagesTest.ERRORS, transport);
  }

  @Test
  void a429ShutsTheGateForTheNextCallForItsRetryAfter() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpPipeline pipeline = pipeline(request -> calls.getAndIncrement() == 0
        ? HttpResponse.of(request, 429, Map.of("Retry-After", List.of("2")), "")
        : HttpResponse.of(request, 200, Map.of(), "{}"), 0);
    long start = now.get();
    assertThrows(RateLimitException.class, () -> pipeline.send(PipelineStagesTest.request()));
    assertEquals(0, elapsedMillis(start), "no retries here: the call fails at once");
    assertEquals(200, pipeline.send(PipelineStagesTest.request()).status());
    assertEquals(2000, elapsedMillis(start), "the next call, from any thread, waits out the Retry-After");
  }

  @Test
  void a429WithoutRetryAfterShutsTheGateForTheShortestBackoffSoTheRetryDoesNotWaitTwice() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpPipeline pipeline = pipeline(request -> calls.getAndIncrement() == 0
        ? HttpResponse.of(request, 429, Map.of(), "")
        : HttpResponse.of(request, 200, Map.of(), "{}"), 1);
    long start = now.get();
    assertEquals(200, pipeline.send(PipelineStagesTest.request()).status());
    assertEquals(List.of(Duration.ofMillis(400)), slept, "the retry's backoff, and no wait at the gate besides");
    assertEquals(400, elapsedMillis(start));

    RateGate gate = new RateGate(List.of(), now::get, sleeper);
    HttpTransport tooMany = request -> new ErrorStage(PipelineStagesTest.ERRORS).send(request,
        PipelineStagesTest.answering(429, Map.of(), ""));
    assertThrows(RateLimitException.class, () -> new ThrottleStage(gate, RetryPolicy.DEFAULT, () -> 0L)
        .send(PipelineStagesTest.request(), tooMany));
    assertTrue(gate.isPaused());
    long before = now.get();
    gate.acquire();
    assertEquals(375, elapsedMillis(before), "three quarters of the default first backoff, 500 ms");
  }

  @Test
  void anInterruptWhileTheGateIsShutCancelsTheCall() {
    RateGate gate = new RateGate(List.of(), now::get, duration -> {
      throw new InterruptedException();
    });
    gate.pause(Duration.ofSeconds(2));
    ThrottleStage stage = new ThrottleStage(gate, RetryPolicy.DEFAULT, () -> 0L);
    try {
      CallCancelledException e = assertThrows(CallCancelledException.class,
          () -> stage.send(PipelineStagesTest.request(), PipelineStagesTest.answering(200, Map.of(), "")));
      assertTrue(Thread.currentThread().isInterrupted(), "the flag is set again");
      assertEquals("Cancelled calling request while waiting for the client's rate limit: the thread was interrupted",
          e.getMessage());
      assertInstanceOf(InterruptedException.class, e.getCause());
    } finally {
      Thread.interrupted();
    }
  }
}
