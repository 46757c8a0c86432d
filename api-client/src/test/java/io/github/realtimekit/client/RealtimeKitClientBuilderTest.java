package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RealtimeKitClientBuilderTest {

  private static String refusal(Runnable build) {
    return assertThrows(IllegalArgumentException.class, build::run).getMessage();
  }

  @Test
  void requiresAToken() {
    assertEquals("apiToken: must not be null or blank", refusal(() -> RealtimeKitClient.builder().build()));
    assertEquals("apiToken: must not be null or blank", refusal(() -> RealtimeKitClient.builder().apiToken(" ").build()));
    assertEquals("apiToken: must not contain whitespace or control characters",
        refusal(() -> RealtimeKitClient.builder().apiToken("abc\r\nX-Injected: 1").build()));
  }

  @Test
  void checksEverySetting() {
    RealtimeKitClient.Builder b = RealtimeKitClient.builder().apiToken("t");
    assertEquals("baseUrl: must be an absolute http or https URL, was ftp://example.com",
        refusal(() -> b.baseUrl("ftp://example.com").build()));
    assertEquals("baseUrl: must be an absolute http or https URL, was /relative",
        refusal(() -> RealtimeKitClient.builder().apiToken("t").baseUrl("/relative").build()));
    assertEquals("readTimeout: must be a positive duration, was PT0S",
        refusal(() -> RealtimeKitClient.builder().apiToken("t").readTimeout(Duration.ZERO).build()));
    assertEquals("maxRetries: must be 0 or more, was -1", refusal(() -> RealtimeKitClient.builder().maxRetries(-1)));
    assertEquals("retryBackoff: max must be at least initial, was PT0.1S < PT1S",
        refusal(() -> RealtimeKitClient.builder().retryBackoff(Duration.ofSeconds(1), Duration.ofMillis(100))));
  }

  @Test
  void defaultsToCloudflaresApiAndHidesTheToken() {
    RealtimeKitClient client = RealtimeKitClient.builder().apiToken("secret-token-value").build();
    assertEquals("RealtimeKitClient{baseUrl=https://api.cloudflare.com/client/v4}", client.toString());
    assertFalse(client.toString().contains("secret-token-value"));
  }

  @Test
  void dropsATrailingSlashFromTheBaseUrl() {
    assertEquals("RealtimeKitClient{baseUrl=http://localhost:8080/v4}",
        RealtimeKitClient.builder().apiToken("t").baseUrl("HTTP://localhost:8080/v4/").build().toString());
  }

  @Test
  void leavesOutHibernateValidatorsVersionBanner() {
    RealtimeKitClient.builder().apiToken("t").build();
    assertEquals(java.util.logging.Level.WARNING,
        java.util.logging.Logger.getLogger("org.hibernate.validator.internal.util.Version").getLevel());
  }
}
