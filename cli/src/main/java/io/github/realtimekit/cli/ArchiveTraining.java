package io.github.realtimekit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the tool's usual commands once, against the built-in mock server, output discarded. The build
 * runs it in a JVM started with {@code -XX:ArchiveClassesAtExit}, which records every class these
 * commands load, already parsed and verified, into the class-data-sharing archive the launcher starts
 * the tool from ({@code realtimekit-recordings.jsa} beside the jar).
 */
final class ArchiveTraining {

  private static final String RECORDING = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";

  private ArchiveTraining() {
  }

  /**
   * Runs the commands.
   *
   * @param args none
   */
  public static void main(String... args) {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    Path dir;
    try {
      dir = Files.createTempDirectory("realtimekit-recordings-archive");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      String[][] commands = {
          {"--help"}, {"--version"}, {"list", "--help"}, {"get", "--help"}, {"download", "--help"},
          {"help", "list"}, {"get", "not-a-uuid"},
          {"list"}, {"list", "--all", "--json"}, {"get", RECORDING}, {"get", RECORDING, "--json"},
          {"download", RECORDING, "-o", dir.toString()},
      };
      for (String[] command : commands) {
        RecordingsCli.run(sink, sink, Map.of(), Terminal.NONE, command);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // Left in the temporary directory.
      }
    }
  }
}
