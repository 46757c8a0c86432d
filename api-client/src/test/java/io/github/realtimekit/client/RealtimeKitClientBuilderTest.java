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
    assertEquals("apiToken: must not be null or blank (CLOUDFLARE_API_TOKEN)", refusal(() -> RealtimeKitClient.builder().build()));
    assertEquals("apiToken: must not be null or blank (CLOUDFLARE_API_TOKEN)", refusal(() -> RealtimeKitClient.builder().apiToken(" ").build()));
    assertEquals("apiToken: must not contain whitespace or control characters",
        refusal(() -> RealtimeKitClient.builder().apiToken("abc\r\nX-Injected: 1").build()));
  }

  @Test
  void checksEverySetting() {
    RealtimeKitClientBuilder b = RealtimeKitClient.builder().apiToken("t").accountId("acc").appId("app");
    assertEquals("baseUrl: must be an absolute http or https URL, was ftp://example.com",
        refusal(() -> b.baseUrl("ftp://example.com").build()));
    assertEquals("baseUrl: must be an absolute http or https URL, was /relative",
        refusal(() -> RealtimeKitClient.builder().apiToken("t").accountId("acc").appId("app").baseUrl("/relative").build()));
    assertEquals("readTimeout: must be a positive duration, was PT0S",
        refusal(() -> RealtimeKitClient.builder().apiToken("t").accountId("acc").appId("app").readTimeout(Duration.ZERO).build()));
    assertEquals("maxRetries: must be 0 or more, was -1", refusal(() -> RealtimeKitClient.builder().maxRetries(-1)));
    assertEquals("retryBackoff: max must be at least initial, was PT0.1S < PT1S",
        refusal(() -> RealtimeKitClient.builder().retryBackoff(Duration.ofSeconds(1), Duration.ofMillis(100))));
  }

  @Test
  void defaultsToCloudflaresApiAndHidesTheToken() {
    RealtimeKitClient client = RealtimeKitClient.builder().apiToken("secret-token-value").accountId("acc").appId("app").build();
    assertEquals("RealtimeKitClient{baseUrl=https://api.cloudflare.com/client/v4, accountId=acc, appId=app}", client.toString());
    assertFalse(client.toString().contains("secret-token-value"));
  }

  @Test
  void dropsATrailingSlashFromTheBaseUrl() {
    assertEquals("RealtimeKitClient{baseUrl=http://localhost:8080/v4, accountId=acc, appId=app}",
        RealtimeKitClient.builder().apiToken("t").accountId("acc").appId("app").baseUrl("HTTP://localhost:8080/v4/").build().toString());
  }

  @Test
  void strictModeLeavesOutHibernateValidatorsVersionBanner() {
    RealtimeKitClient.builder().apiToken("t").accountId("acc").appId("app").strictResponses(true).build();
    assertEquals(java.util.logging.Level.WARNING,
        java.util.logging.Logger.getLogger("org.hibernate.validator.internal.util.Version").getLevel());
  }

  @Test
  void requiresTheAccountAndTheApp() {
    assertEquals("accountId: must be set and not blank (CLOUDFLARE_ACCOUNT_ID)",
        refusal(() -> RealtimeKitClient.builder().apiToken("t").appId("app").build()));
    assertEquals("appId: must be set and not blank (REALTIMEKIT_APP_ID)",
        refusal(() -> RealtimeKitClient.builder().apiToken("t").accountId("acc").build()));
    assertEquals("maxResponseBytes: must be from 1024 to 2147483631, was 10",
        refusal(() -> RealtimeKitClient.builder().maxResponseBytes(10)));
  }

  @Test
  void readsTheEnvironmentTheToolReads() {
    RealtimeKitClient client = RealtimeKitClient.builder().fromEnv(java.util.Map.of(
        "CLOUDFLARE_API_TOKEN", "tok", "CLOUDFLARE_ACCOUNT_ID", "acc", "REALTIMEKIT_APP_ID", " app ",
        "REALTIMEKIT_BASE_URL", "http://localhost:9/v4")).build();
    assertEquals("RealtimeKitClient{baseUrl=http://localhost:9/v4, accountId=acc, appId=app}", client.toString());
    assertEquals("apiToken: must not be null or blank (CLOUDFLARE_API_TOKEN)", refusal(() -> RealtimeKitClient.builder()
        .fromEnv(java.util.Map.of("CLOUDFLARE_API_TOKEN", "", "CLOUDFLARE_ACCOUNT_ID", "a", "REALTIMEKIT_APP_ID", "b"))
        .build()));
  }

  @Test
  void aViewForAnotherAppSharesTheClient() {
    RealtimeKitClient client = RealtimeKitClient.builder().apiToken("t").accountId("acc").appId("app").build();
    RealtimeKitClient other = client.withApp("acc2", "app2");
    assertEquals("app2", other.getAppId());
    assertEquals("acc2", other.getAccountId());
    assertEquals("app", client.getAppId());
    assertEquals("appId: must be set and not blank (REALTIMEKIT_APP_ID)", refusal(() -> client.withApp("a", " ")));
  }
}
