package io.github.realtimekit.benchmarks;

import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.model.Recording;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Time from a fresh JVM to the first decoded response. The driver serves the documented example on
 * the loopback address and starts fresh JVMs, each of which builds a client and fetches one recording.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.realtimekit.benchmarks.ColdStart [runs]</pre>
 */
public final class ColdStart {

  private ColdStart() {
  }

  /**
   * Runs the measurement.
   *
   * @param args optionally the number of fresh JVMs to start (default 10)
   * @throws Exception if a JVM fails
   */
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    byte[] body = Pages.oneRecording();
    try (LoopbackServer server = LoopbackServer.json(uri -> body)) {
      String java = ProcessHandle.current().info().command().orElse("java");
      String classpath = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
      List<Long> processMillis = new ArrayList<>();
      List<Long> fromJvmStart = new ArrayList<>();
      List<Long> fromMain = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        long started = System.nanoTime();
        Process child = new ProcessBuilder(java, "-cp", classpath, Child.class.getName(), server.baseUrl())
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
          line = out.readLine();
        }
        if (child.waitFor() != 0 || line == null || !line.startsWith("ok ")) {
          throw new IllegalStateException("run " + i + " failed: " + line);
        }
        processMillis.add((System.nanoTime() - started) / 1_000_000);
        String[] parts = line.split(" ");
        fromJvmStart.add(Long.parseLong(parts[1]));
        fromMain.add(Long.parseLong(parts[2]));
      }
      System.out.printf("cold start over %d fresh JVMs (median, min..max):%n", runs);
      System.out.printf("  JVM start to first decoded response: %s ms%n", summary(fromJvmStart));
      System.out.printf("  main() to first decoded response (build client + first call): %s ms%n", summary(fromMain));
      System.out.printf("  whole process, spawn to exit: %s ms%n", summary(processMillis));
    }
  }

  private static String summary(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2) + " (" + sorted.get(0) + ".." + sorted.get(sorted.size() - 1) + ")";
  }

  /** One fresh JVM: build a client, fetch one recording, report the times. */
  public static final class Child {

    // Literals, not Pages: loading Pages parses the spec and would warm Jackson up before the client.
    private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
    private static final String APP = "9a7806061c88ada191ed06f989cc3dac";
    private static final UUID RECORDING = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");

    private Child() {
    }

    /**
     * Fetches one recording.
     *
     * @param args the base URL
     */
    public static void main(String[] args) {
      long mainStarted = System.nanoTime();
      RealtimeKitClient client = RealtimeKitClient.builder().apiToken("benchmark-token").accountId(ACCOUNT).appId(APP).baseUrl(args[0]).build();
      Recording recording = client.getRecording(RECORDING);
      long now = System.currentTimeMillis();
      long fromMain = (System.nanoTime() - mainStarted) / 1_000_000;
      if (!RECORDING.equals(recording.getId())) {
        throw new IllegalStateException("unexpected recording " + recording.getId());
      }
      long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
      System.out.println("ok " + (now - jvmStart) + " " + fromMain);
    }
  }
}
