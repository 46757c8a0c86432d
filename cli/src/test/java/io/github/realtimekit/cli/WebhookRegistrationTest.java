package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.errors.BadRequestException;
import io.github.realtimekit.client.errors.ServiceException;
import io.github.realtimekit.fixtures.LoopbackServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code serve --register}: a webhook reused or added once, a lost answer to the add never sent again. */
class WebhookRegistrationTest {

  static final URI URL = URI.create("https://hooks.example/webhook");

  /** The app's webhooks, and what the add answers. */
  static final class Fake implements AutoCloseable {
    final List<String> webhooks = new CopyOnWriteArrayList<>();
    volatile int addStatus = 201;
    volatile boolean addTakesEffect = true;
    final LoopbackServer server = LoopbackServer.http(this::handle);

    static String webhook(String url, String event) {
      return "{\"id\": \"" + UUID.randomUUID() + "\", \"name\": \"w\", \"url\": \"" + url + "\", \"events\": [\""
          + event + "\"], \"enabled\": true, \"created_at\": \"2026-06-30T09:00:00Z\", \"updated_at\": \"2026-06-30T09:00:00Z\"}";
    }

    private void handle(io.github.realtimekit.fixtures.RecordedRequest request, HttpExchange exchange) throws IOException {
      if (request.method().equals("GET")) {
        send(exchange, 200, "{\"success\": true, \"data\": [" + String.join(", ", webhooks) + "]}");
        return;
      }
      String body = new String(request.body(), StandardCharsets.UTF_8);
      if (addTakesEffect) {
        webhooks.add(webhook(URL.toString(), "recording.statusUpdate"));
      }
      send(exchange, addStatus, addStatus == 201 ? "{\"success\": true, \"data\": " + webhooks.get(webhooks.size() - 1) + "}"
          : "{\"success\": false, \"error\": {\"code\": " + addStatus + ", \"message\": \"no: " + body.length() + "\"}}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    }

    long adds() {
      return server.requests().stream().filter(r -> r.method().equals("POST")).count();
    }

    RealtimeKitClient client() {
      return RealtimeKitClient.builder().apiToken(Cli.TOKEN).accountId(Cli.ACCOUNT).appId(Cli.APP)
          .baseUrl(server.baseUrl()).build();
    }

    @Override
    public void close() {
      server.close();
    }
  }

  @Test
  void aWebhookThatSendsTheEventToTheUrlIsReused() {
    try (Fake fake = new Fake(); RealtimeKitClient client = fake.client()) {
      fake.webhooks.add(Fake.webhook("https://other.example/webhook", "recording.statusUpdate"));
      fake.webhooks.add(Fake.webhook(URL.toString(), "meeting.started"));
      fake.webhooks.add(Fake.webhook(URL.toString(), "recording.statusUpdate"));
      WebhookRegistration.Registered r = WebhookRegistration.register(client, URL);
      assertTrue(r.reused());
      assertEquals(URL, r.webhook().getUrl());
      assertEquals(0, fake.adds());
    }
  }

  @Test
  void noneIsAddedOnce() {
    try (Fake fake = new Fake(); RealtimeKitClient client = fake.client()) {
      WebhookRegistration.Registered r = WebhookRegistration.register(client, URL);
      assertFalse(r.reused());
      assertEquals(1, fake.adds());
      String sent = new String(fake.server.requests().stream().filter(q -> q.method().equals("POST")).findFirst()
          .orElseThrow().body(), StandardCharsets.UTF_8);
      assertTrue(sent.contains("\"recording.statusUpdate\"") && sent.contains(URL.toString()), sent);
    }
  }

  @Test
  void aLostAnswerToTheAddIsFoundInTheListNotAddedAgain() {
    try (Fake fake = new Fake(); RealtimeKitClient client = fake.client()) {
      fake.addStatus = 502;
      WebhookRegistration.Registered r = WebhookRegistration.register(client, URL);
      assertEquals(URL, r.webhook().getUrl());
      assertEquals(1, fake.adds(), "never sent twice");
      assertEquals(1, fake.webhooks.size());
    }
  }

  @Test
  void aLostAnswerWithNothingAddedIsReportedAsTheFailure() {
    try (Fake fake = new Fake(); RealtimeKitClient client = fake.client()) {
      fake.addStatus = 502;
      fake.addTakesEffect = false;
      ServiceException e = assertThrows(ServiceException.class, () -> WebhookRegistration.register(client, URL));
      assertEquals(502, e.getStatusCode());
      assertEquals(1, fake.adds());
    }
  }

  @Test
  void aRefusedAddIsNotLookedForAgain() {
    try (Fake fake = new Fake(); RealtimeKitClient client = fake.client()) {
      fake.addStatus = 400;
      fake.addTakesEffect = false;
      BadRequestException e = assertThrows(BadRequestException.class, () -> WebhookRegistration.register(client, URL));
      assertSame(BadRequestException.class, e.getClass());
      assertEquals(1, fake.server.requests().stream().filter(q -> q.method().equals("GET")).count());
    }
  }
}
