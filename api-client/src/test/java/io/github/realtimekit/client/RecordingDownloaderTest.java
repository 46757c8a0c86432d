package io.github.realtimekit.client;

import io.github.realtimekit.fixtures.FileHost;
import io.github.realtimekit.fixtures.RecordedRequest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.RecordingDownloader.Kind;
import io.github.realtimekit.client.core.SafeText;
import io.github.realtimekit.client.errors.DownloadContentException;
import io.github.realtimekit.client.errors.DownloadException;
import io.github.realtimekit.client.errors.DownloadFileException;
import io.github.realtimekit.client.errors.DownloadStatusException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.NetworkTimeoutException;
import io.github.realtimekit.client.errors.NoDownloadUrlException;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.RecordingStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link RecordingDownloader} against a download host on the loopback address. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RecordingDownloaderTest {

  private static final UUID ID = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
  private static final String SIGNATURE = "X-Amz-Signature=0123456789abcdef";
  private static final byte[] VIDEO = bytes(300_000, 1);

  @TempDir
  Path dir;

  private FileHost host;
  private RealtimeKitClient client;
  private RecordingDownloader downloader;

  @BeforeEach
  void start() throws IOException {
    host = new FileHost();
    // The API is never called: the downloads go to the file host, through the client's transport.
    client = HostileServerTest.client("http://127.0.0.1:9").build();
    downloader = client.downloader().withIdleTimeout(Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    client.close();
    host.close();
  }

  private static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private Recording recording(String path, Long fileSize) {
    return Recording.builder()
        .id(ID)
        .status(RecordingStatus.UPLOADED)
        .invokedTime(java.time.OffsetDateTime.parse("2024-01-01T10:00:00Z"))
        .outputFileName("meeting.mp4")
        .downloadUrl(URI.create(host.url(path) + "?" + SIGNATURE))
        .audioDownloadUrl(URI.create(host.url("/audio.m4a") + "?" + SIGNATURE))
        .fileSize(fileSize)
        .build();
  }

  private List<String> files() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static void assertSafeMessage(Exception e) {
    String m = e.getMessage();
    assertFalse(m.contains("Signature") || m.contains("0123456789abcdef"), "no query string: " + m);
    assertTrue(m.chars().noneMatch(c -> c < 0x20 || c == 0x7f), "no control characters: " + m);
  }

  @Test
  void savesTheFileWithoutAnyCredentialAndReportsProgress() throws Exception {
    host.serve("/video.mp4", VIDEO);
    Path target = dir.resolve("meeting.mp4");
    List<long[]> progress = new ArrayList<>();

    DownloadResult result = downloader.download(recording("/video.mp4", (long) VIDEO.length), Kind.VIDEO, target,
        DownloadOptions.builder().sha256(true).progress((bytes, total) -> progress.add(new long[] {bytes, total}))
            .build());

    assertArrayEquals(VIDEO, Files.readAllBytes(target));
    assertEquals(List.of("meeting.mp4"), files(), "no temporary file left");
    assertEquals(VIDEO.length, result.getSize());
    assertEquals(VIDEO.length, result.getBytesTransferred());
    assertEquals(sha256(VIDEO), result.getSha256().orElseThrow());
    assertEquals("video/mp4", result.getContentType().orElseThrow());
    RecordedRequest request = host.requests().get(0);
    assertNull(request.header("Authorization"), "no token reaches the download host");
    assertNull(request.header("Cookie"));
    assertNull(request.header("Range"));
    assertEquals(SIGNATURE, request.query(), "the pre-signed query is sent as given");
    assertEquals("realtimekit-java", request.header("User-Agent"));
    assertArrayEquals(new long[] {0, VIDEO.length}, progress.get(0), "progress starts at 0 of the whole");
    assertArrayEquals(new long[] {VIDEO.length, VIDEO.length}, progress.get(progress.size() - 1));
    for (int i = 1; i < progress.size(); i++) {
      assertTrue(progress.get(i)[0] >= progress.get(i - 1)[0], "progress only grows");
    }
  }

  @Test
  void audioComesFromTheAudioUrlWithoutALengthAndReplacesAnExistingFile() throws Exception {
    byte[] audio = bytes(50_000, 2);
    host.serve("/audio.m4a", audio).sendLength = false;
    Path target = dir.resolve("audio.m4a");
    Files.writeString(target, "old");
    List<Long> totals = new ArrayList<>();

    DownloadResult result = downloader.download(recording("/video.mp4", 1L), Kind.AUDIO, target,
        DownloadOptions.builder().progress((bytes, total) -> totals.add(total)).build());

    assertArrayEquals(audio, Files.readAllBytes(target));
    assertEquals(audio.length, result.getSize());
    assertTrue(totals.stream().allMatch(t -> t == -1), "no total known: the audio has no file_size " + totals);
    assertEquals("/audio.m4a", host.requests().get(0).path());
  }

  @Test
  void anHtmlPageIsAnErrorNeverASavedFile() throws Exception {
    host.serve("/video.mp4", "<html><body>Sign in</body></html>".getBytes()).contentType = "text/html; charset=utf-8";
    Path target = dir.resolve("meeting.mp4");

    DownloadContentException e = assertThrows(DownloadContentException.class,
        () -> downloader.download(recording("/video.mp4", null), Kind.VIDEO, target));

    assertTrue(e.getMessage().contains("answered with an HTML page"), e.getMessage());
    assertSafeMessage(e);
    assertEquals(List.of(), files());
  }

  @Test
  void aStatusOtherThan2xxIsAStatusErrorWithoutTheSignature() throws Exception {
    host.serve("/video.mp4", VIDEO).status = 403;

    DownloadStatusException e = assertThrows(DownloadStatusException.class,
        () -> downloader.download(recording("/video.mp4", null), Kind.VIDEO, dir.resolve("meeting.mp4")));

    assertEquals(403, e.getStatusCode());
    assertTrue(e.isUrlRefused());
    assertEquals("download failed: HTTP 403 from 127.0.0.1", e.getMessage());
    assertEquals("127.0.0.1", e.getHost());
    assertSafeMessage(e);
    assertEquals(List.of(), files());
  }

  @Test
  void aBodyCutShortIsAnErrorAndLeavesTheExistingFileUntouched() throws Exception {
    host.serve("/video.mp4", VIDEO).cutAfter = 100_000;
    Path target = dir.resolve("meeting.mp4");
    Files.writeString(target, "old");

    NetworkException e = assertThrows(NetworkException.class,
        () -> downloader.download(recording("/video.mp4", null), Kind.VIDEO, target));

    assertTrue(e.getMessage().startsWith("download from 127.0.0.1 failed after "), e.getMessage());
    assertTrue(e.getMessage().contains(" of " + VIDEO.length), e.getMessage());
    assertSafeMessage(e);
    assertEquals(List.of("meeting.mp4"), files(), "no temporary file left");
    assertEquals("old", Files.readString(target));
  }

  @Test
  void aBodyShorterThanTheStatedFileSizeIsAnError() throws Exception {
    FileHost.File file = host.serve("/video.mp4", VIDEO);
    file.sendLength = false;

    DownloadContentException e = assertThrows(DownloadContentException.class,
        () -> downloader.download(recording("/video.mp4", VIDEO.length + 1000L), Kind.VIDEO,
            dir.resolve("meeting.mp4")));

    assertEquals("download from 127.0.0.1 ended after " + VIDEO.length + " of " + (VIDEO.length + 1000) + " bytes",
        e.getMessage());
    assertEquals(VIDEO.length, e.getReceivedBytes());
    assertEquals(VIDEO.length + 1000, e.getExpectedBytes());
    assertEquals(List.of(), files());
  }

  @Test
  void aContentLengthThatContradictsTheFileSizeFailsBeforeReading() throws Exception {
    host.serve("/video.mp4", VIDEO);

    DownloadContentException e = assertThrows(DownloadContentException.class,
        () -> downloader.download(recording("/video.mp4", 123L), Kind.VIDEO, dir.resolve("meeting.mp4")));

    assertEquals("download from 127.0.0.1 offers " + VIDEO.length + " bytes but the recording's file_size is 123",
        e.getMessage());
    assertEquals(List.of(), files());
  }

  @Test
  void aFileSizeOf0StatesNothingAsInTheDocumentedExample() throws Exception {
    host.serve("/video.mp4", VIDEO);

    DownloadResult result = downloader.download(recording("/video.mp4", 0L), Kind.VIDEO, dir.resolve("m.mp4"));

    assertEquals(VIDEO.length, result.getSize());
    assertEquals(-1, Kind.VIDEO.statedSize(recording("/video.mp4", 0L)));
    assertEquals(-1, Kind.AUDIO.statedSize(recording("/video.mp4", 5L)), "file_size is the recording's, not the audio's");
  }

  @Test
  void anEmptyBodyIsAnError() throws Exception {
    host.serve("/video.mp4", new byte[0]);

    DownloadContentException e = assertThrows(DownloadContentException.class,
        () -> downloader.download(recording("/video.mp4", null), Kind.VIDEO, dir.resolve("meeting.mp4")));

    assertEquals("download from 127.0.0.1 sent an empty body", e.getMessage());
    assertEquals(List.of(), files());
  }

  @Test
  void aResumedDownloadFetchesOnlyTheMissingBytes() throws Exception {
    FileHost.File file = host.serve("/video.mp4", VIDEO);
    file.cutAfter = 120_000;
    Path target = dir.resolve("meeting.mp4");
    DownloadOptions resume = DownloadOptions.builder().resume(true).sha256(true).build();
    Recording recording = recording("/video.mp4", (long) VIDEO.length);

    assertThrows(NetworkException.class, () -> downloader.download(recording, Kind.VIDEO, target, resume));
    Path partial = RecordingDownloader.partialFile(target);
    assertEquals(List.of(".meeting.mp4.part"), files(), "the partial file is kept, nothing under the final name");
    long held = Files.size(partial);
    assertTrue(held > 0 && held <= 120_000, "held " + held);

    file.cutAfter = -1;
    host.resetCounts();
    List<Long> firstProgress = new ArrayList<>();
    DownloadResult result = downloader.download(recording, Kind.VIDEO, target, DownloadOptions.builder()
        .resume(true).sha256(true).progress((bytes, total) -> {
          if (firstProgress.isEmpty()) {
            firstProgress.add(bytes);
          }
        }).build());

    assertArrayEquals(VIDEO, Files.readAllBytes(target));
    assertEquals(List.of("meeting.mp4"), files());
    assertEquals("bytes=" + held + "-", host.requests().get(0).header("Range"));
    assertEquals(VIDEO.length - held, host.bodyBytesSent(), "bytes fetched the second time = bytes missing");
    assertEquals(held, result.getResumedFrom());
    assertEquals(VIDEO.length - held, result.getBytesTransferred());
    assertEquals(List.of(held), firstProgress, "progress starts where the partial file ends");
    assertEquals(sha256(VIDEO), result.getSha256().orElseThrow(), "the digest covers the resumed part too");
  }

  @Test
  void aHostThatAnswers200ToARangeRestartsFromZero() throws Exception {
    host.serve("/video.mp4", VIDEO).ranges = false;
    Path target = dir.resolve("meeting.mp4");
    Files.write(RecordingDownloader.partialFile(target), bytes(50_000, 9));

    DownloadResult result = downloader.download(recording("/video.mp4", (long) VIDEO.length), Kind.VIDEO, target,
        DownloadOptions.builder().resume(true).build());

    assertEquals("bytes=50000-", host.requests().get(0).header("Range"));
    assertArrayEquals(VIDEO, Files.readAllBytes(target), "the old partial bytes are gone");
    assertEquals(0, result.getResumedFrom());
    assertEquals(List.of("meeting.mp4"), files());
  }

  @Test
  void aPartialAnswerThatDoesNotContinueTheFileIsAnErrorAndDropsThePartialFile() throws Exception {
    host.serve("/video.mp4", VIDEO).contentRange = "bytes 0-299999/300000";
    Path target = dir.resolve("meeting.mp4");
    Files.write(RecordingDownloader.partialFile(target), Arrays.copyOf(VIDEO, 1000));

    DownloadContentException e = assertThrows(DownloadContentException.class,
        () -> downloader.download(recording("/video.mp4", null), Kind.VIDEO, target,
            DownloadOptions.builder().resume(true).build()));

    assertTrue(e.getMessage().contains("answered Content-Range 'bytes 0-299999/300000'"), e.getMessage());
    assertEquals(List.of(), files(), "neither the file nor the partial file");
  }

  @Test
  void aPartialFileThatIsAlreadyCompleteIsRenamedWithoutFetchingTheBody() throws Exception {
    host.serve("/video.mp4", VIDEO);
    Path target = dir.resolve("meeting.mp4");
    Files.write(RecordingDownloader.partialFile(target), VIDEO);

    DownloadResult result = downloader.download(recording("/video.mp4", (long) VIDEO.length), Kind.VIDEO, target,
        DownloadOptions.builder().resume(true).sha256(true).build());

    assertEquals(0, host.bodyBytesSent());
    assertEquals(VIDEO.length, result.getResumedFrom());
    assertEquals(sha256(VIDEO), result.getSha256().orElseThrow());
    assertEquals(List.of("meeting.mp4"), files());
  }

  @Test
  void beforeRenameRunsOnceTheFileIsCompleteAndBeforeItHasItsName() throws Exception {
    host.serve("/video.mp4", VIDEO);
    Path target = dir.resolve("meeting.mp4");
    AtomicReference<String> seen = new AtomicReference<>();

    downloader.download(recording("/video.mp4", null), Kind.VIDEO, target, DownloadOptions.builder().resume(true)
        .beforeRename(r -> seen.set(Files.exists(target) + " " + sizeOf(RecordingDownloader.partialFile(target))
            + " " + r.getSize()))
        .build());

    assertEquals("false " + VIDEO.length + " " + VIDEO.length, seen.get());
  }

  @Test
  void withoutRenameTheCompleteFileStaysThePartialFileAndAResumedDownloadFinishesIt() throws Exception {
    host.serve("/video.mp4", VIDEO);
    Path target = dir.resolve("meeting.mp4");
    AtomicReference<String> seen = new AtomicReference<>("not run");

    DownloadResult left = downloader.download(recording("/video.mp4", null), Kind.VIDEO, target,
        DownloadOptions.builder().resume(true).sha256(true).rename(false).beforeRename(r -> seen.set("run")).build());

    assertEquals(List.of(".meeting.mp4.part"), files(), "not renamed");
    assertArrayEquals(VIDEO, Files.readAllBytes(RecordingDownloader.partialFile(target)));
    assertEquals(target, left.getPath());
    assertEquals(sha256(VIDEO), left.getSha256().orElseThrow());
    assertEquals("not run", seen.get());
    long sent = host.bodyBytesSent();

    DownloadResult renamed = downloader.download(recording("/video.mp4", (long) VIDEO.length), Kind.VIDEO, target,
        DownloadOptions.builder().resume(true).build());

    assertEquals(sent, host.bodyBytesSent(), "nothing fetched again");
    assertEquals(VIDEO.length, renamed.getResumedFrom());
    assertEquals(List.of("meeting.mp4"), files());
  }

  @Test
  void withoutRenameADownloadMustResume() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DownloadOptions.builder().rename(false).build());

    assertEquals("rename(false) needs resume(true): the file is left as the partial file", e.getMessage());
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return -1;
    }
  }

  @Test
  void aPartialFileAnotherDownloadHoldsIsRefused() throws Exception {
    host.serve("/video.mp4", VIDEO);
    Path target = dir.resolve("meeting.mp4");
    try (FileChannel other = FileChannel.open(RecordingDownloader.partialFile(target), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = other.lock()) {

      DownloadFileException e = assertThrows(DownloadFileException.class,
          () -> downloader.download(recording("/video.mp4", null), Kind.VIDEO, target,
              DownloadOptions.builder().resume(true).build()));

      assertTrue(e.getMessage().startsWith("another download is writing "), e.getMessage());
      assertTrue(lock.isValid());
    }
    assertEquals(0, host.requests().size(), "nothing was sent");
  }

  @Test
  void aBodyThatStopsArrivingTimesOutAndLeavesNoFile() throws Exception {
    FileHost.File file = host.serve("/video.mp4", VIDEO);
    file.cutAfter = 50_000;
    file.stall = true;
    RecordingDownloader quick = client.downloader().withIdleTimeout(Duration.ofMillis(200));

    NetworkTimeoutException e = assertThrows(NetworkTimeoutException.class,
        () -> quick.download(recording("/video.mp4", null), Kind.VIDEO, dir.resolve("meeting.mp4")));

    assertTrue(e.getMessage().startsWith("download from 127.0.0.1 stalled: no data for 0.2 s after "), e.getMessage());
    assertEquals(List.of(), files());
  }

  @Test
  void anInterruptedDownloadLeavesNoTemporaryFile() throws Exception {
    FileHost.File file = host.serve("/video.mp4", VIDEO);
    file.cutAfter = 50_000;
    file.stall = true;
    CountDownLatch started = new CountDownLatch(1);
    AtomicReference<Thread> worker = new AtomicReference<>();
    CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
      worker.set(Thread.currentThread());
      try {
        downloader.download(recording("/video.mp4", null), Kind.VIDEO, dir.resolve("meeting.mp4"),
            DownloadOptions.builder().progress((bytes, total) -> {
              if (bytes >= 50_000) {
                // Everything the host sends has arrived: the next read waits for more.
                started.countDown();
              }
            }).build());
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    });
    assertTrue(started.await(10, TimeUnit.SECONDS));
    worker.get().interrupt();

    Throwable e = failure.get(10, TimeUnit.SECONDS);

    assertEquals(DownloadException.class, e.getClass(), String.valueOf(e));
    assertEquals("download from 127.0.0.1 interrupted", e.getMessage());
    assertEquals(List.of(), files(), "the temporary file is deleted");
  }

  @Test
  void aRecordingWithoutAUrlIsAClearErrorAndNothingIsSent() {
    Recording recording = Recording.builder().id(ID).status(RecordingStatus.RECORDING)
        .invokedTime(java.time.OffsetDateTime.parse("2024-01-01T10:00:00Z")).outputFileName("meeting.mp4").build();

    NoDownloadUrlException video = assertThrows(NoDownloadUrlException.class,
        () -> downloader.download(recording, Kind.VIDEO, dir.resolve("x.mp4")));
    NoDownloadUrlException audio = assertThrows(NoDownloadUrlException.class,
        () -> downloader.open(recording, Kind.AUDIO));

    assertEquals("Recording " + ID + " has no download URL yet (download_url is null, status RECORDING); "
        + "it has one once uploaded", video.getMessage());
    assertEquals("download_url", video.getField());
    assertEquals(ID, video.getRecordingId());
    assertEquals("audio_download_url", audio.getField());
    assertEquals(0, host.requests().size());
  }

  @Test
  void aUrlThatIsNotHttpIsRefused() {
    Recording recording = Recording.builder().id(ID).status(RecordingStatus.UPLOADED)
        .invokedTime(java.time.OffsetDateTime.parse("2024-01-01T10:00:00Z")).outputFileName("meeting.mp4")
        .downloadUrl(URI.create("file:///etc/passwd")).build();

    NoDownloadUrlException e = assertThrows(NoDownloadUrlException.class,
        () -> downloader.download(recording, Kind.VIDEO, dir.resolve("x")));

    assertEquals("Recording " + ID + " has a download_url that is not an http or https URL", e.getMessage());
  }

  @Test
  void openStreamsTheFileAndChecksItsSizeAtTheEnd() throws Exception {
    host.serve("/video.mp4", VIDEO);
    try (InputStream in = downloader.open(recording("/video.mp4", (long) VIDEO.length), Kind.VIDEO)) {
      assertArrayEquals(VIDEO, in.readAllBytes());
    }
    assertNull(host.requests().get(0).header("Authorization"));

    host.serve("/short.mp4", VIDEO).sendLength = false;
    try (InputStream in = downloader.open(recording("/short.mp4", VIDEO.length + 1L), Kind.VIDEO)) {
      DownloadContentException e = assertThrows(DownloadContentException.class, in::readAllBytes);
      assertEquals(VIDEO.length, e.getReceivedBytes());
    }
  }

  @Test
  void aRedirectOnTheSameSchemeIsFollowedStillWithoutCredentials() throws Exception {
    host.serve("/video.mp4", VIDEO);
    host.serve("/moved.mp4", new byte[0]).redirect = host.url("/video.mp4");

    DownloadResult result = downloader.download(recording("/moved.mp4", null), Kind.VIDEO, dir.resolve("m.mp4"));

    assertEquals(VIDEO.length, result.getSize());
    assertTrue(host.requests().stream().allMatch(r -> r.header("Authorization") == null));
  }

  @Test
  void theSettingsNameWhatTheyReject() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.downloader().withIdleTimeout(Duration.ZERO));
    assertEquals("idleTimeout: must be more than zero, was PT0S", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> HostileServerTest.client("http://127.0.0.1:9").connectTimeout(Duration.ofSeconds(-1)).build());
    assertTrue(e.getMessage().startsWith("connectTimeout: must be a positive duration"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> HostileServerTest.client("http://127.0.0.1:9").userAgent("a\r\nX-Evil: 1"));
    assertEquals("userAgent: must be printable and not blank", e.getMessage());
  }

  @Test
  void aDownloadIsInTheClientsHttpLogWithItsSignatureMaskedAndWithoutTheToken() throws Exception {
    host.serve("/video.mp4", VIDEO);
    List<String> lines;
    try (CapturedHttpLog captured = new CapturedHttpLog();
        RealtimeKitClient logged = HostileServerTest.client("http://127.0.0.1:9").httpLogLevel(HttpLogLevel.HEADERS)
            .userAgent("archiver/2.0").build()) {
      logged.downloader().download(recording("/video.mp4", null), Kind.VIDEO, dir.resolve("m.mp4"));
      lines = captured.lines;
    }
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("--> GET " + host.url("/video.mp4") + "?***"), lines.get(0));
    assertTrue(lines.get(0).contains("User-Agent: archiver/2.0"), lines.get(0));
    assertTrue(lines.get(1).startsWith("<-- 200 GET " + host.url("/video.mp4") + "?***"), lines.get(1));
    String log = String.join("\n", lines);
    assertFalse(log.contains("0123456789abcdef") || log.contains(HostileServerTest.TOKEN)
        || log.contains("Authorization"), log);
    assertEquals("archiver/2.0", host.requests().get(0).header("User-Agent"));
  }

  @Test
  void closingTheClientEndsADownloadUnderWayAndRefusesNewOnes() throws Exception {
    FileHost.File file = host.serve("/video.mp4", VIDEO);
    file.cutAfter = 50_000;
    file.stall = true;
    InputStream in = downloader.open(recording("/video.mp4", null), Kind.VIDEO);
    byte[] first = new byte[1000];
    assertTrue(in.read(first) > 0);
    CompletableFuture<Throwable> reading = CompletableFuture.supplyAsync(() -> {
      try {
        in.readAllBytes();
        return null;
      } catch (IOException | RuntimeException e) {
        return e;
      }
    });
    client.close();

    Throwable e = reading.get(10, TimeUnit.SECONDS);
    assertEquals(IllegalStateException.class, e.getClass(), String.valueOf(e));
    assertEquals("This RealtimeKitClient is closed", e.getMessage());
    int requests = host.requests().size();
    assertThrows(IllegalStateException.class,
        () -> downloader.download(recording("/video.mp4", null), Kind.VIDEO, dir.resolve("x.mp4")));
    assertEquals(requests, host.requests().size(), "nothing more was sent");
    assertEquals(List.of(), files());
  }

  @Test
  void textFromTheNetworkIsEscapedInMessages() {
    assertEquals("a\\u001B]0;title\\u0007b\\u009B", SafeText.of("a\u001b]0;title\u0007b\u009b"));
    assertEquals("x".repeat(200) + "…", SafeText.of("x".repeat(500)));
  }
}
