package io.github.realtimekit.client;

import io.github.realtimekit.client.errors.ResponseTooLargeException;
import io.github.realtimekit.fixtures.LoopbackServer;

/**
 * Run in a JVM of its own with a small heap: serves a 2 GB list body from loopback and calls the
 * client with its default limit. Prints the outcome; exits 0 only on the typed error.
 */
public final class HugeBodyProbe {

  public static void main(String[] args) throws Exception {
    long size = 2L * 1024 * 1024 * 1024;
    try (LoopbackServer server = LoopbackServer.raw((head, out) -> {
      LoopbackServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      byte[] chunk = ("100000\r\n" + " ".repeat(0x100000) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      for (long sent = 0; sent < size; sent += 0x100000) {
        out.write(chunk);
      }
      LoopbackServer.write(out, "0\r\n\r\n");
    }); RealtimeKitClient client = HostileServerTest.client(server.baseUrl()).build()) {
      client.listRecordingsPage(ListRecordingsQuery.none());
      System.out.println("unexpected: decoded");
      System.exit(1);
    } catch (ResponseTooLargeException e) {
      System.out.println("typed error: " + e.getMessage());
      System.exit(0);
    } catch (Throwable t) {
      System.out.println("unexpected: " + t);
      System.exit(1);
    }
  }
}
