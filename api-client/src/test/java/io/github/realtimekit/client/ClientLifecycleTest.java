package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.client.transport.JdkTransport;
import io.github.realtimekit.fixtures.LoopbackServer;
import java.io.File;
import java.net.http.HttpClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Building, using and closing many clients costs no threads or descriptors that stay behind. */
@Timeout(120)
class ClientLifecycleTest {

  static final UUID RECORDING = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");

  static long clientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.getName().startsWith("raw-server"))
        .count();
  }

  static long openDescriptors() {
    String[] fds = new File("/proc/self/fd").list();
    return fds == null ? -1 : fds.length;
  }

  @Test
  void twoThousandClientsLeaveThreadsAndDescriptorsWhereTheyWere() throws Exception {
    try (LoopbackServer server = LoopbackServer.raw(LoopbackServer.rawJson(404, "{}"))) {
      useOnce(server);
      long threads = clientThreads();
      long fds = openDescriptors();
      for (int i = 0; i < 2000; i++) {
        useOnce(server);
      }
      assertTrue(clientThreads() <= threads + 8, "threads: " + threads + " before, " + clientThreads() + " after");
      if (fds >= 0) {
        // Connections close after each response; allow for a few still closing.
        assertTrue(openDescriptors() <= fds + 32, "descriptors: " + fds + " before, " + openDescriptors() + " after");
      }
      assertEquals(2001, server.requests().size());
    }
  }

  private static void useOnce(LoopbackServer server) {
    try (RealtimeKitClient client = HostileServerTest.client(server.baseUrl()).build()) {
      assertThrows(NotFoundException.class, () -> client.getRecording(RECORDING));
    }
  }

  @Test
  void aCallersHttpClientIsUsedAndLeftOpen() throws Exception {
    HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (LoopbackServer server = LoopbackServer.raw(LoopbackServer.rawJson(404, "{}"))) {
      RealtimeKitClient client = HostileServerTest.client(server.baseUrl()).httpClient(own).build();
      assertThrows(NotFoundException.class, () -> client.getRecording(RECORDING));
      client.close();
      // Still usable by its owner after the client is closed.
      assertEquals(404, own.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl())).build(),
          java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode());
    }
  }

  @Test
  void clientsOfOneConfigurationShareOneHttpClient() {
    assertSame(JdkTransport.sharedHttpClient(java.time.Duration.ofSeconds(10), "http://localhost:1"),
        JdkTransport.sharedHttpClient(java.time.Duration.ofSeconds(10), "http://127.0.0.1:2"));
  }
}
