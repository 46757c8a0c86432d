package io.github.realtimekit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A measurement of {@code archive}, not a test: the wall time of the packaged jar archiving 1,000
 * recordings of 4 KiB each from a loopback host into an empty directory, whole processes one after
 * another, and their median. Run it from {@code cli/} with the test class path:
 * {@code java -cp target/test-classes:target/classes:CLASSPATH io.github.realtimekit.cli.ArchiveLoad [RUNS] [RECORDINGS] [ARCHIVE OPTIONS...]}
 * (0 runs: only the host, its base URL printed, until standard input ends).
 */
public final class ArchiveLoad {

  private ArchiveLoad() {
  }

  public static void main(String... args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int recordings = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    String[] more = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : new String[0];
    List<Double> seconds = new ArrayList<>();
    // The host's pages are built from the spec's example: read it once before the clock starts.
    Examples.example("GetAllRecordings");
    try (ArchiveFakes fakes = new ArchiveFakes(recordings)) {
      if (runs == 0) {
        // Only the host, for runs by hand (under time, a profiler): until standard input ends.
        System.out.println("--base-url " + fakes.root() + Examples.BASE_PATH);
        System.in.transferTo(java.io.OutputStream.nullOutputStream());
        return;
      }
      for (int r = 0; r < runs; r++) {
        Path work = Files.createTempDirectory("archive-load");
        long start = System.nanoTime();
        ArchiveFakes.Run run = fakes.archive(work, work.resolve("archive"), more);
        double s = (System.nanoTime() - start) / 1e9;
        if (run.exitCode() != 0 || run.out().lines().count() != recordings) {
          throw new AssertionError("archive failed: " + run);
        }
        seconds.add(s);
        System.out.printf("run %d: %.2f s%n", r + 1, s);
        delete(work);
      }
    }
    List<Double> sorted = new ArrayList<>(seconds);
    sorted.sort(null);
    System.out.printf("archive of %d recordings of %d bytes, %s: median %.2f s of %s%n", recordings,
        ArchiveFakes.FILE_BYTES, more.length == 0 ? "default options" : String.join(" ", more),
        sorted.get(sorted.size() / 2), seconds);
  }

  private static void delete(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
