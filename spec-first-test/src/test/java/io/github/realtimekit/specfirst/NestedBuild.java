package io.github.realtimekit.specfirst;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds the client of a {@link ProjectCopy} with the Maven that runs this build: offline, from this
 * build's local repository, the client's modules only, without their tests, Javadoc or source jars
 * (this build runs those on the project itself), installing nothing. Each module also writes its
 * runtime classpath to {@code target/runtime-classpath.txt}, for the consumer.
 */
final class NestedBuild {

  static final String CLASSPATH_FILE = "target/runtime-classpath.txt";

  private static final long TIMEOUT_MINUTES = 10;

  private NestedBuild() {
  }

  /**
   * Runs the build; returns Maven's exit code, its output in {@code log}.
   *
   * @param localRepositoryTail the tail of the local repository, or null when the build has none
   */
  static int run(Path mavenHome, Path project, Path localRepository, String localRepositoryTail, Path log)
      throws IOException, InterruptedException {
    boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    Path mvn = mavenHome.resolve("bin").resolve(windows ? "mvn.cmd" : "mvn");
    List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-ntp", "--offline",
        "-f", project.resolve("pom.xml").toString(),
        "-Dmaven.repo.local=" + localRepository));
    if (localRepositoryTail != null) {
      command.add("-Dmaven.repo.local.tail=" + localRepositoryTail);
    }
    command.addAll(List.of(
        "-pl", String.join(",", ProjectCopy.MODULES),
        "package", "dependency:build-classpath",
        "-Dmdep.outputFile=" + CLASSPATH_FILE, "-DincludeScope=runtime",
        "-Dmaven.test.skip=true", "-Dmaven.javadoc.skip=true", "-Dmaven.source.skip=true",
        "-Denforcer.skip=true", "-Dmaven.install.skip=true"));
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.remove("MAVEN_ARGS");
    // A short-lived build: the JIT's first tier is enough and starts faster.
    env.put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new IllegalStateException("the build of the copy did not end within " + TIMEOUT_MINUTES
          + " minutes; see " + log);
    }
    return process.exitValue();
  }

  /** The runtime classpath a module of the copy wrote. */
  static List<Path> runtimeClasspath(Path module) throws IOException {
    String text = Files.readString(module.resolve(CLASSPATH_FILE), StandardCharsets.UTF_8).strip();
    List<Path> paths = new ArrayList<>();
    for (String entry : text.split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        paths.add(Path.of(entry));
      }
    }
    return paths;
  }

  /** The last lines of a log, for a failure message. */
  static String tail(Path log, int lines) throws IOException {
    List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }
}
