package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged tool, run as a user runs it: {@code java -jar realtimekit-recordings.jar}, and the
 * launcher script beside it with its class-data-sharing archive.
 */
class RecordingsJarIT {

  private static final Path JAR = Path.of(System.getProperty("realtimekit.cli.jar", "target/realtimekit-recordings.jar"))
      .toAbsolutePath();
  private static final Path LAUNCHER = JAR.resolveSibling("realtimekit-recordings");
  private static final Path ARCHIVE = JAR.resolveSibling("realtimekit-recordings.jsa");

  @TempDir
  Path dir;

  private record Run(int exitCode, String out, String err) {
  }

  private Run java(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return run(command, Map.of());
  }

  private Run launcher(Path launcher, Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    Map<String, String> withJava = new java.util.HashMap<>(env);
    withJava.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
    return run(command, withJava);
  }

  private Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    // A fresh machine: no token, account or app configured.
    builder.environment().keySet().removeIf(name -> name.startsWith("CLOUDFLARE_") || name.startsWith("REALTIMEKIT_")
        || name.equals("JAVA_OPTS") || name.equals("COLUMNS"));
    // Where the built-in mock keeps its recordings between commands: this test's own directory.
    builder.environment().put("XDG_STATE_HOME", dir.toString());
    builder.environment().putAll(env);
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

  @Test
  void helpLoadsNeitherTheOtherCommandsNorTheClient() throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-verbose:class", "-jar", JAR.toString(),
        "--help"));
    Run run = run(command, Map.of());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Usage: realtimekit-recordings"), run.out());
    for (String loaded : List.of("io.github.realtimekit.cli.ListCommand ", "io.github.realtimekit.cli.GetCommand ",
        "io.github.realtimekit.cli.DownloadCommand ", "io.github.realtimekit.client.RealtimeKitClient ",
        "io.github.realtimekit.client.RecordingsApi", "io.github.realtimekit.model.",
        "com.fasterxml.jackson.", "org.hibernate.", "org.yaml.", "feign.", "sun.security.ssl.", "java.net.http.")) {
      assertFalse(run.out().contains(" " + loaded), loaded + " was loaded for --help");
    }
  }

  @Test
  void listOnTheMockReadsNoYaml() throws Exception {
    // The mock starts from the spec as JSON, which the build writes: no YAML reader at run time.
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-verbose:class", "-jar", JAR.toString(),
        "list"));
    Run run = run(command, Map.of());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains(" io.github.realtimekit.fixtures.SpecExamples "), "the mock ran");
    for (String loaded : List.of("org.yaml.", "com.fasterxml.jackson.dataformat.yaml.")) {
      assertFalse(run.out().contains(" " + loaded), loaded + " was loaded for list");
    }
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void theLauncherStartsTheToolFromItsArchiveFromAnyDirectory() throws Exception {
    assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is executable");
    assertTrue(Files.isRegularFile(ARCHIVE), "the build made " + ARCHIVE);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("realtimekit-recordings"), LAUNCHER);
    Path classes = dir.resolve("classes.txt");

    Run run = launcher(link, Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + classes), "list");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("ID "), run.out());
    assertEquals("realtimekit-recordings: no API token configured; using the built-in mock server with the "
        + "documented examples" + System.lineSeparator(), run.err(), "nothing from the JVM about the archive");
    String loaded = Files.readString(classes);
    assertTrue(loaded.contains("io.github.realtimekit.cli.ListCommand source: shared objects file (top)"), loaded);
    assertTrue(loaded.contains("io.github.realtimekit.client.RealtimeKitClient source: shared objects file (top)"));
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void theLauncherFallsBackSilentlyWhenTheArchiveDoesNotMatch() throws Exception {
    // Moved elsewhere: the archive names the jar's original path, so the JVM cannot use it.
    Path moved = Files.createDirectories(dir.resolve("moved"));
    for (Path file : List.of(LAUNCHER, JAR, ARCHIVE)) {
      Files.copy(file, moved.resolve(file.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
    }
    Run run = launcher(moved.resolve("realtimekit-recordings"), Map.of(), "--version");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("realtimekit-recordings 1."), run.out());
    assertEquals("", run.err());

    // Not an archive at all.
    Files.delete(moved.resolve(ARCHIVE.getFileName().toString()));
    Files.writeString(moved.resolve(ARCHIVE.getFileName().toString()), "not an archive");
    run = launcher(moved.resolve("realtimekit-recordings"), Map.of(), "get", "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("id: 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"), run.out());
    assertEquals("realtimekit-recordings: no API token configured; using the built-in mock server with the "
        + "documented examples" + System.lineSeparator(), run.err());

    // No archive.
    Files.delete(moved.resolve(ARCHIVE.getFileName().toString()));
    run = launcher(moved.resolve("realtimekit-recordings"), Map.of(), "--version");
    assertEquals(0, run.exitCode(), run.toString());
    assertEquals("", run.err());
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void theLauncherGivesArchiveTheOptimisingCompilerAndTheOtherCommandsTheQuickOne() throws Exception {
    // archive hashes every byte it saves: only the optimising compiler uses the CPU's SHA instructions.
    Map<String, String> flags = Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal");
    for (List<String> args : List.of(List.of("archive", "--help"), List.of("--verbose", "archive", "--help"))) {
      Run run = launcher(LAUNCHER, flags, args.toArray(String[]::new));
      assertEquals(0, run.exitCode(), run.toString());
      assertEquals("4", tieredStopAtLevel(run.out()), args.toString());
    }
    for (List<String> args : List.of(List.of("list", "--help"), List.of("download", "--help"), List.of("--help"))) {
      Run run = launcher(LAUNCHER, flags, args.toArray(String[]::new));
      assertEquals(0, run.exitCode(), run.toString());
      assertEquals("1", tieredStopAtLevel(run.out()), args.toString());
    }
  }

  private static String tieredStopAtLevel(String flags) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bTieredStopAtLevel\\s+=\\s+(\\d+)").matcher(flags);
    assertTrue(m.find(), flags);
    return m.group(1);
  }

  @Test
  void eachCommandFindsWhatThePreviousOneStartedInTheMock() throws Exception {
    String meeting = "97440c6a-140b-40a9-9499-b23fd7a3868a";
    Run start = java("start", "--meeting", meeting, "--json");
    assertEquals(0, start.exitCode(), start.toString());
    String id = start.out().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");

    Run active = java("active", "--meeting", meeting, "--json");

    assertEquals(0, active.exitCode(), active.toString());
    assertTrue(active.out().contains("\"id\":\"" + id + "\""), active.out());
    assertTrue(Files.isRegularFile(dir.resolve("realtimekit-recordings/mock-recordings.json")));
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void mockRunsUntilSigtermThenExitsZero() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString(), "mock", "--listen", "127.0.0.1:0").directory(dir.toFile())
        .redirectError(dir.resolve("stderr.txt").toFile());
    Process process = builder.start();
    try (java.io.BufferedReader out = new java.io.BufferedReader(
        new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String startup = out.readLine();
      assertTrue(startup != null && startup.startsWith("REALTIMEKIT_BASE_URL=http://127.0.0.1:"), startup);

      process.destroy();

      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the mock did not stop on SIGTERM");
      assertEquals(0, process.exitValue(), Files.readString(dir.resolve("stderr.txt")));
      assertTrue(Files.readString(dir.resolve("stderr.txt")).contains("the mock stopped"));
    } finally {
      process.destroyForcibly();
    }
  }
}
