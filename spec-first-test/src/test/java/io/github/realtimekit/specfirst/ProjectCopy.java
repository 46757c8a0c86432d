package io.github.realtimekit.specfirst;

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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of the project holding what building the client takes: the root POM and {@code .mvn}, every
 * module's POM (so the reactor loads as it is), and the main sources of the modules the client is
 * built from. Nothing in it is rewritten but the spec, and {@link #changedFiles()} says so.
 */
final class ProjectCopy {

  /** The modules the client is built from, in build order: the generator, the spec, the models, the client. */
  static final List<String> MODULES = List.of("codegen", "openapi", "fixtures", "api-model", "api-client");

  /** The spec, relative to the project root. */
  static final String SPEC = "openapi/src/main/resources/io/github/realtimekit/openapi/realtimekit-recordings.yaml";

  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

  private final Path root;
  private final Path copy;

  private ProjectCopy(Path root, Path copy) {
    this.root = root;
    this.copy = copy;
  }

  /** Copies the project at {@code root} to {@code copy}, replacing whatever {@code copy} held. */
  static ProjectCopy of(Path root, Path copy) throws IOException {
    deleteRecursively(copy);
    ProjectCopy project = new ProjectCopy(root, copy);
    project.copyFile("pom.xml");
    project.copyFile("LICENSE");
    project.copyTree(".mvn");
    Matcher modules = MODULE.matcher(Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8));
    while (modules.find()) {
      project.copyFile(modules.group(1) + "/pom.xml");
    }
    for (String module : MODULES) {
      project.copyTree(module + "/src/main");
    }
    // The fixtures' build turns the spec into JSON with a program of their test sources.
    project.copyTree("fixtures/src/test");
    return project;
  }

  Path dir() {
    return copy;
  }

  Path spec() {
    return copy.resolve(SPEC);
  }

  /**
   * Adds operations to the copy's spec as a maintainer would: {@code paths} (path items, indented as
   * under {@code paths:}) at the end of the paths, {@code schemas} (indented as under
   * {@code components: schemas:}) at the start of the schemas.
   */
  void addToSpec(String paths, String schemas) throws IOException {
    String spec = Files.readString(spec(), StandardCharsets.UTF_8);
    spec = insert(spec, "\ncomponents:\n", paths, true);
    spec = insert(spec, "\n  schemas:\n", schemas, false);
    Files.writeString(spec(), spec, StandardCharsets.UTF_8);
  }

  private static String insert(String text, String anchor, String addition, boolean before) {
    int at = text.indexOf(anchor);
    if (at < 0 || text.indexOf(anchor, at + 1) >= 0) {
      throw new IllegalStateException("the spec does not have exactly one '" + anchor.strip() + "' line");
    }
    int position = before ? at + 1 : at + anchor.length();
    String block = addition.endsWith("\n") ? addition : addition + "\n";
    return text.substring(0, position) + block + (before ? "\n" : "") + text.substring(position);
  }

  /** The files of the copy that differ from the project's, relative to the root. */
  List<String> changedFiles() throws IOException {
    List<String> changed = new ArrayList<>();
    try (Stream<Path> files = Files.walk(copy)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        Path original = root.resolve(copy.relativize(file).toString());
        if (!Files.isRegularFile(original)
            || !Arrays.equals(Files.readAllBytes(original), Files.readAllBytes(file))) {
          changed.add(copy.relativize(file).toString().replace('\\', '/'));
        }
      }
    }
    return changed;
  }

  private void copyFile(String relative) throws IOException {
    Path from = root.resolve(relative);
    if (Files.isRegularFile(from)) {
      Path to = copy.resolve(relative);
      Files.createDirectories(to.getParent());
      Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  private void copyTree(String relative) throws IOException {
    Path from = root.resolve(relative);
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(copy.resolve(root.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, copy.resolve(root.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
        return FileVisitResult.CONTINUE;
      }
    });
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
}
