package io.github.realtimekit.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code download}: streamed to a temporary file, renamed only when complete, never with the API token. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DownloadCommandTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final UUID ID = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
  private static final byte[] VIDEO = bytes(700_000, 1);
  private static final byte[] AUDIO = bytes(150_000, 2);

  @TempDir
  Path dir;

  private static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static String baseUrl() {
    return server.baseUrl() + Examples.BASE_PATH;
  }

  private static void stubRecording(Consumer<ObjectNode> change) {
    server.stubFor(get(urlPathEqualTo(Examples.onePath(ID))).willReturn(okJson(Examples.one(ID, data -> {
      data.put("output_file_name", "meeting-2024-01-01.mp4");
      data.put("download_url", server.baseUrl() + "/bucket/recording.mp4?X-Amz-Signature=abc123");
      data.put("audio_download_url", server.baseUrl() + "/bucket/audio.m4a?X-Amz-Signature=def456");
      change.accept(data);
    }))));
  }

  private static void serveFiles() {
    // The recording with its length, the audio without (chunked): progress copes with both.
    server.stubFor(get(urlPathEqualTo("/bucket/recording.mp4")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "video/mp4")
        .withHeader("Content-Length", String.valueOf(VIDEO.length))
        .withBody(VIDEO)));
    server.stubFor(get(urlPathEqualTo("/bucket/audio.m4a")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "audio/mp4").withBody(AUDIO)));
  }

  private List<String> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void savesTheFileWithProgressAndWithoutTheApiToken() throws IOException {
    stubRecording(data -> { });
    serveFiles();
    Path target = dir.resolve("out.mp4");

    Cli.Result r = Cli.against(baseUrl(), "download", ID.toString(), "--output", target.toString());

    assertEquals(0, r.exitCode(), r.toString());
    assertArrayEquals(VIDEO, Files.readAllBytes(target));
    assertEquals(List.of("out.mp4"), filesInDir(), "no temporary file left");
    assertEquals(List.of(target.toString()), r.outLines(), "the saved file's path on stdout");
    String last = r.errLines().get(r.errLines().size() - 1);
    assertTrue(last.startsWith("100% [########################] 683.6 KiB / 683.6 KiB  "), r.err());
    assertTrue(last.endsWith("/s"), "the rate: " + last);
    // A line between the first and the last: its percentage depends on how the bytes arrived.
    assertTrue(java.util.regex.Pattern.compile("(?m)(^|\\r) *[1-9][0-9]?% \\[").matcher(r.err()).find(),
        "progress on the way: " + r.err());
    server.verify(getRequestedFor(urlPathEqualTo("/bucket/recording.mp4"))
        .withQueryParam("X-Amz-Signature", equalTo("abc123"))
        .withoutHeader("Authorization"));
    server.verify(getRequestedFor(urlPathEqualTo(Examples.onePath(ID)))
        .withHeader("Authorization", equalTo("Bearer " + Cli.TOKEN)));
  }

  @Test
  void savesIntoADirectoryUnderTheRecordingsFileName() throws IOException {
    stubRecording(data -> { });
    serveFiles();

    Cli.Result r = Cli.against(baseUrl(), "download", ID.toString(), "-o", dir.toString());

    assertEquals(0, r.exitCode(), r.toString());
    assertArrayEquals(VIDEO, Files.readAllBytes(dir.resolve("meeting-2024-01-01.mp4")));
    assertEquals(List.of("meeting-2024-01-01.mp4"), filesInDir());
  }

  @Test
  void audioUsesTheAudioDownloadUrl() throws IOException {
    stubRecording(data -> { });
    serveFiles();

    Cli.Result r = Cli.against(baseUrl(), "download", ID.toString(), "--audio", "--output", dir.toString());

    assertEquals(0, r.exitCode(), r.toString());
    assertArrayEquals(AUDIO, Files.readAllBytes(dir.resolve("meeting-2024-01-01-audio.m4a")));
    assertEquals(List.of("meeting-2024-01-01-audio.m4a"), filesInDir());
    assertTrue(r.errLines().get(r.errLines().size() - 1).matches("146\\.5 KiB  [0-9.]+ [KMG]?i?B/s"),
        "bytes and rate when the length is unknown: " + r.err());
    server.verify(0, getRequestedFor(urlPathEqualTo("/bucket/recording.mp4")));
    server.verify(getRequestedFor(urlPathEqualTo("/bucket/audio.m4a")).withoutHeader("Authorization"));
  }

  @Test
  void replacesAnExistingFileOnlyWhenComplete() throws IOException {
    stubRecording(data -> { });
    serveFiles();
    Path target = dir.resolve("out.mp4");
    Files.writeString(target, "old");

    Cli.Result r = Cli.against(baseUrl(), "download", ID.toString(), "--output", target.toString(), "--force");

    assertEquals(0, r.exitCode(), r.toString());
    assertArrayEquals(VIDEO, Files.readAllBytes(target));
    assertEquals(List.of("out.mp4"), filesInDir());
  }

  @Test
  void aRecordingWithoutDownloadUrlIsAClearError() throws IOException {
    stubRecording(data -> {
      data.putNull("download_url");
      data.put("status", "RECORDING");
    });

    Cli.Result r = Cli.against(baseUrl(), "download", ID.toString(), "--output", dir.toString());

    assertEquals(1, r.exitCode(), r.toString());
    assertEquals(List.of("realtimekit-recordings: Recording " + ID + " has no download URL yet "
        + "(download_url is null, status RECORDING); it has one once uploaded"), r.errLines());
    assertEquals(List.of(), filesInDir());
  }

  @Test
  void aRecordingWithoutAudioUrlIsAClearError() throws IOException {
    stubRecording(data -> data.putNull("audio_download_url"));

    Cli.Result r = Cli.against(baseUrl(), "download", ID.toString(), "--audio", "--output", dir.toString());

    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.err().contains("has no audio download URL (audio_download_url is null"), r.err());
    assertEquals(List.of(), filesInDir());
  }

  @Test
  void anOutputEndingInASlashIsADirectoryCreatedWhenMissingAndTwoRecordingsShareIt() throws IOException {
    UUID other = UUID.fromString("1b9e6679-7425-40de-944b-e07fc1f90ae8");
    stubRecording(data -> { });
    server.stubFor(get(urlPathEqualTo(Examples.onePath(other))).willReturn(okJson(Examples.one(other, data -> {
      data.put("output_file_name", "other-meeting.mp4");
      data.put("download_url", server.baseUrl() + "/bucket/audio.m4a?X-Amz-Signature=ghi789");
    }))));
    serveFiles();
    String recordings = dir.resolve("recordings") + "/";

    Cli.Result first = Cli.against(baseUrl(), "download", ID.toString(), "--output", recordings);
    Cli.Result second = Cli.against(baseUrl(), "download", other.toString(), "--output", recordings);

    assertEquals(0, first.exitCode(), first.toString());
    assertEquals(0, second.exitCode(), second.toString());
    assertEquals(List.of("recordings"), filesInDir());
    assertTrue(Files.isDirectory(dir.resolve("recordings")));
    assertArrayEquals(VIDEO, Files.readAllBytes(dir.resolve("recordings/meeting-2024-01-01.mp4")));
    assertArrayEquals(AUDIO, Files.readAllBytes(dir.resolve("recordings/other-meeting.mp4")));
    assertEquals(List.of(dir.resolve("recordings/meeting-2024-01-01.mp4").toString()), first.outLines());
  }

  @Test
  void aMissingParentDirectoryIsCreated() throws IOException {
    stubRecording(data -> { });
    serveFiles();
    Path target = dir.resolve("new/dir/x.mp4");

    Cli.Result r = Cli.against(baseUrl(), "download", ID.toString(), "-o", target.toString());

    assertEquals(0, r.exitCode(), r.toString());
    assertArrayEquals(VIDEO, Files.readAllBytes(target));
    assertEquals(List.of(target.toString()), r.outLines());
  }

  @Test
  void anOutputBlockedByAFileIsAUsageErrorBeforeAnythingIsSent() throws IOException {
    Files.writeString(dir.resolve("recordings"), "a file");

    Cli.Result slash = Cli.against(baseUrl(), "download", ID.toString(), "-o", dir.resolve("recordings") + "/");
    Cli.Result under = Cli.against(baseUrl(), "download", ID.toString(), "-o", dir.resolve("recordings/x.mp4").toString());

    assertEquals(2, slash.exitCode(), slash.toString());
    assertEquals("realtimekit-recordings: --output: " + dir.resolve("recordings") + " is a file, not a directory",
        slash.errLines().get(0));
    assertEquals(2, under.exitCode(), under.toString());
    assertEquals("realtimekit-recordings: --output: " + dir.resolve("recordings") + " is a file, not a directory",
        under.errLines().get(0));
    assertEquals("a file", Files.readString(dir.resolve("recordings")));
    server.verify(0, getRequestedFor(anyUrl()));
  }

  @Test
  void anExistingFileIsNotReplacedWithoutForce() throws IOException {
    stubRecording(data -> { });
    serveFiles();
    Path target = dir.resolve("out.mp4");
    Files.writeString(target, "another recording");

    Cli.Result r = Cli.against(baseUrl(), "download", ID.toString(), "--output", target.toString());

    assertEquals(1, r.exitCode(), r.toString());
    assertEquals(List.of("realtimekit-recordings: " + target + " exists and is not this recording; "
        + "pass --force to replace it"), r.errLines());
    assertEquals("another recording", Files.readString(target));
    server.verify(0, getRequestedFor(urlPathEqualTo("/bucket/recording.mp4")));
  }

  @Test
  void anExistingFileInTheDirectoryIsNotReplacedWithoutForce() throws IOException {
    stubRecording(data -> { });
    serveFiles();
    Path target = dir.resolve("meeting-2024-01-01.mp4");
    Files.writeString(target, "another recording");

    Cli.Result r = Cli.against(baseUrl(), "download", ID.toString(), "--output", dir + "/");

    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.err().contains(target + " exists and is not this recording; pass --force to replace it"), r.err());
    assertEquals("another recording", Files.readString(target));
    server.verify(0, getRequestedFor(urlPathEqualTo("/bucket/recording.mp4")));
  }

  @Test
  void theSameRecordingAlreadyThereIsReplacedWithoutForce() throws IOException {
    stubRecording(data -> data.put("file_size", VIDEO.length));
    serveFiles();
    Path target = dir.resolve("meeting-2024-01-01.mp4");
    Files.write(target, new byte[VIDEO.length]);

    Cli.Result r = Cli.against(baseUrl(), "download", ID.toString(), "--output", dir.toString());

    assertEquals(0, r.exitCode(), r.toString());
    assertArrayEquals(VIDEO, Files.readAllBytes(target));
  }

  @Test
  void anErrorFromTheDownloadHostExits3() throws IOException {
    stubRecording(data -> { });
    server.stubFor(get(urlPathEqualTo("/bucket/recording.mp4")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/xml").withBody("<Error><Code>AccessDenied</Code></Error>")));

    Cli.Result r = Cli.against(baseUrl(), "download", ID.toString(), "--output", dir.resolve("out.mp4").toString());

    assertEquals(3, r.exitCode(), r.toString());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith("realtimekit-recordings: download failed: HTTP 403 from localhost"), r.err());
    assertEquals(List.of(), filesInDir());
  }

  @Test
  void aConnectionDroppedByTheDownloadHostExits4AndLeavesNoFile() throws IOException {
    stubRecording(data -> { });
    server.stubFor(get(urlPathEqualTo("/bucket/recording.mp4"))
        .willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

    Cli.Result r = Cli.against(baseUrl(), "download", ID.toString(), "--output", dir.resolve("out.mp4").toString());

    assertEquals(4, r.exitCode(), r.toString());
    assertTrue(r.err().contains("download from localhost failed"), r.err());
    assertEquals(List.of(), filesInDir());
  }

  @Test
  void aBodyCutShortExits4AndLeavesNeitherTheFileNorATemporaryFile() throws Exception {
    Path target = dir.resolve("out.mp4");
    Files.writeString(target, "old");
    try (RawServer raw = new RawServer(1_000_000, 300_000, false)) {
      stubRecording(data -> data.put("download_url", raw.url()));

      Cli.Result r = Cli.against(baseUrl(), "download", ID.toString(), "--output", target.toString(), "--force");

      assertEquals(4, r.exitCode(), r.toString());
      assertTrue(r.errLines().get(r.errLines().size() - 1)
          .startsWith("realtimekit-recordings: download from 127.0.0.1 failed after "), r.err());
      assertTrue(r.err().contains(" of 1000000"), r.err());
    }
    assertEquals(List.of("out.mp4"), filesInDir(), "no temporary file left");
    assertEquals("old", Files.readString(target), "the existing file is untouched");
  }

  @Test
  void aBodyThatStopsArrivingTimesOutAndLeavesNoFile() throws Exception {
    try (RawServer raw = new RawServer(1_000_000, 200_000, true)) {
      stubRecording(data -> data.put("download_url", raw.url()));

      Cli.Result r = Cli.against(baseUrl(), "--timeout", "0.5", "download", ID.toString(),
          "--output", dir.resolve("out.mp4").toString());

      assertEquals(4, r.exitCode(), r.toString());
      assertTrue(r.err().contains("download from 127.0.0.1 stalled: no data for 0.5 s after "), r.err());
    }
    assertEquals(List.of(), filesInDir());
  }

  /**
   * A server that answers one request with a Content-Length it does not honour: it sends part of the
   * body, then closes the connection or, stalling, keeps it open until closed.
   */
  private static final class RawServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);

    RawServer(int declared, int sent, boolean stall) throws IOException {
      socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      thread = new Thread(() -> {
        try (Socket s = socket.accept()) {
          s.getInputStream().read(new byte[8192]);
          OutputStream out = s.getOutputStream();
          out.write(("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: " + declared + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
          out.write(bytes(sent, 3));
          out.flush();
          if (stall) {
            done.await(20, TimeUnit.SECONDS);
          }
        } catch (IOException | InterruptedException e) {
          // The test closed the server.
        }
      }, "raw-download-server");
      thread.setDaemon(true);
      thread.start();
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/file.mp4";
    }

    @Override
    public void close() throws IOException {
      done.countDown();
      socket.close();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void noLogLineShowsTheSignatureAndJsonKeepsTheWholeUrl() throws IOException {
    stubRecording(data -> { });
    serveFiles();

    Cli.Result download = Cli.against(baseUrl(), "--verbose", "download", ID.toString(), "-o", dir + "/");
    Cli.Result get = Cli.against(baseUrl(), "--verbose", "get", ID.toString(), "--json");

    assertEquals(0, download.exitCode(), download.toString());
    assertEquals(0, get.exitCode(), get.toString());
    for (Cli.Result r : List.of(download, get)) {
      assertTrue(r.err().contains("http: "), "the HTTP log is on: " + r.err());
      assertFalse(r.err().contains("abc123") || r.err().contains("def456"), r.err());
    }
    assertTrue(download.err().contains("download: GET " + server.baseUrl() + "/bucket/recording.mp4?***"),
        download.err());
    assertEquals(server.baseUrl() + "/bucket/recording.mp4?X-Amz-Signature=abc123",
        get.jsonLines().get(0).get("download_url").asText());
  }

  @Test
  void aLoggedUrlHidesItsQueryUserAndFragment() {
    assertEquals("https://***@host:8443/a/b.mp4?***#***",
        Download.withoutQuery(java.net.URI.create("https://user:pw@host:8443/a/b.mp4?sig=1#frag")));
    assertEquals("https://host/a.mp4", Download.withoutQuery(java.net.URI.create("https://host/a.mp4")));
  }
}
