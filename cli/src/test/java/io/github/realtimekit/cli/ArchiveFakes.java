package io.github.realtimekit.cli;

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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recordings API and download host for an {@code archive} of many small recordings by the packaged
 * jar, in another process: a list of {@code recordings} recordings (pages built when asked for, so this
 * side holds no more than the tool), each with a file of {@value #FILE_BYTES} bytes of its own.
 */
final class ArchiveFakes implements AutoCloseable {

  static final Path JAR = Path.of(System.getProperty("realtimekit.cli.jar", "target/realtimekit-recordings.jar"));
  static final int PER_PAGE = 100;
  static final int FILE_BYTES = 4096;
  private static final Pattern PAGE_NO = Pattern.compile("(?:^|&)page_no=(\\d+)");

  private final int recordings;
  private final HttpServer server;
  private final ExecutorService executor;
  final AtomicInteger fileRequests = new AtomicInteger();
  /** The files asked for, by recording id. */
  final Set<UUID> requested = ConcurrentHashMap.newKeySet();

  ArchiveFakes(int recordings) throws IOException {
    this.recordings = recordings;
    // Without it the JDK's server writes a response's head and body in two segments, and the second
    // waits for the client's delayed acknowledgement: 40 ms a file, whatever the archive does.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
    server.createContext(Examples.LIST_PATH, this::list);
    server.createContext("/files/", this::file);
    server.start();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  String root() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  static UUID id(int n) {
    return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
  }

  /** The name the archive gives recording {@code n}'s file. */
  static String fileName(int n) {
    return id(n) + "-meeting-" + n + ".mp4";
  }

  static byte[] content(UUID id) {
    byte[] b = new byte[FILE_BYTES];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (id.hashCode() + i * 7);
    }
    return b;
  }

  /** A page of the documented list example. */
  private void list(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher m = PAGE_NO.matcher(String.valueOf(exchange.getRequestURI().getRawQuery()));
      int page = m.find() ? Integer.parseInt(m.group(1)) : 1;
      ObjectNode body = Examples.example("GetAllRecordings");
      ArrayNode data = body.putArray("data");
      int from = (page - 1) * PER_PAGE;
      for (int n = from + 1; n <= Math.min(recordings, from + PER_PAGE); n++) {
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
      paging.put("total_count", recordings);
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
      UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
      requested.add(id);
      byte[] bytes = content(id);
      exchange.getResponseHeaders().set("Content-Type", "video/mp4");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** What an archive process printed, and how it ended. */
  record Run(int exitCode, String out, String err) {
  }

  /**
   * Starts {@code archive} of this server's recordings by the packaged jar, in a JVM limited to a 64 MB
   * heap (and given the options of the system property {@code archive.jvmOptions}, as for a profile), its
   * standard output and error to files in {@code work}.
   */
  Process start(Path work, Path archive, String... more) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-XX:+ExitOnOutOfMemoryError"));
    String jvmOptions = System.getProperty("archive.jvmOptions", "");
    if (!jvmOptions.isBlank()) {
      command.addAll(List.of(jvmOptions.trim().split("\\s+")));
    }
    command.addAll(List.of("-jar", JAR.toAbsolutePath().toString(),
        "--base-url", root() + Examples.BASE_PATH,
        "archive", "--dir", archive.toString(), "--per-page", String.valueOf(PER_PAGE)));
    command.addAll(List.of(more));
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    builder.environment().put("CLOUDFLARE_API_TOKEN", Cli.TOKEN);
    builder.environment().put("CLOUDFLARE_ACCOUNT_ID", Cli.ACCOUNT);
    builder.environment().put("REALTIMEKIT_APP_ID", Cli.APP);
    return builder.redirectOutput(work.resolve("stdout.txt").toFile())
        .redirectError(work.resolve("stderr.txt").toFile()).start();
  }

  /** Runs {@code archive} to its end, as {@link #start} starts it. */
  Run archive(Path work, Path archive, String... more) throws IOException, InterruptedException {
    Process process = start(work, archive, more);
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("archive did not finish");
    }
    return new Run(process.exitValue(), Files.readString(work.resolve("stdout.txt")),
        Files.readString(work.resolve("stderr.txt")));
  }
}
