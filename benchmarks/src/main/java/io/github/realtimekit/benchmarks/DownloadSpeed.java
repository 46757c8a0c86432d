package io.github.realtimekit.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.realtimekit.fixtures.SpecExamples;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A large file at the speed of the link: whole processes downloading one file of N MiB from a server on
 * 127.0.0.1 that sends it with {@code sendfile}, taking turns so that a busy moment of the machine falls
 * on every command alike, each under {@code /usr/bin/time}:
 *
 * <ul>
 *   <li>{@code curl -s -o FILE URL}, the floor;</li>
 *   <li>{@code realtimekit-recordings download ID --output DIR}, through the launcher, which first gets the
 *       recording (status UPLOADED, its {@code download_url} the file) from the same server;</li>
 *   <li>{@code realtimekit-recordings archive --dir DIR}, the same recording listed and archived (with
 *       its SHA-256, resumable);</li>
 *   <li>{@code download} and {@code archive} again with each extra argument as {@code JAVA_OPTS}, for trying
 *       JVM options.</li>
 * </ul>
 *
 * <p>Prints wall time, user and system CPU and peak resident size: the median and the range of each.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.realtimekit.benchmarks.DownloadSpeed [MiB] [runs] [cli/target] [JAVA_OPTS...]</pre>
 */
public final class DownloadSpeed {

  private static final String FILE = "/files/recording.mp4";
  private static final String[] COLUMNS = {"wall s", "user s", "sys s", "RSS MB"};

  private DownloadSpeed() {
  }

  /**
   * Runs the measurement.
   *
   * @param args the file's size in MiB (default 512), the runs of each command (default 3; 0 serves the file
   *     and the recording until stopped, for measuring by hand), the directory
   *     holding the launcher (default {@code cli/target}), then any JAVA_OPTS to try {@code download} with
   * @throws Exception if a command fails
   */
  public static void main(String[] args) throws Exception {
    int mib = args.length > 0 ? Integer.parseInt(args[0]) : 512;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path cli = Path.of(args.length > 2 ? args[2] : "cli/target").toAbsolutePath();
    Path launcher = cli.resolve("realtimekit-recordings");
    if (!Files.isExecutable(launcher)) {
      throw new IllegalArgumentException("No launcher in " + cli + "; build the cli module first");
    }
    Path work = Files.createTempDirectory("download-speed");
    Path file = work.resolve("served.mp4");
    write(file, mib);
    String id = Pages.RECORDING.toString();
    String[] base = new String[1];
    try (FileServer server = new FileServer(file, FILE, target -> json(target, id, base[0] + FILE, mib))) {
      base[0] = server.baseUrl();
      if (runs == 0) {
        System.out.println("serving recording " + id + " at REALTIMEKIT_BASE_URL=" + base[0] + " until stopped");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            delete(work);
          } catch (IOException e) {
            System.err.println("could not delete " + work + ": " + e);
          }
        }));
        Thread.sleep(Long.MAX_VALUE);
      }
      Map<String, List<String>> commands = new LinkedHashMap<>();
      Map<String, String> javaOpts = new LinkedHashMap<>();
      Path out = work.resolve("out");
      commands.put("curl -s -o FILE URL", List.of("curl", "-s", "-o", out.resolve("curl.mp4").toString(),
          base[0] + FILE));
      commands.put("download ID --output DIR", List.of(launcher.toString(), "download", id, "--output", out.toString()));
      commands.put("archive --dir DIR", List.of(launcher.toString(), "archive", "--dir", out.toString()));
      for (int i = 3; i < args.length; i++) {
        for (String command : List.of("download", "archive")) {
          String name = command + ", JAVA_OPTS=" + args[i];
          commands.put(name, commands.get(command.equals("download") ? "download ID --output DIR" : "archive --dir DIR"));
          javaOpts.put(name, args[i]);
        }
      }
      Map<String, List<double[]>> results = new LinkedHashMap<>();
      commands.keySet().forEach(name -> results.put(name, new ArrayList<>()));
      System.out.printf(Locale.ROOT, "%d MiB from %s, %d runs each, load average before: %s%n", mib, base[0], runs,
          loadAverage());
      for (int i = 0; i <= runs; i++) {
        for (Map.Entry<String, List<String>> command : commands.entrySet()) {
          double[] measured = run(command.getValue(), javaOpts.get(command.getKey()), base[0], out,
              (long) mib << 20);
          if (i > 0) { // the first round warms the file cache
            results.get(command.getKey()).add(measured);
          }
        }
      }
      System.out.printf(Locale.ROOT, "load average after: %s; median (min..max)%n", loadAverage());
      System.out.printf(Locale.ROOT, "  %-44s", "command");
      for (String column : COLUMNS) {
        System.out.printf(Locale.ROOT, " %-20s", column);
      }
      System.out.println();
      results.forEach((name, values) -> {
        System.out.printf(Locale.ROOT, "  %-44s", name);
        for (int c = 0; c < COLUMNS.length; c++) {
          int column = c;
          double[] sorted = values.stream().mapToDouble(v -> v[column]).sorted().toArray();
          System.out.printf(Locale.ROOT, " %-20s", String.format(Locale.ROOT, "%.2f (%.2f..%.2f)",
              sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]));
        }
        System.out.println();
      });
    } finally {
      delete(work);
    }
  }

  /** The API's answers: the recording for a get, a page holding it for a list. */
  private static byte[] json(String target, String id, String url, int mib) {
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    String recordings = "/accounts/" + Pages.ACCOUNT + "/realtime/kit/" + Pages.APP + "/recordings";
    ObjectNode recording = SpecExamples.recording(Pages.RECORDING);
    recording.put("status", "UPLOADED");
    recording.put("output_file_name", "recording.mp4");
    recording.put("download_url", url);
    recording.putNull("audio_download_url");
    recording.put("file_size", (long) mib << 20);
    recording.put("download_url_expiry", "2099-01-01T00:00:00.000Z");
    if (path.equals(recordings + "/" + id)) {
      return SpecExamples.oneRecording(recording).toString().getBytes(StandardCharsets.UTF_8);
    }
    if (path.equals(recordings)) {
      boolean first = !target.contains("page_no=") || target.contains("page_no=1&") || target.endsWith("page_no=1");
      return SpecExamples.page(first ? List.of(recording) : List.of(), first ? 1 : 2, 1).toString()
          .getBytes(StandardCharsets.UTF_8);
    }
    return null;
  }

  /** Runs a command under /usr/bin/time; returns wall s, user s, sys s and peak RSS MB. */
  private static double[] run(List<String> command, String javaOpts, String baseUrl, Path out, long size)
      throws IOException, InterruptedException {
    delete(out);
    Files.createDirectories(out);
    Path times = Files.createTempFile("time", ".txt");
    List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %U %S %M"));
    timed.addAll(command);
    ProcessBuilder builder = ColdStartCli.toolProcess(timed, javaOpts);
    Map<String, String> env = builder.environment();
    env.put("CLOUDFLARE_API_TOKEN", "download-speed-token");
    env.put("CLOUDFLARE_ACCOUNT_ID", Pages.ACCOUNT);
    env.put("REALTIMEKIT_APP_ID", Pages.APP);
    env.put("REALTIMEKIT_BASE_URL", baseUrl);
    int exit = builder.start().waitFor();
    String[] fields = Files.readString(times).trim().split("\\s+");
    Files.delete(times);
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
    }
    long saved;
    try (Stream<Path> files = Files.walk(out)) {
      saved = files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("manifest.jsonl"))
          .mapToLong(f -> f.toFile().length()).sum();
    }
    if (saved != size) {
      throw new IllegalStateException(String.join(" ", command) + " saved " + saved + " bytes of " + size);
    }
    int n = fields.length;
    return new double[] {Double.parseDouble(fields[n - 4]), Double.parseDouble(fields[n - 3]),
        Double.parseDouble(fields[n - 2]), Double.parseDouble(fields[n - 1]) / 1024};
  }

  private static String loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  /** Writes a file of incompressible bytes: 1 MiB of random bytes, again and again. */
  private static void write(Path file, int mib) throws IOException {
    byte[] block = new byte[1 << 20];
    new Random(21).nextBytes(block);
    try (OutputStream stream = Files.newOutputStream(file)) {
      for (int i = 0; i < mib; i++) {
        block[0] = (byte) i;
        stream.write(block);
      }
    }
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
