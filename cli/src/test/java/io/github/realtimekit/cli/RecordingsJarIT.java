package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a user runs it: {@code java -jar realtimekit-recordings.jar}. */
class RecordingsJarIT {

  private static final Path JAR = Path.of(System.getProperty("realtimekit.cli.jar", "target/realtimekit-recordings.jar"));

  @TempDir
  Path dir;

  private record Run(int exitCode, String out, String err) {
  }

  private Run java(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    // A fresh machine: no token, account or app configured.
    builder.environment().keySet().removeIf(name -> name.startsWith("CLOUDFLARE_") || name.startsWith("REALTIMEKIT_"));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("java -jar did not finish");
    }
    Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  @Test
  void listWorksOnAFreshMachineWithCleanOutput() throws Exception {
    Run run = java("list");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("ID "), run.out());
    assertTrue(run.out().contains("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"), run.out());
    assertEquals("realtimekit-recordings: no API token configured; using the built-in mock server with the "
        + "documented examples" + System.lineSeparator(), run.err(), "no log lines from libraries");
  }

  @Test
  void downloadWritesTheFileInTheCurrentDirectory() throws Exception {
    Run run = java("download", "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");

    assertEquals(0, run.exitCode(), run.toString());
    assertEquals("output_file_name" + System.lineSeparator(), run.out());
    assertEquals(List.of("output_file_name"), List.of(dir.toFile().list()));
    assertTrue(Files.size(dir.resolve("output_file_name")) > 100_000);
  }

  @Test
  void aUsageErrorExits2() throws Exception {
    Run run = java("get", "not-a-uuid");

    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().startsWith("realtimekit-recordings: Invalid value for positional parameter"), run.err());
  }
}
