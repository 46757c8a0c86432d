package io.github.realtimekit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The generated sources read as code a person would trust: a header, exact imports, Javadoc only with the spec's words. */
class GeneratedSourcesTest {

  /** Where the build generates the models, relative to this module. */
  static final Path GENERATED = Path.of("target/generated-sources/openapi/src/main/java/io/github/realtimekit/model");

  static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.list(GENERATED)) {
      List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      assertTrue(sources.size() >= 20, "the models are generated: " + sources);
      return sources;
    }
  }

  @Test
  void everyFileSaysWhereItComesFromAndNotToEditIt() throws IOException {
    for (Path source : sources()) {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      assertTrue(text.startsWith("/*\n * Generated at build time from the spec realtimekit-recordings.yaml"), source + "\n" + text.lines().findFirst());
      assertTrue(text.contains("Do not edit"), source.toString());
    }
  }

  @Test
  void everyImportIsUsedAndNoneRepeats() throws IOException {
    for (Path source : sources()) {
      List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
      List<String> imports = lines.stream().filter(l -> l.startsWith("import ")).toList();
      assertEquals(new HashSet<>(imports).size(), imports.size(), source + " repeats an import: " + imports);
      String body = String.join("\n", lines.stream().filter(l -> !l.startsWith("import ")).toList());
      for (String line : imports) {
        assertFalse(line.endsWith("*;"), source + ": " + line);
        String simpleName = line.substring(line.lastIndexOf('.') + 1, line.length() - 1);
        assertTrue(Pattern.compile("\\b" + simpleName + "\\b").matcher(body).find(), source + " does not use " + line);
      }
    }
  }

  @Test
  void javadocHasOnlyTheSpecsWordsAndNestedModelsCascade() throws IOException {
    Set<String> placeholders = Set.of("The {@code", "the value{@code", "List<@Valid");
    List<String> found = new ArrayList<>();
    for (Path source : sources()) {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      placeholders.stream().filter(text::contains).forEach(p -> found.add(source.getFileName() + ": " + p));
      assertFalse(Pattern.compile("/\\*\\*\\s*\\*/").matcher(text).find(), source + " has an empty Javadoc comment");
    }
    assertEquals(List.of(), found);

    String recording = Files.readString(GENERATED.resolve("Recording.java"), StandardCharsets.UTF_8);
    assertTrue(recording.contains("   * ID of the recording\n"), "the spec's description of id");
    assertTrue(recording.contains("  @jakarta.validation.Valid\n  @JsonProperty(\"meeting\")"), "a nested model cascades");
  }
}
