package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.webhooks.RealtimeKitWebhooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s receiver in this process: each kind of bad delivery answered as it should be and
 * changing nothing on disk, duplicates, the journal across a restart, the queue's bound, and the
 * archiving itself against a fake API and download host.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeTest {

  @TempDir
  Path dir;

  private ServeFakes fakes;
  private RealtimeKitClient client;
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
  private ArchiveManifest manifest;
  private ArchiveCommits commits;
  private DeliveryJournal journal;
  private ServeWorkers workers;
  private WebhookServer server;
  private URI url;

  @BeforeEach
  void setUp() throws IOException {
    fakes = new ServeFakes();
    client = RealtimeKitClient.builder().apiToken(Cli.TOKEN).accountId(Cli.ACCOUNT).appId(Cli.APP)
        .baseUrl(fakes.baseUrl()).maxRetries(0).build();
    start(2, 8);
  }

  @AfterEach
  void tearDown() throws IOException {
    stopAbruptly();
    client.close();
    fakes.close();
  }

  /** Opens the directory and starts the receiver, as serve does. */
  private void start(int threads, int waiting) throws IOException {
    manifest = ArchiveManifest.open(dir);
    journal = DeliveryJournal.open(dir);
    commits = new ArchiveCommits(manifest, dir);
    ArchiveCommits m = commits;
    workers = new ServeWorkers(threads, waiting, journal, id -> new Archive(client, Cli.ACCOUNT, Cli.APP,
        client.downloader(), dir, false, false, 1, err, err, false, Clock.systemUTC(), System::nanoTime)
        .runOne(UUID.fromString(id), m), err, System::nanoTime);
    server = WebhookServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/webhook",
        RealtimeKitWebhooks.builder().publicKeyPem(ServeFakes.pem(ServeFakes.KEY)).build(), journal, workers, err,
        Clock.systemUTC(), 4, 16);
    workers.resume(journal.pending());
    url = URI.create("http://127.0.0.1:" + server.address().getPort() + "/webhook");
  }

  /** As a kill would leave it: no done line for what is under way; the files closed so they can be opened again. */
  private void stopAbruptly() throws IOException {
    if (server != null) {
      server.close();
      workers.stop(Duration.ofSeconds(5));
      journal.close();
      commits.close();
      manifest.close();
      server = null;
    }
  }

  private String journalText() throws IOException {
    return Files.readString(dir.resolve(DeliveryJournal.NAME));
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    while (!condition.getAsBoolean()) {
      Thread.sleep(20);
    }
  }

  /** The file the manifest names for a recording. */
  private Path archivedFile(UUID id) throws IOException {
    for (String line : Files.readAllLines(dir.resolve(ArchiveManifest.NAME))) {
      var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
      if (node.path("id").asText().equals(id.toString())) {
        return dir.resolve(node.path("file").asText());
      }
    }
    throw new AssertionError("no manifest line for " + id);
  }

  private boolean hasFileFor(UUID id) {
    try (var files = Files.list(dir)) {
      return files.anyMatch(p -> p.getFileName().toString().contains(id.toString().substring(0, 8))
          && !p.getFileName().toString().startsWith("."));
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void unsignedBadlySignedAndMalformedDeliveriesAreRefusedAndChangeNothing() throws Exception {
    byte[] body = ServeFakes.statusUpdate(UUID.randomUUID(), "UPLOADED");
    assertEquals(400, fakes.post(url, body, null, "d-1").statusCode());
    assertEquals(400, fakes.post(url, body, "not base64!", "d-2").statusCode());
    String forged = ServeFakes.sign(ServeFakes.OTHER, body);
    assertEquals(401, fakes.post(url, body, forged, "d-3").statusCode());
    byte[] tampered = ServeFakes.statusUpdate(UUID.randomUUID(), "UPLOADED");
    assertEquals(401, fakes.post(url, tampered, ServeFakes.sign(ServeFakes.KEY, body), "d-4").statusCode());
    byte[] notJson = "{\"event\": nope".getBytes(StandardCharsets.UTF_8);
    assertEquals(400, fakes.deliver(url, notJson, "d-5").statusCode());
    byte[] noRecording = "{\"event\":\"recording.statusUpdate\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals(400, fakes.deliver(url, noRecording, "d-6").statusCode());

    assertEquals("", journalText());
    assertEquals(0, fakes.fetches.size());
    String log = errBytes.toString(StandardCharsets.UTF_8);
    assertEquals(6, log.lines().count(), log);
    assertFalse(log.contains(forged), "the signature is never logged");
    assertFalse(log.contains("UPLOADED") || log.contains("nope"), "the body is never logged");
  }

  @Test
  void withoutAKeyToVerifyWithADeliveryIsAnswered503SoThatItComesAgain() throws Exception {
    try (var keyHost = io.github.realtimekit.fixtures.LoopbackServer.http((request, exchange) ->
            exchange.sendResponseHeaders(500, -1));
        WebhookServer keyless = WebhookServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            "/webhook", RealtimeKitWebhooks.builder().publicKeyUrl(URI.create(keyHost.url("/webhooks.json"))).build(),
            journal, workers, err, Clock.systemUTC(), 2, 2)) {
      URI keylessUrl = URI.create("http://127.0.0.1:" + keyless.address().getPort() + "/webhook");
      assertEquals(503, fakes.deliver(keylessUrl, ServeFakes.meetingStarted(), "k-1").statusCode());
    }
    assertEquals("", journalText());
  }

  @Test
  void aRecordingTheApiDoesNotHaveIsDoneWith() throws Exception {
    UUID id = UUID.randomUUID();
    fakes.missing.add(id);
    assertEquals(200, fakes.deliver(url, ServeFakes.statusUpdate(id, "UPLOADED"), "gone-1").statusCode());
    await(() -> journalTextQuietly().contains("\"done\":\"gone-1\""));
    assertTrue(journalText().contains("\"archived\":false"));
  }

  @Test
  void onlyPostOnThePathAndTheHealthCheckAreServed() throws Exception {
    var get = fakes.http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, get.statusCode());
    assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
    URI health = url.resolve("/healthz");
    assertEquals(200, fakes.http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode());
    assertEquals(404, fakes.post(url.resolve("/other"), ServeFakes.meetingStarted(), null, null).statusCode());
  }

  @Test
  void anUploadedRecordingIsArchivedOnceWhateverIsRedelivered() throws Exception {
    UUID id = UUID.randomUUID();
    byte[] body = ServeFakes.statusUpdate(id, "UPLOADED");
    HttpResponse<String> first = fakes.deliver(url, body, "delivery-1");
    assertEquals(200, first.statusCode(), first.body());
    await(() -> journalTextQuietly().contains("\"done\":\"delivery-1\""));
    Path file = archivedFile(id);
    assertArrayEquals(ServeFakes.content(id), Files.readAllBytes(file));
    long downloads = fakes.host.requests().size();

    HttpResponse<String> again = fakes.deliver(url, body, "delivery-1");
    assertEquals(200, again.statusCode());
    assertTrue(again.body().contains("duplicate"), again.body());
    HttpResponse<String> other = fakes.deliver(url, body, "delivery-2");
    assertEquals(200, other.statusCode());
    await(() -> journalTextQuietly().contains("\"delivery\":\"delivery-2\""));
    assertEquals(downloads, fakes.host.requests().size(), "never downloaded again");
    assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("recording " + id + ": 1 downloaded"),
        errBytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void eventsItDoesNotActOnAreAcknowledgedAndJournalled() throws Exception {
    assertEquals(200, fakes.deliver(url, ServeFakes.meetingStarted(), "m-1").statusCode());
    assertEquals(200, fakes.deliver(url, ServeFakes.statusUpdate(UUID.randomUUID(), "UPLOADING"), "u-1").statusCode());
    assertEquals(200, fakes.deliver(url, "{\"event\":\"meeting.newKind\"}".getBytes(StandardCharsets.UTF_8), null)
        .statusCode());
    assertEquals(3, journalText().lines().count());
    assertEquals(0, fakes.fetches.size());
  }

  @Test
  void anAcknowledgedDeliveryIsArchivedAfterARestartAndStaysADuplicate() throws Exception {
    fakes.answers.drainPermits();
    UUID id = UUID.randomUUID();
    assertEquals(200, fakes.deliver(url, ServeFakes.statusUpdate(id, "UPLOADED"), "kept-1").statusCode());
    await(() -> fakes.fetchesOf(id) == 1);
    stopAbruptly();
    assertFalse(journalText().contains("\"done\""));
    // A crash in the middle of the next append.
    Files.writeString(dir.resolve(DeliveryJournal.NAME), "{\"delivery\":\"torn", StandardOpenOption.APPEND);

    fakes.answers.release(1_000);
    start(2, 8);
    assertEquals(1, journal.pending().size());
    assertTrue(journal.droppedBytes() > 0);
    await(() -> journalTextQuietly().contains("\"done\":\"kept-1\""));
    assertTrue(hasFileFor(id));
    HttpResponse<String> again = fakes.deliver(url, ServeFakes.statusUpdate(id, "UPLOADED"), "kept-1");
    assertTrue(again.body().contains("duplicate"), again.body());
  }

  @Test
  void whenTheQueueIsFullADeliveryIsAnswered503AndNotJournalled() throws Exception {
    stopAbruptly();
    fakes.answers.drainPermits();
    start(1, 0);
    UUID first = UUID.randomUUID();
    assertEquals(200, fakes.deliver(url, ServeFakes.statusUpdate(first, "UPLOADED"), "q-1").statusCode());
    HttpResponse<String> second = fakes.deliver(url, ServeFakes.statusUpdate(UUID.randomUUID(), "UPLOADED"), "q-2");
    assertEquals(503, second.statusCode());
    assertFalse(journalText().contains("q-2"));
    assertEquals(200, fakes.deliver(url, ServeFakes.meetingStarted(), "q-3").statusCode(),
        "an event with no work needs no room");
    fakes.answers.release(1_000);
    await(() -> journalTextQuietly().contains("\"done\":\"q-1\""));
    assertEquals(200, fakes.deliver(url, ServeFakes.statusUpdate(UUID.randomUUID(), "UPLOADED"), "q-2").statusCode());
  }

  @Test
  void aBodyOverOneMebibyteIsAnswered413UnreadAndUnjournalled() throws Exception {
    // Declared: answered before any of it is sent.
    assertEquals("HTTP/1.1 413", exchange("POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: "
        + (WebhookServer.MAX_BODY + 1) + "\r\nrtk-signature: AAAA\r\n\r\n", 0, 0));
    // Chunked: read up to the limit and one byte more, no further.
    assertEquals("HTTP/1.1 413", exchange("POST /webhook HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        + "rtk-signature: AAAA\r\n\r\n", 16, 1));
    assertEquals("", journalText());
  }

  /** Sends a request head, then as many 64 KiB chunks and a last chunk of {@code last} bytes; returns the status line. */
  private String exchange(String head, int chunks, int last) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      for (int i = 0; i < chunks; i++) {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      if (chunks > 0) {
        out.write((Integer.toHexString(last) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk, 0, last);
        out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readNBytes(12), StandardCharsets.US_ASCII);
    }
  }

  private String journalTextQuietly() {
    try {
      return journalText();
    } catch (IOException e) {
      return "";
    }
  }
}
