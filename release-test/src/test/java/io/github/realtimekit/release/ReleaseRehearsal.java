package io.github.realtimekit.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Cuts a release of a copy of the project the way the README says to, with a throwaway key and a
 * stand-in for the Central Portal: the copy gets the release version, then
 * {@code mvn -Prelease -s .mvn/release-settings.xml deploy} runs on it. The tests already ran in the
 * build that runs this, so the rehearsal skips them (and the import test).
 */
final class ReleaseRehearsal {

  /** What is never copied: build output, version control, IDE files. */
  private static final Set<String> SKIPPED = Set.of("target", ".git", ".idea", ".vscode", ".settings");

  static final String CENTRAL_USERNAME = "rehearsal-user";
  static final String CENTRAL_PASSWORD = "rehearsal-token";

  private ReleaseRehearsal() {
  }

  /** The version a release of {@code version} carries: the same without {@code -SNAPSHOT}. */
  static String releaseVersion(String version) {
    return version.endsWith("-SNAPSHOT") ? version.substring(0, version.length() - "-SNAPSHOT".length()) : version;
  }

  /** Copies the project's sources from {@code root} to {@code copy}, with every POM at {@code release}. */
  static void copyProject(Path root, Path copy, String version, String release) throws IOException {
    deleteRecursively(copy);
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (!dir.equals(root) && SKIPPED.contains(dir.getFileName().toString())) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(copy.resolve(root.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (!SKIPPED.contains(file.getFileName().toString())) {
          Files.copy(file, copy.resolve(root.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    if (version.equals(release)) {
      return;
    }
    // Step 1 of cutting a release: every module's version (the project's own and its parent reference).
    String from = "<version>" + version + "</version>";
    String to = "<version>" + release + "</version>";
    try (Stream<Path> poms = Files.list(copy)) {
      List<Path> files = new ArrayList<>(List.of(copy.resolve("pom.xml")));
      poms.filter(Files::isDirectory).map(dir -> dir.resolve("pom.xml")).filter(Files::isRegularFile).forEach(files::add);
      for (Path pom : files) {
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
          throw new IllegalStateException(pom + " does not carry the version " + version);
        }
        Files.writeString(pom, text.replace(from, to), StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * Runs the release build of {@code copy}; returns Maven's exit code, its output in {@code log}.
   * The signing key and the Portal token reach it through the environment only, as in a real release.
   */
  static int deploy(Path mavenHome, Path copy, Path localRepository, ThrowawayKey key, String portalUrl, Path log)
      throws IOException, InterruptedException {
    boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    Path mvn = mavenHome.resolve("bin").resolve(windows ? "mvn.cmd" : "mvn");
    List<String> command = List.of(mvn.toString(), "-B", "-ntp",
        "-f", copy.resolve("pom.xml").toString(),
        "-s", copy.resolve(".mvn/release-settings.xml").toString(),
        "-Dmaven.repo.local=" + localRepository,
        "-Prelease", "deploy",
        // Tests ran in this build already; nothing is installed into the shared local repository.
        "-Dmaven.test.skip=true", "-Dinvoker.skip=true", "-Dmaven.install.skip=true",
        "-Dcentral.baseUrl=" + portalUrl, "-Dcentral.waitUntil=uploaded");
    ProcessBuilder builder = new ProcessBuilder(command).directory(copy.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("MAVEN_GPG_") || name.startsWith("MAVEN_CENTRAL_")
        || name.equals("MAVEN_ARGS"));
    env.put("MAVEN_GPG_KEY", key.armoredSecretKey());
    env.put("MAVEN_GPG_PASSPHRASE", key.passphrase());
    env.put("MAVEN_CENTRAL_USERNAME", CENTRAL_USERNAME);
    env.put("MAVEN_CENTRAL_PASSWORD", CENTRAL_PASSWORD);
    // A short-lived build: the JIT's first tier is enough and starts faster.
    env.put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    Process process = builder.start();
    if (!process.waitFor(15, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new IllegalStateException("the release build did not end within 15 minutes; see " + log);
    }
    return process.exitValue();
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** The last lines of a log, for a failure message. */
  static String tail(Path log, int lines) throws IOException {
    List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }
}
