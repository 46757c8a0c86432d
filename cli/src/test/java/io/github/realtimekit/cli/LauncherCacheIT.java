package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's ahead-of-time cache on JDK 25 and later: made on the first run, used after, made
 * again for a newer jar, and never a reason for a command to fail; on older JVMs, never attempted.
 * The JDK 25 tests run with the JDK that {@code realtimekit.test.jdk25} names, else the first JDK 25 or
 * later under {@code /usr/lib/jvm}, and are skipped when there is none.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherCacheIT {

  private static final Path JAR = Path.of(System.getProperty("realtimekit.cli.jar", "target/realtimekit-recordings.jar"))
      .toAbsolutePath();
  private static final String MOCK_NOTE = "realtimekit-recordings: no API token configured; using the built-in "
      + "mock server with the documented examples" + System.lineSeparator();

  @TempDir
  Path dir;

  private Path launcher;
  private Path jar;
  private Path cacheHome;

  private record Run(int exitCode, String out, String err) {
  }

  @BeforeEach
  void copyTheTool() throws IOException {
    // A copy of its own: the cache is named after the jar's path, and the jar's time is changed below.
    Path tool = Files.createDirectories(dir.resolve("tool"));
    launcher = Files.copy(JAR.resolveSibling("realtimekit-recordings"), tool.resolve("realtimekit-recordings"),
        StandardCopyOption.COPY_ATTRIBUTES);
    jar = Files.copy(JAR, tool.resolve(JAR.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
    cacheHome = dir.resolve("cache");
  }

  @Test
  void theLauncherMakesTheCacheOnTheFirstRunThenUsesIt() throws Exception {
    Path jdk = jdk25().orElse(null);
    assumeTrue(jdk != null, "no JDK 25 or later found");

    Run first = launcher(jdk, Map.of(), "list");
    assertEquals(0, first.exitCode(), first.toString());
    assertTrue(first.out().startsWith("ID "), first.out());
    assertEquals(MOCK_NOTE, first.err(), "nothing from the JVM or the training run");
    Path cache = onlyCacheFile();
    FileTime made = Files.getLastModifiedTime(cache);

    Path classes = dir.resolve("classes.txt");
    Run second = launcher(jdk, Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + classes), "list");
    assertEquals(0, second.exitCode(), second.toString());
    assertEquals(first.out(), second.out());
    assertEquals(MOCK_NOTE, second.err());
    String loaded = Files.readString(classes, StandardCharsets.UTF_8);
    assertTrue(loaded.contains("io.github.realtimekit.cli.ListCommand source: shared objects file"), loaded);
    assertTrue(loaded.contains("io.github.realtimekit.client.RealtimeKitClient source: shared objects file"));
    assertEquals(cache, onlyCacheFile());
    assertEquals(made, Files.getLastModifiedTime(cache), "used, not made again");

    // A jar newer than the cache (built again at the same path): the cache is made again for it.
    Files.setLastModifiedTime(cache, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 3_600_000));
    Run rebuilt = launcher(jdk, Map.of(), "--version");
    assertEquals(0, rebuilt.exitCode(), rebuilt.toString());
    assertEquals("", rebuilt.err());
    assertEquals(cache, onlyCacheFile());
    assertTrue(Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0, "made again");

    // A cache the JVM cannot read: the command runs without it, silently.
    Files.writeString(cache, "not a cache");
    Run unreadable = launcher(jdk, Map.of(), "list");
    assertEquals(0, unreadable.exitCode(), unreadable.toString());
    assertEquals(first.out(), unreadable.out());
    assertEquals(MOCK_NOTE, unreadable.err());
  }

  @Test
  void aCacheThatCannotBeWrittenNeverFailsTheCommand() throws Exception {
    Path jdk = jdk25().orElse(null);
    assumeTrue(jdk != null, "no JDK 25 or later found");
    // The cache's directory would be under a regular file.
    Files.writeString(cacheHome.resolveSibling("file"), "");
    cacheHome = cacheHome.resolveSibling("file");

    Run run = launcher(jdk, Map.of(), "get", "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("id: 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"), run.out());
    assertEquals(MOCK_NOTE, run.err());
  }

  @Test
  void anOlderJvmNeverMakesACache() throws Exception {
    Path jdk = Path.of(System.getProperty("java.home"));
    assumeTrue(Runtime.version().feature() < 25, "the build's JVM makes caches");

    Run run = launcher(jdk, Map.of(), "list");

    assertEquals(0, run.exitCode(), run.toString());
    assertEquals(MOCK_NOTE, run.err(), "no option this JVM does not know");
    assertFalse(Files.exists(cacheHome), "no cache for JDK " + Runtime.version().feature());
  }

  private Path onlyCacheFile() throws IOException {
    try (Stream<Path> files = Files.list(cacheHome.resolve("realtimekit-recordings"))) {
      List<Path> all = files.toList();
      assertEquals(1, all.size(), "one cache file and nothing left over: " + all);
      assertTrue(all.get(0).getFileName().toString().endsWith(".aot"), all.toString());
      return all.get(0);
    }
  }

  private Run launcher(Path jdk, Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("CLOUDFLARE_") || name.startsWith("REALTIMEKIT_")
        || name.equals("JAVA_OPTS") || name.equals("COLUMNS"));
    builder.environment().put("XDG_STATE_HOME", dir.toString());
    builder.environment().put("XDG_CACHE_HOME", cacheHome.toString());
    builder.environment().put("JAVA_HOME", jdk.toString());
    builder.environment().putAll(env);
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    // The first run on JDK 25 also runs the training and writes the cache.
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the launcher did not finish");
    }
    Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  /** A JDK 25 or later: the one named by realtimekit.test.jdk25, else the first under /usr/lib/jvm. */
  private static Optional<Path> jdk25() throws IOException {
    String named = System.getProperty("realtimekit.test.jdk25", "");
    if (!named.isBlank()) {
      return Optional.of(Path.of(named));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes.sorted().filter(home -> feature(home) >= 25 && Files.isExecutable(home.resolve("bin/java")))
          .findFirst();
    }
  }

  private static int feature(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"), StandardCharsets.UTF_8)) {
        if (line.startsWith("JAVA_VERSION=\"")) {
          String version = line.substring("JAVA_VERSION=\"".length());
          int end = 0;
          while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
          }
          return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not a JDK this test can use.
    }
    return 0;
  }
}
