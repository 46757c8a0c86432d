package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.OutcomeUnknownException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.fixtures.RecordedRequest;
import io.github.realtimekit.model.PauseResumeStopRecordingRequest;
import io.github.realtimekit.model.RecordingAction;
import io.github.realtimekit.model.StartRecordingRequest;
import io.github.realtimekit.model.StartTrackRecordingRequest;
import io.github.realtimekit.model.StorageConfig;
import io.github.realtimekit.model.StorageType;
import io.github.realtimekit.model.TrackConfigLayer;
import io.github.realtimekit.model.VideoConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Request bodies: checked before sending, written once as JSON, and never sent twice behind the caller's back. */
@Timeout(60)
class RequestBodyTest {

  static final UUID MEETING = UUID.fromString("97440c6a-140b-40a9-9499-b23fd7a3868a");
  static final ObjectMapper JSON = new ObjectMapper();

  static RealtimeKitClientBuilder client(String baseUrl) {
    return RealtimeKitClient.builder().apiToken(HostileServerTest.TOKEN).accountId(HostileServerTest.ACCOUNT)
        .appId(HostileServerTest.APP).baseUrl(baseUrl);
  }

  /** A recording in the answer's envelope, as the API sends one. */
  static final String RECORDING = "{\"success\":true,\"data\":{\"id\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\","
      + "\"status\":\"INVOKED\",\"invoked_time\":\"2026-06-30T09:15:02.481Z\",\"output_file_name\":\"m.mp4\"}}";

  static LoopbackServer started() {
    return LoopbackServer.json(uri -> RECORDING.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aBodyGoesOutOnceAsJsonWithItsContentType() throws Exception {
    try (LoopbackServer server = started(); RealtimeKitClient client = client(server.baseUrl()).build()) {
      client.startRecording(StartRecordingRequest.builder().meetingId(MEETING).maxSeconds(120).build());

      assertEquals(1, server.requestCount());
      RecordedRequest request = server.lastRequest();
      assertTrue(request.line().startsWith("POST /client/v4/accounts/"), request.line());
      assertEquals("application/json", request.header("Content-Type"));
      JsonNode sent = JSON.readTree(request.body());
      assertEquals(JSON.readTree("{\"meeting_id\":\"" + MEETING + "\",\"max_seconds\":120}"), sent);
    }
  }

  @Test
  void aBrokenBodyIsRefusedBeforeAnythingIsSentNamingEachField() throws Exception {
    try (LoopbackServer server = started(); RealtimeKitClient client = client(server.baseUrl()).build()) {
      StartRecordingRequest bad = StartRecordingRequest.builder().meetingId(MEETING).maxSeconds(30)
          .videoConfig(VideoConfig.builder().width(4000).build())
          .storageConfig(StorageConfig.builder().type(StorageType.of("floppy")).password("hunter2-secret").build())
          .build();

      InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> client.startRecording(bad));

      assertEquals(List.of(
          "body.max_seconds must be greater than or equal to 60 (was 30)",
          "body.storage_config.type must be one of [aws, azure, digitalocean, gcs, sftp] (was floppy)",
          "body.video_config.width must be less than or equal to 1920 (was 4000)"),
          e.getViolations().stream().map(Object::toString).toList());
      assertFalse(e.getMessage().contains("hunter2"), "a storage credential is never shown: " + e.getMessage());
      assertEquals(0, server.requestCount(), "nothing was sent");
    }
  }

  @Test
  void aMissingRequiredFieldOrBodyIsRefusedBeforeAnythingIsSent() throws Exception {
    try (LoopbackServer server = started(); RealtimeKitClient client = client(server.baseUrl()).build()) {
      IllegalStateException unbuilt = assertThrows(IllegalStateException.class,
          () -> client.startRecording(StartRecordingRequest.builder().maxSeconds(60).build()));
      assertTrue(unbuilt.getMessage().contains("meeting_id"), unbuilt.getMessage());

      InvalidArgumentException none = assertThrows(InvalidArgumentException.class, () -> client.startRecording(null));
      assertEquals(List.of("body must not be null (was null)"),
          none.getViolations().stream().map(Object::toString).toList());

      InvalidArgumentException action = assertThrows(InvalidArgumentException.class, () -> client.pauseResumeStopRecording(
          UUID.randomUUID(), PauseResumeStopRecordingRequest.builder().action(RecordingAction.of("explode")).build()));
      assertEquals(List.of("body.action must be one of [stop, pause, resume] (was explode)"),
          action.getViolations().stream().map(Object::toString).toList());
      assertEquals(0, server.requestCount(), "nothing was sent");
    }
  }

  @Test
  void theChecksReachIntoListsAndMaps() throws Exception {
    try (LoopbackServer server = started(); RealtimeKitClient client = client(server.baseUrl()).build()) {
      StartTrackRecordingRequest bad = StartTrackRecordingRequest.builder().meetingId(MEETING).userIds(List.of())
          .layers(Map.of("default", TrackConfigLayer.builder().fileNamePrefix("../etc").build())).build();

      InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> client.startTrackRecording(bad));

      assertEquals(List.of(
          "body.layers[default].file_name_prefix must match \"^[-\\w\\s]+$\" (was \"../etc\")",
          "body.user_ids size must be between 1 and 100 (was [])"),
          e.getViolations().stream().map(Object::toString).toList());
      assertEquals(0, server.requestCount());
    }
  }

  @Test
  void aPostIsSentOnceWhenTheConnectionDropsAfterTheServerReadIt() throws Exception {
    AtomicInteger posts = new AtomicInteger();
    AtomicInteger gets = new AtomicInteger();
    try (DroppingServer server = new DroppingServer(posts, gets);
        RealtimeKitClient client = client(server.baseUrl()).build()) {
      // A GET first, so the POST goes out on a connection kept from before: the case where a
      // transport may resend a request over a fresh connection after the old one dies.
      client.getRecording(UUID.randomUUID());

      RealtimeKitException e = assertThrows(RealtimeKitException.class,
          () -> client.startRecording(StartRecordingRequest.builder().meetingId(MEETING).build()));

      // The answer was lost, and the only recording the meeting has began long before: not this call's.
      OutcomeUnknownException unknown = assertInstanceOf(OutcomeUnknownException.class, e, e.toString());
      assertInstanceOf(NetworkException.class, unknown.getCause());
      assertEquals(2, gets.get(), "the warm-up, then the meeting's active recording");
      assertEquals(1, posts.get(), "the POST reached the server once: neither the JDK client nor the retries resent it");
    }
  }

  /** Answers GETs with a recording on a kept-alive connection; reads a POST whole, then closes without an answer. */
  static final class DroppingServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    private final Thread thread;

    DroppingServer(AtomicInteger posts, AtomicInteger gets) throws IOException {
      thread = new Thread(() -> {
        while (!socket.isClosed()) {
          try (Socket s = socket.accept()) {
            serve(s, posts, gets);
          } catch (IOException closed) {
            // The next connection, or the end.
          }
        }
      }, "dropping-server");
      thread.setDaemon(true);
      thread.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/client/v4";
    }

    private static void serve(Socket s, AtomicInteger posts, AtomicInteger gets) throws IOException {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        int length = contentLength(head);
        in.readNBytes(length);
        if (head.startsWith("POST ")) {
          posts.incrementAndGet();
          return;
        }
        gets.incrementAndGet();
        byte[] body = RECORDING.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
      }
    }

    private static String readHead(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4 && head.size() < 64 * 1024) {
        int b = in.read();
        if (b < 0) {
          return null;
        }
        head.write(b);
        matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
            ? matched + 1 : 0;
      }
      return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          return Math.min(1 << 20, Integer.parseInt(line.substring(15).trim()));
        }
      }
      return 0;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
