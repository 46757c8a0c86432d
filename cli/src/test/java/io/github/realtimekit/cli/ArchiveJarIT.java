package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code archive} of 1,000 recordings by the packaged jar in a JVM limited to a 64 MB heap: memory stays
 * bounded by the page, the window and the downloads under way, not by the number of recordings.
 */
class ArchiveJarIT {

  private static final Path JAR = Path.of(System.getProperty("realtimekit.cli.jar", "target/realtimekit-recordings.jar"));
  private static final int RECORDINGS = 1000;
  private static final int PER_PAGE = 100;
  private static final int FILE_BYTES = 4096;
  private static final Pattern PAGE_NO = Pattern.compile("(?:^|&)page_no=(\\d+)");

  @TempDir
  Path dir;

  private HttpServer server;
  private ExecutorService executor;
  private final AtomicInteger fileRequests = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
    server.createContext(Examples.LIST_PATH, this::list);
    server.createContext("/files/", this::file);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private String root() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static UUID id(int n) {
    return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
  }

  private static byte[] content(UUID id) {
    byte[] b = new byte[FILE_BYTES];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (id.hashCode() + i * 7);
    }
    return b;
  }

  /** A page of the documented list example, built when asked for, so the test holds no more than the tool. */
  private void list(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher m = PAGE_NO.matcher(String.valueOf(exchange.getRequestURI().getRawQuery()));
      int page = m.find() ? Integer.parseInt(m.group(1)) : 1;
      ObjectNode body = Examples.example("GetAllRecordings");
      ArrayNode data = body.putArray("data");
      int from = (page - 1) * PER_PAGE;
      for (int n = from + 1; n <= Math.min(RECORDINGS, from + PER_PAGE); n++) {
        ObjectNode item = Examples.recording(id(n));
        item.put("download_url", root() + "/files/" + id(n) + "?X-Amz-Signature=s");
        item.put("file_size", FILE_BYTES);
        item.put("output_file_name", "meeting-" + n + ".mp4");
        item.put("download_url_expiry", "2030-01-01T00:00:00Z");
        data.add(item);
      }
      ObjectNode paging = (ObjectNode) body.get("paging");
      paging.put("start_offset", from + 1);
      paging.put("end_offset", from + data.size());
      paging.put("total_count", RECORDINGS);
      byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private void file(HttpExchange exchange) throws IOException {
    try (exchange) {
      fileRequests.incrementAndGet();
      String path = exchange.getRequestURI().getPath();
      byte[] bytes = content(UUID.fromString(path.substring(path.lastIndexOf('/') + 1)));
      exchange.getResponseHeaders().set("Content-Type", "video/mp4");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private record Run(int exitCode, String out, String err) {
  }

  private Run archive() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-XX:+ExitOnOutOfMemoryError",
        "-jar", JAR.toAbsolutePath().toString(),
        "--base-url", root() + Examples.BASE_PATH,
        "archive", "--dir", dir.resolve("archive").toString(), "--per-page", String.valueOf(PER_PAGE)));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("CLOUDFLARE_API_TOKEN", Cli.TOKEN);
    builder.environment().put("CLOUDFLARE_ACCOUNT_ID", Cli.ACCOUNT);
    builder.environment().put("REALTIMEKIT_APP_ID", Cli.APP);
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("archive did not finish");
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void archivesAThousandRecordingsIn64MbAndASecondRunDownloadsNothing() throws Exception {
    Run first = archive();

    assertEquals(0, first.exitCode(), first.toString());
    assertEquals(RECORDINGS, fileRequests.get());
    Path archive = dir.resolve("archive");
    try (Stream<Path> files = Files.list(archive)) {
      assertEquals(RECORDINGS + 1, files.count(), "every file and the manifest, no partial file");
    }
    assertEquals(RECORDINGS, Files.readAllLines(archive.resolve(ArchiveManifest.NAME)).size());
    assertArrayEquals(content(id(777)), Files.readAllBytes(archive.resolve(id(777) + "-meeting-777.mp4")));
    assertEquals(RECORDINGS, first.out().lines().count(), "each archived file's path");
    assertTrue(first.err().contains(": 1000 downloaded (3.9 MiB), 0 already archived, 0 without a download URL, "
        + "0 failed"), first.err());

    fileRequests.set(0);
    Run second = archive();

    assertEquals(0, second.exitCode(), second.toString());
    assertEquals(0, fileRequests.get(), "a second run downloads nothing");
    assertTrue(second.err().contains(": 0 downloaded (0 B), 1000 already archived"), second.err());
  }
}
