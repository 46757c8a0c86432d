package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.ListRecordingsQuery;
import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.RecordingStatus;
import io.github.realtimekit.model.RecordingStatusFilter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uses the client as any other project would, against a stub server on the loopback address. */
class ConsumerTest {

  static final UUID ID = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
  static final String RECORDING = "{\"id\":\"" + ID + "\",\"status\":\"UPLOADED\","
      + "\"invoked_time\":\"2024-01-01T10:00:00Z\",\"output_file_name\":\"a.mp4\"}";

  HttpServer server;
  final List<String> requests = new CopyOnWriteArrayList<>();
  RealtimeKitClient client;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String target = exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
      requests.add(target + " " + exchange.getRequestHeaders().getFirst("Authorization"));
      String body;
      int status = 200;
      if (target.endsWith("/recordings/" + ID)) {
        body = "{\"success\":true,\"data\":" + RECORDING + "}";
      } else if (target.contains("/recordings?")) {
        body = "{\"success\":true,\"data\":[" + RECORDING + "],"
            + "\"paging\":{\"start_offset\":1,\"end_offset\":1,\"total_count\":1}}";
      } else {
        status = 404;
        body = "{\"success\":false,\"error\":{\"code\":404,\"message\":\"Recording not found\"}}";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    client = RealtimeKitClient.builder()
        .apiToken("consumer-token")
        .accountId("account")
        .appId("app")
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4")
        .build();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void fetchesARecording() {
    Recording recording = client.getRecording(ID);

    assertEquals(ID, recording.getId());
    assertEquals(RecordingStatus.UPLOADED, recording.getStatus());
    assertEquals(List.of("/client/v4/accounts/account/realtime/kit/app/recordings/" + ID + " Bearer consumer-token"),
        requests);
  }

  @Test
  void walksTheRecordings() {
    long count = client.listRecordings(
        ListRecordingsQuery.builder().status(RecordingStatusFilter.UPLOADED, RecordingStatusFilter.RECORDING).build())
        .stream().count();

    assertEquals(1, count);
    assertTrue(requests.get(0).contains("status=UPLOADED,RECORDING"), requests.get(0));
  }

  @Test
  void reportsAnApiError() {
    NotFoundException e = assertThrows(NotFoundException.class, () -> client.getRecording(UUID.randomUUID()));

    assertEquals("Recording not found", e.getErrors().get(0).getMessage());
  }

  @Test
  void getsTheVersionsTheClientIsBuiltWith() {
    assertEquals(System.getProperty("expected.jackson.version"),
        com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    assertTrue(jarOf(feign.Feign.class).contains("/" + System.getProperty("expected.feign.version") + "/"),
        jarOf(feign.Feign.class));
    assertTrue(jarOf(org.jspecify.annotations.Nullable.class)
        .contains("/" + System.getProperty("expected.jspecify.version") + "/"), jarOf(org.jspecify.annotations.Nullable.class));
  }

  @Test
  void seesTheModelsNullness() throws Exception {
    assertTrue(Recording.class.getPackage().isAnnotationPresent(org.jspecify.annotations.NullMarked.class));
    assertTrue(Recording.class.getMethod("getMeeting").getAnnotatedReturnType()
        .isAnnotationPresent(org.jspecify.annotations.Nullable.class));
    assertTrue(!Recording.class.getMethod("getStatus").getAnnotatedReturnType()
        .isAnnotationPresent(org.jspecify.annotations.Nullable.class));
  }

  @Test
  void getsNoHibernateValidatorUnlessItAsksForIt() {
    // Strict mode's validator is an optional dependency: the default closure has none of it.
    for (String absent : List.of("org.hibernate.validator.HibernateValidator", "org.jboss.logging.Logger",
        "com.fasterxml.classmate.TypeResolver")) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent);
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> RealtimeKitClient.builder()
        .apiToken("t").accountId("acc").appId("app").strictResponses(true).build());
    assertTrue(e.getMessage().contains("add org.hibernate.validator:hibernate-validator"), e.getMessage());
  }

  private static String jarOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation().toString();
  }
}
