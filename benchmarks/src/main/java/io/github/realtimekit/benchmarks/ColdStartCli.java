package io.github.realtimekit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.realtimekit.client.RealtimeKitJson;
import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.model.ListRecordingsResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold start of the command-line tool: fresh processes, spawn to exit, in one run, interleaved so that
 * a busy moment of the machine falls on every command alike. Measured:
 *
 * <ul>
 *   <li>{@code java -version}, the least a JVM costs;</li>
 *   <li>{@code realtimekit-recordings --help}, through the launcher script (with the archive);</li>
 *   <li>{@code realtimekit-recordings list} against the built-in mock, through the launcher;</li>
 *   <li>a minimal program making the same request, the first page of the documented list example,
 *       with the JDK's {@code HttpClient} and decoding it into the same model with one
 *       {@code ObjectMapper}, from a server in this process;</li>
 *   <li>for comparison, {@code java -jar realtimekit-recordings.jar --help} and {@code list}, without
 *       the archive.</li>
 * </ul>
 *
 * <p>Then one more run of each with {@code -Xlog:class+load} counts the classes it loads, and how
 * many of them came from a class-data-sharing archive (or, on JDK 25 and later, the launcher's
 * ahead-of-time cache), and where those of the launcher's {@code list} come from, by package.
 *
 * <p>Every command runs on the JVM that runs this program, which is the one the launcher is given
 * ({@code JAVA_HOME}): run it with JDK 25's {@code java} to measure the tool on JDK 25, where the
 * warm-up run below makes the launcher's cache. The load average is printed before and after: on a
 * busy machine the figures are for comparison within one run only.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.realtimekit.benchmarks.ColdStartCli [runs] [cli/target]</pre>
 */
public final class ColdStartCli {

  private ColdStartCli() {
  }

  /**
   * Runs the measurement.
   *
   * @param args optionally the number of runs of each command (default 10), and the directory holding
   *     the launcher and the jar (default {@code cli/target})
   * @throws Exception if a command fails
   */
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Path cli = Path.of(args.length > 1 ? args[1] : "cli/target").toAbsolutePath();
    Path launcher = cli.resolve("realtimekit-recordings");
    Path jar = cli.resolve("realtimekit-recordings.jar");
    if (!Files.isExecutable(launcher) || !Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("No launcher and jar in " + cli + "; build the cli module first");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = Path.of(ColdStartCli.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    byte[] page = Pages.page(1, 1, 1);
    try (LoopbackServer server = LoopbackServer.json(uri -> page)) {
      String url = server.baseUrl() + "/accounts/" + Pages.ACCOUNT + "/realtime/kit/" + Pages.APP + "/recordings";
      Map<String, List<String>> commands = new LinkedHashMap<>();
      commands.put("java -version", List.of(java, "-version"));
      commands.put("minimal HttpClient + ObjectMapper", List.of(java, "-cp", classpath, Minimal.class.getName(), url));
      commands.put("launcher --help", List.of(launcher.toString(), "--help"));
      commands.put("launcher list (mock)", List.of(launcher.toString(), "list"));
      commands.put("java -jar --help (no archive)", List.of(java, "-jar", jar.toString(), "--help"));
      commands.put("java -jar list (no archive)", List.of(java, "-jar", jar.toString(), "list"));

      Map<String, List<Long>> millis = new LinkedHashMap<>();
      commands.keySet().forEach(name -> millis.put(name, new ArrayList<>()));
      System.out.println("load average before: " + loadAverage());
      for (Map.Entry<String, List<String>> command : commands.entrySet()) {
        run(command.getValue(), null); // once to warm the file cache (and make the launcher's cache on JDK 25)
      }
      for (int i = 0; i < runs; i++) {
        for (Map.Entry<String, List<String>> command : commands.entrySet()) {
          millis.get(command.getKey()).add(run(command.getValue(), null));
        }
      }

      System.out.printf(Locale.ROOT, "cold start, spawn to exit, %d runs each (median, min..max), java %s:%n", runs,
          System.getProperty("java.version"));
      millis.forEach((name, values) -> System.out.printf(Locale.ROOT, "  %-36s %s ms%n", name, summary(values)));
      long version = median(millis.get("java -version"));
      long minimal = median(millis.get("minimal HttpClient + ObjectMapper"));
      System.out.printf(Locale.ROOT, "  list / minimal program: %.2fx; --help / java -version: %.2fx; "
              + "list / java -version: %.2fx (goal 4x)%n",
          (double) median(millis.get("launcher list (mock)")) / minimal,
          (double) median(millis.get("launcher --help")) / version,
          (double) median(millis.get("launcher list (mock)")) / version);
      System.out.println("load average after: " + loadAverage());

      System.out.println("classes loaded (from a CDS archive: the JDK's, or the tool's):");
      Path log = Files.createTempFile("class-load", ".txt");
      Map<String, Long> packages = Map.of();
      try {
        for (Map.Entry<String, List<String>> command : commands.entrySet()) {
          List<String> logged = new ArrayList<>(command.getValue());
          String option = "-Xlog:class+load:file=" + log;
          if (logged.get(0).equals(launcher.toString())) {
            run(logged, option);
          } else {
            logged.add(1, option);
            run(logged, null);
          }
          List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
          long shared = lines.stream().filter(l -> l.contains("source: shared objects file")).count();
          System.out.printf(Locale.ROOT, "  %-36s %5d (%d from an archive)%n", command.getKey(), lines.size(), shared);
          if (command.getKey().equals("launcher list (mock)")) {
            packages = byPackage(lines);
          }
        }
      } finally {
        Files.deleteIfExists(log);
      }
      System.out.println("classes of the launcher's list, by package (the largest 15):");
      packages.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
          .forEach(e -> System.out.printf(Locale.ROOT, "  %5d %s%n", e.getValue(), e.getKey()));
    }
  }

  /** Counts logged classes by package; classes made at run time (not from an archive) apart. */
  private static Map<String, Long> byPackage(List<String> lines) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (String line : lines) {
      String[] fields = line.split(" ");
      if (fields.length < 2) {
        continue;
      }
      String name = fields[1];
      int nested = name.indexOf("$$");
      String outer = nested < 0 ? name : name.substring(0, nested);
      boolean spun = !line.contains("shared objects file") && (nested >= 0 || name.contains("LambdaForm$")
          || name.contains("$Proxy") || name.contains(".Generated"));
      counts.merge(spun ? "(made at run time)" : outer.substring(0, Math.max(0, outer.lastIndexOf('.'))), 1L, Long::sum);
    }
    return counts;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Runs a command with nothing of a real account configured; returns its time in milliseconds. */
  private static long run(List<String> command, String javaOpts) throws IOException, InterruptedException {
    ProcessBuilder builder = toolProcess(command, javaOpts);
    long started = System.nanoTime();
    Process process = builder.start();
    int exit = process.waitFor();
    long elapsed = (System.nanoTime() - started) / 1_000_000;
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
    }
    return elapsed;
  }

  /**
   * A process of the tool (or any command) with its output discarded, this JVM as its {@code JAVA_HOME},
   * and nothing of a real account, of {@code JAVA_OPTS} or of the terminal's width from this environment.
   */
  static ProcessBuilder toolProcess(List<String> command, String javaOpts) {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("CLOUDFLARE_") || name.startsWith("REALTIMEKIT_")
        || name.equals("JAVA_OPTS") || name.equals("COLUMNS"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    if (javaOpts != null) {
      env.put("JAVA_OPTS", javaOpts);
    }
    return builder;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static String summary(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return String.format(Locale.ROOT, "%5d (%d..%d)", median(values), sorted.get(0), sorted.get(sorted.size() - 1));
  }

  /** The minimal program: one request with the JDK's HttpClient, decoded with one ObjectMapper. */
  public static final class Minimal {

    private Minimal() {
    }

    /**
     * Fetches and decodes one page of recordings and prints how many it holds.
     *
     * @param args the page's URL
     * @throws Exception if the request fails
     */
    public static void main(String[] args) throws Exception {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(args[0])).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      ObjectMapper mapper = RealtimeKitJson.newObjectMapper();
      ListRecordingsResponse page = mapper.readValue(response.body(), ListRecordingsResponse.class);
      System.out.println(page.getData().size() + " recordings");
    }
  }
}
