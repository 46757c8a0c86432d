package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.realtimekit.fixtures.SpecExamples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients that misbehave on purpose, on raw sockets to the loopback address: the mock bounds what each
 * may cost it. Every loop here is bounded; a server that did not defend itself fails the assertion
 * when the loop runs out.
 */
class MockServerLimitsTest {

  private static final String LIST = "/client/v4/accounts/a/realtime/kit/b/recordings";
  private static final int MIB = 1 << 20;

  @Test
  void aClientThatDribblesItsHeadersIsCutOff() throws Exception {
    try (MockServer mock = MockServer.start(SpecExamples.spec(), new MockServer.Limits(MIB, 8, Duration.ofSeconds(1)));
        Socket socket = connect(mock)) {
      write(socket, "GET " + LIST + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");

      assertTrue(dribbleUntilClosed(socket), "the server still waits for the headers");
    }
  }

  @Test
  void aClientThatDribblesItsBodyIsCutOff() throws Exception {
    try (MockServer mock = MockServer.start(SpecExamples.spec(), new MockServer.Limits(MIB, 8, Duration.ofSeconds(1)));
        Socket socket = connect(mock)) {
      write(socket, "POST " + LIST + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n");

      assertTrue(dribbleUntilClosed(socket), "the server still waits for the body");
    }
  }

  @Test
  void aBodyOverTheLimitIsRefusedUnread() throws Exception {
    try (MockServer mock = MockServer.start(); Socket socket = connect(mock)) {
      write(socket, "POST " + LIST + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + (2 * MIB) + "\r\n\r\n");

      assertTooLarge(readResponse(socket));
    }
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefused() throws Exception {
    try (MockServer mock = MockServer.start(); Socket socket = connect(mock)) {
      write(socket, "POST " + LIST + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n");
      byte[] chunk = new byte[16 * 1024];
      Arrays.fill(chunk, (byte) 'x');
      for (int sent = 0; sent <= MIB; sent += chunk.length) {
        write(socket, Integer.toHexString(chunk.length) + "\r\n");
        socket.getOutputStream().write(chunk);
        write(socket, "\r\n");
      }
      write(socket, "0\r\n\r\n");

      assertTooLarge(readResponse(socket));
    }
  }

  @Test
  void aStartThatStallsOrIsTooLargeStartsNothing() throws Exception {
    String meeting = "97440c6a-140b-40a9-9499-b23fd7a3868a";
    String active = LIST + "/active-recording/" + meeting;
    try (MockServer mock = MockServer.start(SpecExamples.spec(), new MockServer.Limits(MIB, 8, Duration.ofSeconds(1)))) {
      try (Socket slow = connect(mock)) {
        write(slow, "POST " + LIST + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 100000\r\n\r\n{\"meeting_id\":\"" + meeting + "\",\"file_name_prefix\":\"");
        assertTrue(dribbleUntilClosed(slow), "the server still waits for the body");
      }
      try (Socket large = connect(mock)) {
        byte[] padding = new byte[MIB];
        Arrays.fill(padding, (byte) 'x');
        String head = "{\"meeting_id\":\"" + meeting + "\",\"file_name_prefix\":\"";
        write(large, "POST " + LIST + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(head.length()) + "\r\n" + head + "\r\n");
        try {
          write(large, Integer.toHexString(padding.length) + "\r\n");
          large.getOutputStream().write(padding);
          write(large, "\r\n1\r\n\"\r\n0\r\n\r\n");
        } catch (IOException closedEarly) {
          // Refused before the whole body was sent.
        }
        assertTooLarge(readResponse(large));
      }
      try (Socket check = connect(mock)) {
        write(check, "GET " + active + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        String response = readResponse(check);
        assertTrue(response.startsWith("HTTP/1.1 404 "), "neither start took effect: " + response);
      }
    }
  }

  @Test
  void aBodyWithinTheLimitIsReadAndTheRequestAnswered() throws Exception {
    try (MockServer mock = MockServer.start(); Socket socket = connect(mock)) {
      byte[] body = new byte[64 * 1024];
      Arrays.fill(body, (byte) '{');
      write(socket, "GET " + LIST + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: "
          + body.length + "\r\n\r\n");
      socket.getOutputStream().write(body);

      String response = readResponse(socket);
      assertTrue(response.startsWith("HTTP/1.1 200 "), response);
    }
  }

  @Test
  void anEndlessHeaderIsRefused() throws Exception {
    try (MockServer mock = MockServer.start(); Socket socket = connect(mock)) {
      socket.setSoTimeout(30_000);
      write(socket, "GET " + LIST + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Endless: ");
      byte[] chunk = new byte[8 * 1024];
      Arrays.fill(chunk, (byte) 'h');
      try {
        for (int sent = 0; sent < 8 * MIB; sent += chunk.length) {
          socket.getOutputStream().write(chunk);
        }
      } catch (IOException refused) {
        // The server closed the connection while the header was still coming: what this test wants.
      }
      String response;
      try {
        response = readResponse(socket);
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the server still reads the header after 8 MiB", e);
      } catch (IOException reset) {
        response = "";
      }
      assertTrue(response.isEmpty() || response.startsWith("HTTP/1.1 4"), response);
    }
  }

  @Test
  void stalledClientsBeyondTheLimitAreRefusedAndTheServerRecovers() throws Exception {
    try (MockServer mock = MockServer.start(SpecExamples.spec(), new MockServer.Limits(MIB, 2, Duration.ofMinutes(5)))) {
      List<Socket> stalled = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          Socket socket = connect(mock);
          stalled.add(socket);
          write(socket, "GET " + LIST);
        }
        assertTrue(someAreClosed(stalled), "every stalled client still holds a thread");
      } finally {
        for (Socket socket : stalled) {
          socket.close();
        }
      }
      assertTrue(answersAgain(mock), "the server no longer answers once the stalled clients left");
    }
  }

  private static Socket connect(MockServer mock) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(mock.baseUrl()).getPort());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Sends one byte at a time, at most 300, until the server closes the connection. */
  private static boolean dribbleUntilClosed(Socket socket) throws IOException {
    socket.setSoTimeout(100);
    InputStream in = socket.getInputStream();
    for (int i = 0; i < 300; i++) {
      try {
        socket.getOutputStream().write('a');
        while (in.read() != -1) {
          // An answer is fine too; only the closing counts.
        }
        return true;
      } catch (SocketTimeoutException stillOpen) {
        // The server waits for more: send the next byte.
      } catch (IOException closed) {
        return true;
      }
    }
    return false;
  }

  /** Reads from every socket, in rounds bounded in number, until the server closes one of them. */
  private static boolean someAreClosed(List<Socket> sockets) throws IOException {
    for (Socket socket : sockets) {
      socket.setSoTimeout(100);
    }
    for (int round = 0; round < 100; round++) {
      for (Socket socket : sockets) {
        try {
          if (socket.getInputStream().read() == -1) {
            return true;
          }
        } catch (SocketTimeoutException stillOpen) {
          // This one is still being waited on.
        } catch (IOException closed) {
          return true;
        }
      }
    }
    return false;
  }

  /** Asks for the list, at most 100 times, until the server answers it. */
  private static boolean answersAgain(MockServer mock) throws Exception {
    for (int attempt = 0; attempt < 100; attempt++) {
      try (Socket socket = connect(mock)) {
        write(socket, "GET " + LIST + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        if (readResponse(socket).startsWith("HTTP/1.1 200 ")) {
          return true;
        }
      } catch (IOException refused) {
        // Its threads are not free yet.
      }
      Thread.sleep(100);
    }
    return false;
  }

  /**
   * Reads one response: its head, then as many bytes as its {@code Content-Length} says, or up to the
   * end of the connection when it says none. At most 4 MiB.
   */
  private static String readResponse(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int headEnd = -1;
    long length = -1;
    int last4 = 0;
    for (int b = in.read(); b != -1 && out.size() < 4 * MIB; b = in.read()) {
      out.write(b);
      last4 = last4 << 8 | b;
      if (headEnd < 0 && last4 == 0x0d0a0d0a) {
        headEnd = out.size();
        String head = out.toString(StandardCharsets.ISO_8859_1).toLowerCase();
        int at = head.indexOf("\r\ncontent-length: ");
        if (at >= 0) {
          length = Long.parseLong(head.substring(at + 18, head.indexOf("\r\n", at + 2)).trim());
        }
      }
      if (headEnd >= 0 && length >= 0 && out.size() - headEnd >= length) {
        break;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void assertTooLarge(String response) throws IOException {
    assertTrue(response.startsWith("HTTP/1.1 413 "), response);
    assertTrue(response.toLowerCase().contains("\r\nconnection: close\r\n"), response);
    JsonNode body = new ObjectMapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
    assertEquals(413, body.at("/error/code").asInt(), body.toString());
    assertEquals(false, body.get("success").asBoolean());
  }
}
