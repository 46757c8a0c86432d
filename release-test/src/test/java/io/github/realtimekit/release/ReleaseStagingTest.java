package io.github.realtimekit.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A release, rehearsed on every build: a copy of the project is signed with a throwaway key made here,
 * staged by the release profile and uploaded to a stand-in for the Central Portal. The bundle it
 * receives must be what Central accepts, for exactly the published modules; doctored copies of it
 * show that the check catches what Central would refuse.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseStagingTest {

  static final String GROUP = "io.github.realtimekit";
  /** Published: the parent POM (children inherit from it), the spec, the models, the client and the BOM. */
  static final Set<String> PUBLISHED = Set.of("realtimekit-parent", "realtimekit-openapi", "realtimekit-api-model",
      "realtimekit-api-client", "realtimekit-bom");

  final Path work = Path.of(required("realtimekit.work"));
  final String version = ReleaseRehearsal.releaseVersion(required("realtimekit.project.version"));
  final Path localRepository = Path.of(required("realtimekit.local.repository"));

  ThrowawayKey key;
  CentralPortalStub.Upload upload;
  Path bundle;
  TreeMap<String, String> localRepositoryBefore;
  TreeMap<String, String> localRepositoryAfter;

  @BeforeAll
  void rehearseARelease() throws Exception {
    key = ThrowawayKey.generate("Release rehearsal <rehearsal@example.invalid>");
    Path copy = work.resolve("project");
    ReleaseRehearsal.copyProject(Path.of(required("realtimekit.project.root")), copy,
        required("realtimekit.project.version"), version);
    Path log = work.resolve("release-build.log");
    localRepositoryBefore = releasedFilesIn(localRepository);
    int exit;
    try (CentralPortalStub portal = new CentralPortalStub()) {
      exit = ReleaseRehearsal.deploy(Path.of(required("realtimekit.maven.home")), copy, localRepository, key,
          portal.baseUrl(), log);
      assertEquals(0, exit, () -> "the release build failed; the end of " + log + ":\n" + tail(log));
      assertEquals(1, portal.uploads().size(), "one bundle uploaded");
      upload = portal.uploads().get(0);
    }
    localRepositoryAfter = releasedFilesIn(localRepository);
    bundle = work.resolve("bundle");
    unzip(upload.bundle(), bundle);
  }

  @Test
  void centralWouldAcceptTheBundle() throws IOException {
    assertEquals(List.of(), check(bundle));
  }

  @Test
  void theBundleHoldsExactlyThePublishedModules() throws IOException {
    Set<String> artifacts;
    try (Stream<Path> dirs = Files.list(bundle.resolve(GROUP.replace('.', '/')))) {
      artifacts = dirs.map(dir -> dir.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(new TreeSet<>(PUBLISHED), artifacts);
    try (Stream<Path> top = Files.list(bundle)) {
      assertEquals(List.of("io"), top.map(p -> p.getFileName().toString()).toList(), "nothing beside the group");
    }
  }

  @Test
  void aJarArtifactComesWithSourcesJavadocSignaturesAndChecksums() throws IOException {
    Path client = bundle.resolve("io/github/realtimekit/realtimekit-api-client/" + version);
    Set<String> files;
    try (Stream<Path> list = Files.list(client)) {
      files = list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> expected = new TreeSet<>();
    for (String file : List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar")) {
      String name = "realtimekit-api-client-" + version + file;
      expected.add(name);
      for (String suffix : List.of(".asc", ".md5", ".sha1", ".sha256", ".sha512")) {
        expected.add(name + suffix);
      }
    }
    assertEquals(expected, files);
    System.out.println("Staged for realtimekit-api-client:\n  " + String.join("\n  ", files));
  }

  @Test
  void theReleaseUploadsWithThePortalTokenFromTheEnvironment() {
    String token = Base64.getEncoder().encodeToString(
        (ReleaseRehearsal.CENTRAL_USERNAME + ":" + ReleaseRehearsal.CENTRAL_PASSWORD).getBytes(StandardCharsets.UTF_8));
    assertTrue(String.valueOf(upload.authorization()).endsWith(" " + token), "the Portal token is sent");
    assertTrue(upload.query().contains("publishingType=USER_MANAGED"),
        "published by hand in the Portal once checked: " + upload.query());
  }

  @Test
  void theReleaseInstallsNothingIntoTheLocalRepository() {
    assertEquals(localRepositoryBefore, localRepositoryAfter);
  }

  @Test
  void aPomWithoutScmFailsTheCheck() throws IOException {
    Path doctored = doctoredCopy("no-scm");
    Path parentPom = doctored.resolve("io/github/realtimekit/realtimekit-parent/" + version + "/realtimekit-parent-"
        + version + ".pom");
    String pom = Files.readString(parentPom);
    String withoutScm = pom.replaceAll("(?s)<scm[ >].*?</scm>\\s*", "");
    assertTrue(withoutScm.length() < pom.length(), "the parent POM had an <scm>");
    rewriteSigned(parentPom, withoutScm);

    List<String> problems = check(doctored);

    // The parent and every module that inherits its <scm>; the BOM has its own.
    assertEquals(List.of(
        "realtimekit-parent-" + version + ".pom: no <scm>",
        "realtimekit-openapi-" + version + ".pom: no <scm>",
        "realtimekit-api-model-" + version + ".pom: no <scm>",
        "realtimekit-api-client-" + version + ".pom: no <scm>"), sortedLikeTheBundle(problems));
  }

  @Test
  void anUnsignedJarFailsTheCheck() throws IOException {
    Path doctored = doctoredCopy("unsigned");
    Files.delete(doctored.resolve("io/github/realtimekit/realtimekit-api-client/" + version
        + "/realtimekit-api-client-" + version + ".jar.asc"));

    assertEquals(List.of("realtimekit-api-client-" + version + ".jar: not signed (no .asc)"), check(doctored));
  }

  @Test
  void aJarChangedAfterSigningFailsTheCheck() throws IOException {
    Path doctored = doctoredCopy("tampered");
    Path jar = doctored.resolve("io/github/realtimekit/realtimekit-api-model/" + version + "/realtimekit-api-model-"
        + version + ".jar");
    byte[] bytes = Files.readAllBytes(jar);
    bytes[bytes.length / 2] ^= 1;
    Files.write(jar, bytes);

    List<String> problems = check(doctored);

    String name = "realtimekit-api-model-" + version + ".jar";
    assertTrue(problems.contains(name + ".asc: the signature does not verify"), problems.toString());
    assertTrue(problems.contains(name + ": its .sha1 checksum does not match the file"), problems.toString());
  }

  @Test
  void aSignatureByAnotherKeyFailsTheCheck() throws IOException {
    Path doctored = doctoredCopy("other-key");
    Path pom = doctored.resolve("io/github/realtimekit/realtimekit-bom/" + version + "/realtimekit-bom-" + version + ".pom");
    ThrowawayKey.generate("Someone else <else@example.invalid>").sign(pom);

    List<String> problems = check(doctored);

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("realtimekit-bom-" + version + ".pom.asc: made with another key"), problems.get(0));
  }

  @Test
  void aMissingJavadocJarOrChecksumFailsTheCheck() throws IOException {
    Path doctored = doctoredCopy("incomplete");
    Path dir = doctored.resolve("io/github/realtimekit/realtimekit-openapi/" + version);
    Files.delete(dir.resolve("realtimekit-openapi-" + version + "-javadoc.jar"));
    Files.delete(dir.resolve("realtimekit-openapi-" + version + ".pom.md5"));

    assertEquals(List.of(
        "realtimekit-openapi-" + version + ".pom: no .md5 checksum",
        "realtimekit-openapi-" + version + "-javadoc.jar: missing"), check(doctored));
  }

  @Test
  void anUnpublishedModuleInTheBundleFailsTheCheck() throws IOException {
    Path doctored = doctoredCopy("unpublished");
    Path cli = Files.createDirectories(doctored.resolve("io/github/realtimekit/realtimekit-cli/" + version));
    Files.copy(bundle.resolve("io/github/realtimekit/realtimekit-bom/" + version + "/realtimekit-bom-" + version + ".pom"),
        cli.resolve("realtimekit-cli-" + version + ".pom"));

    assertEquals(List.of("realtimekit-cli: in the bundle, but it is not a published artifact"), check(doctored));
  }

  private List<String> check(Path root) throws IOException {
    return CentralBundleCheck.problems(root, GROUP, version, PUBLISHED, key.publicKey());
  }

  private Path doctoredCopy(String name) throws IOException {
    Path copy = work.resolve("doctored").resolve(name);
    ReleaseRehearsal.deleteRecursively(copy);
    try (Stream<Path> files = Files.walk(bundle)) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(bundle.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return copy;
  }

  /** Replaces a file's content and, like a release would, signs it and writes its checksums again. */
  private void rewriteSigned(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    key.sign(file);
    byte[] bytes = Files.readAllBytes(file);
    for (String algorithm : List.of("md5", "sha1", "sha256", "sha512")) {
      Files.writeString(file.resolveSibling(file.getFileName() + "." + algorithm),
          CentralBundleCheck.digest(algorithm, bytes));
    }
  }

  private static List<String> sortedLikeTheBundle(List<String> problems) {
    List<String> order = List.of("realtimekit-parent", "realtimekit-openapi", "realtimekit-api-model",
        "realtimekit-api-client", "realtimekit-bom");
    List<String> sorted = new ArrayList<>(problems);
    sorted.sort((a, b) -> Integer.compare(rank(order, a), rank(order, b)));
    return sorted;
  }

  private static int rank(List<String> order, String problem) {
    for (int i = 0; i < order.size(); i++) {
      if (problem.startsWith(order.get(i) + "-")) {
        return i;
      }
    }
    return order.size();
  }

  /** Every file of this group in the release version in the local repository, with its size and time. */
  private TreeMap<String, String> releasedFilesIn(Path repository) throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    Path group = repository.resolve(GROUP.replace('.', '/'));
    if (!Files.isDirectory(group)) {
      return files;
    }
    try (Stream<Path> paths = Files.walk(group)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        if (path.getParent().getFileName().toString().equals(version)) {
          files.put(group.relativize(path).toString(), Files.size(path) + " bytes, " + Files.getLastModifiedTime(path));
        }
      }
    }
    return files;
  }

  private static void unzip(byte[] zip, Path dir) throws IOException {
    ReleaseRehearsal.deleteRecursively(dir);
    Files.createDirectories(dir);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        Path target = dir.resolve(entry.getName()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException("zip entry outside the bundle: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
    }
  }

  private static String tail(Path log) {
    try {
      return ReleaseRehearsal.tail(log, 60);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("system property " + property + " is not set; run the tests through Maven");
    }
    return value;
  }
}
