package io.github.realtimekit.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.github.realtimekit.client.DownloadOptions;
import io.github.realtimekit.client.DownloadResult;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.RecordingDownloader;
import io.github.realtimekit.model.Recording;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@link RecordingDownloader} costs over a download written by hand: one file from a loopback
 * host to disk. The baselines are the JDK's {@code BodyHandlers.ofFile} into a temporary file renamed
 * to the target, without and with a flush to disk (the downloader flushes, so a crash never leaves a
 * file under its final name that is not on disk).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DownloadBenchmark {

  @Param({"33554432"})
  int bytes;

  private HttpServer server;
  private Path dir;
  private Path target;
  private Recording recording;
  private URI url;
  /** A client whose API is never called: only its downloader is used. */
  private final RealtimeKitClient client = RealtimeKitClient.builder().apiToken("benchmark").accountId("account")
      .appId("app").baseUrl("http://127.0.0.1:9").build();
  private final RecordingDownloader downloader = client.downloader();
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
  private final DownloadOptions withDigest = DownloadOptions.builder().sha256(true).build();

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    byte[] content = new byte[bytes];
    new Random(1).nextBytes(content);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "video/mp4");
      exchange.sendResponseHeaders(200, content.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(content);
      }
    });
    server.start();
    url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/recording.mp4?X-Amz-Signature=s");
    recording = Recording.builder().id(UUID.randomUUID()).status(io.github.realtimekit.model.RecordingStatus.UPLOADED)
        .invokedTime(java.time.OffsetDateTime.parse("2024-01-01T10:00:00Z")).outputFileName("recording.mp4")
        .downloadUrl(url).fileSize((long) bytes).build();
    dir = Files.createTempDirectory("download-benchmark");
    target = dir.resolve("recording.mp4");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    server.stop(0);
    client.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toArray(Path[]::new)) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The downloader: checks, temporary file, flush, rename. */
  @Benchmark
  public long recordingDownloader() {
    return downloader.download(recording, RecordingDownloader.Kind.VIDEO, target).getSize();
  }

  /** The downloader computing the file's SHA-256 as well, as {@code archive} does. */
  @Benchmark
  public long recordingDownloaderWithSha256() {
    DownloadResult result = downloader.download(recording, RecordingDownloader.Kind.VIDEO, target, withDigest);
    return result.getSize();
  }

  /** By hand: {@code ofFile} into a temporary file, renamed. */
  @Benchmark
  public long jdkOfFile() throws Exception {
    Path temp = dir.resolve(".recording.mp4.part");
    HttpResponse<Path> response = http.send(HttpRequest.newBuilder(url).version(HttpClient.Version.HTTP_1_1).build(),
        HttpResponse.BodyHandlers.ofFile(temp));
    Files.move(response.body(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return Files.size(target);
  }

  /** By hand, flushed to disk before the rename. */
  @Benchmark
  public long jdkOfFileFlushed() throws Exception {
    Path temp = dir.resolve(".recording.mp4.part");
    HttpResponse<Path> response = http.send(HttpRequest.newBuilder(url).version(HttpClient.Version.HTTP_1_1).build(),
        HttpResponse.BodyHandlers.ofFile(temp));
    try (FileChannel file = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      file.force(true);
    }
    Files.move(response.body(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return Files.size(target);
  }
}
