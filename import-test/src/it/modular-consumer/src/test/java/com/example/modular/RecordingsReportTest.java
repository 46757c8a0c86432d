package com.example.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.errors.NotFoundException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The modular consumer, run on the module path against a stub server on the loopback address. */
class RecordingsReportTest {

  static final UUID ID = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
  static final String RECORDING = "{\"id\":\"" + ID + "\",\"status\":\"UPLOADED\","
      + "\"invoked_time\":\"2024-01-01T10:00:00Z\",\"output_file_name\":\"a.mp4\"}";

  HttpServer server;
  RecordingsReport report;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getRawPath();
      String body;
      int status = 200;
      if (path.endsWith("/recordings/" + ID)) {
        body = "{\"success\":true,\"data\":" + RECORDING + "}";
      } else if (path.endsWith("/recordings")
          && String.valueOf(exchange.getRequestURI().getRawQuery()).contains("status=UPLOADED")) {
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
    report = new RecordingsReport("http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4",
        "consumer-token", "account", "app");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void runsOnTheModulePath() {
    assertEquals("com.example.modular", RecordingsReport.class.getModule().getName());
    assertEquals("io.github.realtimekit.client", RealtimeKitClient.class.getModule().getName());
    assertTrue(RecordingsReport.class.getModule().canRead(RealtimeKitClient.class.getModule()));
  }

  @Test
  void describesARecording() {
    assertEquals(ID + " UPLOADED a.mp4", report.describe(ID));
  }

  @Test
  void listsTheUploadedRecordings() {
    assertEquals(List.of(ID), report.uploaded());
  }

  @Test
  void reportsAnApiError() {
    NotFoundException e = assertThrows(NotFoundException.class, () -> report.describe(UUID.randomUUID()));
    assertEquals("Recording not found", e.getErrors().get(0).getMessage());
  }
}
