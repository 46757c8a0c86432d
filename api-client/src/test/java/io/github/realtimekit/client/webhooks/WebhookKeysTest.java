package io.github.realtimekit.client.webhooks;

import static io.github.realtimekit.client.webhooks.RealtimeKitWebhooksTest.UPLOADED;
import static io.github.realtimekit.client.webhooks.RealtimeKitWebhooksTest.headers;
import static io.github.realtimekit.client.webhooks.TestKeys.KEY;
import static io.github.realtimekit.client.webhooks.TestKeys.OTHER;
import static io.github.realtimekit.client.webhooks.TestKeys.ROTATED;
import static io.github.realtimekit.client.webhooks.TestKeys.pem;
import static io.github.realtimekit.client.webhooks.TestKeys.sign;
import static io.github.realtimekit.client.webhooks.TestKeys.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.fixtures.TestClock;
import io.github.realtimekit.client.webhooks.WebhookVerificationException.Reason;
import io.github.realtimekit.fixtures.LoopbackServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fetched key: cached, fetched again once when a signature fails, never more than once per interval. */
class WebhookKeysTest {

  final TestClock clock = new TestClock(java.time.Instant.parse("2026-06-30T09:00:00Z"));
  final Deque<String> served = new ArrayDeque<>();
  final AtomicInteger fetches = new AtomicInteger();

  RealtimeKitWebhooks fetching(String... pems) {
    served.addAll(List.of(pems));
    return RealtimeKitWebhooks.builder().clock(clock).minRefetchInterval(Duration.ofMinutes(1)).fetcher(() -> {
      fetches.incrementAndGet();
      String next = served.size() > 1 ? served.poll() : served.peek();
      if (next == null) {
        throw new IOException("the key endpoint is down");
      }
      return next;
    }).build();
  }

  static Reason reason(RealtimeKitWebhooks webhooks, byte[] body, String signature) {
    return assertThrows(WebhookVerificationException.class, () -> webhooks.verify(body, headers(signature))).getReason();
  }

  @Test
  void theKeyIsFetchedOnceAndCached() {
    RealtimeKitWebhooks webhooks = fetching(pem(KEY));
    byte[] body = utf8(UPLOADED);
    for (int i = 0; i < 5; i++) {
      webhooks.verify(body, headers(sign(KEY, body)));
    }
    assertEquals(1, fetches.get());
  }

  @Test
  void aRotatedKeyIsFetchedAgainOnceWhenASignatureFails() {
    RealtimeKitWebhooks webhooks = fetching(pem(KEY), pem(ROTATED));
    byte[] body = utf8(UPLOADED);
    webhooks.verify(body, headers(sign(KEY, body)));
    clock.advance(Duration.ofMinutes(5));
    assertEquals("d-1", webhooks.verify(body, headers(sign(ROTATED, body))).getDeliveryId());
    assertEquals(2, fetches.get());
    webhooks.verify(body, headers(sign(ROTATED, body)));
    assertEquals(2, fetches.get(), "the new key is cached");
  }

  @Test
  void aFloodOfBadSignaturesFetchesTheKeyAtMostOncePerInterval() {
    RealtimeKitWebhooks webhooks = fetching(pem(KEY));
    byte[] body = utf8(UPLOADED);
    webhooks.verify(body, headers(sign(KEY, body)));
    clock.advance(Duration.ofMinutes(5));
    String bad = sign(OTHER, body);
    for (int i = 0; i < 1000; i++) {
      assertEquals(Reason.BAD_SIGNATURE, reason(webhooks, body, bad));
      clock.advance(Duration.ofMillis(10));
    }
    assertEquals(2, fetches.get(), "one refetch in the first minute of the flood, none after");
    clock.advance(Duration.ofMinutes(1));
    assertEquals(Reason.BAD_SIGNATURE, reason(webhooks, body, bad));
    assertEquals(3, fetches.get(), "one more once the interval has passed");
    webhooks.verify(body, headers(sign(KEY, body)));
  }

  @Test
  void aRefetchSoonAfterTheFirstFetchWaitsForTheInterval() {
    RealtimeKitWebhooks webhooks = fetching(pem(KEY), pem(ROTATED));
    byte[] body = utf8(UPLOADED);
    webhooks.verify(body, headers(sign(KEY, body)));
    assertEquals(Reason.BAD_SIGNATURE, reason(webhooks, body, sign(ROTATED, body)));
    assertEquals(1, fetches.get());
    clock.advance(Duration.ofMinutes(1));
    webhooks.verify(body, headers(sign(ROTATED, body)));
    assertEquals(2, fetches.get());
  }

  @Test
  void noKeyWhileTheEndpointIsDownAndNoMoreThanOneFetchPerInterval() {
    RealtimeKitWebhooks webhooks = fetching();
    byte[] body = utf8(UPLOADED);
    String good = sign(KEY, body);
    for (int i = 0; i < 100; i++) {
      WebhookVerificationException e = assertThrows(WebhookVerificationException.class, () -> webhooks.verify(body, headers(good)));
      assertEquals(Reason.NO_KEY, e.getReason());
      assertTrue(e.getMessage().contains("the key endpoint is down"), e.getMessage());
    }
    assertEquals(1, fetches.get());
    served.add(pem(KEY));
    clock.advance(Duration.ofMinutes(1));
    assertEquals("d-1", webhooks.verify(body, headers(good)).getDeliveryId());
    assertEquals(2, fetches.get());
  }

  @Test
  void aKeyEndpointWithoutARefetchIntervalStillCostsOneFetchPerDelivery() {
    AtomicInteger calls = new AtomicInteger();
    RealtimeKitWebhooks webhooks = RealtimeKitWebhooks.builder().clock(clock).minRefetchInterval(Duration.ZERO)
        .fetcher(() -> pem(calls.incrementAndGet() % 2 == 0 ? ROTATED : KEY)).build();
    byte[] body = utf8(UPLOADED);
    webhooks.verify(body, headers(sign(KEY, body)));
    assertEquals(Reason.BAD_SIGNATURE, reason(webhooks, body, sign(OTHER, body)));
    assertEquals(2, calls.get(), "a key endpoint answering a new key each time cannot keep one delivery fetching");
  }

  @Test
  void aGivenKeyIsNeverFetched() {
    RealtimeKitWebhooks webhooks = RealtimeKitWebhooks.builder().publicKeyPem(pem(KEY)).fetcher(() -> {
      throw new AssertionError("fetched");
    }).build();
    byte[] body = utf8(UPLOADED);
    assertEquals(Reason.BAD_SIGNATURE, reason(webhooks, body, sign(ROTATED, body)));
  }

  @Test
  void theKeyIsFetchedFromItsWellKnownUrlWithEscapedNewlines() {
    String answer = "{\"success\":true,\"data\":{\"publicKey\":\"" + pem(KEY).replace("\n", "\\n") + "\"},\"message\":\"\"}";
    try (LoopbackServer server = LoopbackServer.json(uri -> utf8(answer))) {
      RealtimeKitWebhooks webhooks = RealtimeKitWebhooks.builder()
          .publicKeyUrl(URI.create(server.url("/.well-known/webhooks.json"))).build();
      byte[] body = utf8(UPLOADED);
      assertEquals("d-1", webhooks.verify(body, headers(sign(KEY, body))).getDeliveryId());
      assertEquals(1, server.requestCount());
      assertTrue(server.lastRequest().toString().contains("/.well-known/webhooks.json"), server.lastRequest().toString());
    }
  }

  @Test
  void anEndlessKeyAnswerIsCutOff() {
    byte[] huge = new byte[HttpKeyFetcher.MAX_BYTES * 4];
    java.util.Arrays.fill(huge, (byte) ' ');
    try (LoopbackServer server = LoopbackServer.json(uri -> huge)) {
      assertNoKey(server, Duration.ofSeconds(10), "exceeds the limit");
    }
  }

  @Test
  void aKeyEndpointThatNeverAnswersIsGivenUpOn() {
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> Thread.sleep(60_000))) {
      assertNoKey(server, Duration.ofMillis(300), "");
    }
  }

  @Test
  void aKeyAnswerThatIsNotTheEnvelopeOrIsARedirectGivesNoKey() {
    try (LoopbackServer server = LoopbackServer.raw(LoopbackServer.rawJson(200, "{\"success\":true,\"data\":{}}"))) {
      assertNoKey(server, Duration.ofSeconds(10), "without data.publicKey");
    }
    try (LoopbackServer server = LoopbackServer.raw(LoopbackServer.rawJson(503, "{}"))) {
      assertNoKey(server, Duration.ofSeconds(10), "answered 503");
    }
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> LoopbackServer.write(out,
        "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/key\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))) {
      assertNoKey(server, Duration.ofSeconds(10), "answered 302");
    }
    try (LoopbackServer server = LoopbackServer.raw(LoopbackServer.rawJson(200, "<html>"))) {
      assertNoKey(server, Duration.ofSeconds(10), "other than JSON");
    }
  }

  private static void assertNoKey(LoopbackServer server, Duration timeout, String why) {
    RealtimeKitWebhooks webhooks = RealtimeKitWebhooks.builder().fetchTimeout(timeout)
        .publicKeyUrl(URI.create(server.url("/.well-known/webhooks.json"))).build();
    byte[] body = utf8(UPLOADED);
    WebhookVerificationException e = assertThrows(WebhookVerificationException.class,
        () -> webhooks.verify(body, Map.of("rtk-signature", List.of(sign(KEY, body)))));
    assertEquals(Reason.NO_KEY, e.getReason());
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }
}
