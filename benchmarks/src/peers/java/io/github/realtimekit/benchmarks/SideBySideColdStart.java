package io.github.realtimekit.benchmarks;

import io.github.realtimekit.fixtures.LoopbackServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start of each client and floor side by side: from spawning a fresh JVM to the first decoded
 * list response (a 30-recording page, all nine query parameters set). The runs take the contenders in
 * turn, round after round, so that the machine's noise falls on all of them alike; one more run of
 * each, logging class loading, counts the classes loaded by the time the response is decoded.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.realtimekit.benchmarks.SideBySideColdStart [rounds [name...]]</pre>
 */
public final class SideBySideColdStart {

  static final int RECORDINGS = 30;

  private SideBySideColdStart() {
  }

  /**
   * Runs the measurement.
   *
   * @param args optionally the number of rounds (default 10), then the contenders to run (default all)
   * @throws Exception if a JVM fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    List<String> names = new ArrayList<>();
    if (args.length > 1) {
      names.addAll(Arrays.asList(args).subList(1, args.length));
    } else {
      names.addAll(Contenders.CLIENTS);
      names.addAll(Contenders.FLOORS);
    }
    try (LoopbackServer server = Contenders.server(Pages.page(RECORDINGS, 1, RECORDINGS))) {
      Map<String, List<long[]>> runs = new LinkedHashMap<>();
      names.forEach(name -> runs.put(name, new ArrayList<>()));
      for (int round = 0; round < rounds; round++) {
        for (String name : names) {
          runs.get(name).add(run(name, server, null));
        }
      }
      Map<String, Long> classes = new LinkedHashMap<>();
      for (String name : names) {
        Path log = Files.createTempFile("class-load", ".log");
        try {
          run(name, server, log);
          classes.put(name, classesBeforeMarker(log));
        } finally {
          Files.deleteIfExists(log);
        }
      }
      System.out.printf("cold start, fresh JVM to the first decoded %d-recording list response, %d runs each"
          + " (median, min..max, ms)%n", RECORDINGS, rounds);
      System.out.printf("%-24s %-20s %-20s %-20s %s%n", "contender", "spawn to decoded", "JVM start to decoded",
          "main() to decoded", "classes loaded");
      for (String name : names) {
        List<long[]> times = runs.get(name);
        System.out.printf("%-24s %-20s %-20s %-20s %d%n", name, summary(times, 0), summary(times, 1),
            summary(times, 2), classes.get(name));
      }
    }
  }

  /** One fresh JVM; its spawn-to-decoded, JVM-start-to-decoded and main-to-decoded milliseconds. */
  private static long[] run(String name, LoopbackServer server, Path classLog) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = Path.of(SideBySideColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    List<String> command = new ArrayList<>(List.of(java));
    if (classLog != null) {
      command.add("-Xlog:class+load=info:file=" + classLog);
    }
    command.addAll(List.of("-cp", classpath, Child.class.getName(), name, server.baseUrl()));
    long started = System.nanoTime();
    Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String line;
    long decoded;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      line = out.readLine();
      decoded = System.nanoTime();
      while (out.readLine() != null) {
        // drain
      }
    }
    if (child.waitFor() != 0 || line == null || !line.startsWith("ok ")) {
      throw new IllegalStateException(name + " failed: " + line);
    }
    String[] parts = line.split(" ");
    return new long[] {(decoded - started) / 1_000_000, Long.parseLong(parts[1]), Long.parseLong(parts[2])};
  }

  /** The classes the log shows loaded before the child loaded its marker, right after decoding. */
  private static long classesBeforeMarker(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    long count = 0;
    for (String line : lines) {
      if (line.contains(Decoded.class.getName())) {
        return count;
      }
      if (line.contains("[class,load]")) {
        count++;
      }
    }
    throw new IllegalStateException("no marker in the class-loading log");
  }

  private static String summary(List<long[]> runs, int index) {
    List<Long> sorted = new ArrayList<>();
    runs.forEach(run -> sorted.add(run[index]));
    Collections.sort(sorted);
    int n = sorted.size();
    long median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return median + " (" + sorted.get(0) + ".." + sorted.get(n - 1) + ")";
  }

  /** Loaded right after the first decoded response: the class-loading log's marker. */
  static final class Decoded {
    private Decoded() {
    }
  }

  /** One fresh JVM: build the named contender, make one list call, report the times. */
  public static final class Child {

    private Child() {
    }

    /**
     * Makes one list call.
     *
     * @param args the contender's name and the base URL
     * @throws Exception if the call fails
     */
    public static void main(String[] args) throws Exception {
      long mainStarted = System.nanoTime();
      Contenders.Contender contender = Contenders.create(args[0], args[1], RECORDINGS);
      Object page = contender.list();
      long now = System.currentTimeMillis();
      long fromMain = (System.nanoTime() - mainStarted) / 1_000_000;
      Class.forName(Decoded.class.getName());
      if (contender.recordings(page) != RECORDINGS) {
        throw new IllegalStateException("decoded " + contender.recordings(page) + " recordings");
      }
      long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
      System.out.println("ok " + (now - jvmStart) + " " + fromMain);
      System.out.flush();
    }
  }
}
