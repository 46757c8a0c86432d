package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ArchiveManifest}: wherever a crash stops a write, the manifest opens readable. */
class ArchiveManifestTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

  @TempDir
  Path dir;

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  private static ArchiveManifest.Line line(int n) {
    return new ArchiveManifest.Line("id-" + n, "video", "file-" + n + ".mp4", 1000L * n, "ab".repeat(32),
        OffsetDateTime.parse("2024-01-01T10:00:00+05:30"), NOW);
  }

  private static void append(ArchiveManifest manifest, int n) throws IOException {
    manifest.appendAll(List.of(line(n)));
  }

  @Test
  void aGroupOfLinesIsWrittenWithOneFlushAndEachFileIsRecorded() throws IOException {
    try (ArchiveManifest manifest = ArchiveManifest.open(dir)) {
      manifest.appendAll(List.of(line(1), line(2), line(3)));

      assertEquals(1, manifest.flushes());
      assertEquals(new ArchiveManifest.Entry(2000, "ab".repeat(32)), manifest.entry("file-2.mp4"));
    }

    List<JsonNode> lines = lines(dir.resolve(ArchiveManifest.NAME));
    assertEquals(3, lines.size());
    assertEquals("file-3.mp4", lines.get(2).get("file").asText());
    try (ArchiveManifest reopened = ArchiveManifest.open(dir)) {
      assertEquals(new ArchiveManifest.Entry(3000, "ab".repeat(32)), reopened.entry("file-3.mp4"));
    }
  }

  @Test
  void linesAreAppendedAsJson() throws IOException {
    try (ArchiveManifest manifest = ArchiveManifest.open(dir)) {
      append(manifest, 1);
      append(manifest, 2);
    }

    List<JsonNode> lines = lines(dir.resolve(ArchiveManifest.NAME));

    assertEquals(2, lines.size());
    assertEquals("{\"id\":\"id-2\",\"kind\":\"video\",\"file\":\"file-2.mp4\",\"bytes\":2000,\"sha256\":\""
        + "ab".repeat(32) + "\",\"invoked_time\":\"2024-01-01T10:00+05:30\",\"archived_at\":\"2024-06-01T12:00:00Z\"}",
        lines.get(1).toString());
  }

  @Test
  void aCrashAtAnyByteOfAWriteLeavesAManifestThatOpensReadable() throws IOException {
    try (ArchiveManifest manifest = ArchiveManifest.open(dir)) {
      append(manifest, 1);
      append(manifest, 2);
      append(manifest, 3);
    }
    byte[] whole = Files.readAllBytes(dir.resolve(ArchiveManifest.NAME));
    int firstLineEnd = indexOfNewline(whole, 0) + 1;
    int secondLineEnd = indexOfNewline(whole, firstLineEnd) + 1;

    // Every byte around the line ends, and every 11th byte between them (each case costs a few fsyncs).
    java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
    for (int end : new int[] {0, firstLineEnd, secondLineEnd, whole.length}) {
      for (int i = end - 2; i <= end + 2; i++) {
        if (i >= 0 && i <= whole.length) {
          cuts.add(i);
        }
      }
    }
    for (int i = 0; i <= whole.length; i += 11) {
      cuts.add(i);
    }
    for (int cut : cuts) {
      Path crashed = Files.createDirectories(dir.resolve("cut-" + cut));
      Files.write(crashed.resolve(ArchiveManifest.NAME), Arrays.copyOf(whole, cut));

      try (ArchiveManifest manifest = ArchiveManifest.open(crashed)) {
        append(manifest, 4);
      }

      List<JsonNode> lines = lines(crashed.resolve(ArchiveManifest.NAME));
      int complete = cut == whole.length ? 3 : cut >= secondLineEnd ? 2 : cut >= firstLineEnd ? 1 : 0;
      assertEquals(complete + 1, lines.size(), "cut at byte " + cut);
      assertEquals("id-4", lines.get(lines.size() - 1).get("id").asText(), "cut at byte " + cut);
    }
  }

  @Test
  void aManifestWithoutAnyNewlineIsEmptiedAndSaysHowMuchItDropped() throws IOException {
    Files.writeString(dir.resolve(ArchiveManifest.NAME), "x".repeat(20_000));

    try (ArchiveManifest manifest = ArchiveManifest.open(dir)) {
      assertEquals(20_000, manifest.droppedBytes());
    }

    assertEquals(0, Files.size(dir.resolve(ArchiveManifest.NAME)));
  }

  @Test
  void aWholeManifestIsLeftAsItIs() throws IOException {
    Files.writeString(dir.resolve(ArchiveManifest.NAME), "{\"id\":\"a\"}\n");

    try (ArchiveManifest manifest = ArchiveManifest.open(dir)) {
      assertEquals(0, manifest.droppedBytes());
    }

    assertTrue(Files.readString(dir.resolve(ArchiveManifest.NAME)).equals("{\"id\":\"a\"}\n"));
  }

  private static int indexOfNewline(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  @Test
  void openingReadsWhatEachFileRecordsTheLaterLineWinning() throws IOException {
    Files.writeString(dir.resolve(ArchiveManifest.NAME), "{\"file\":\"a.mp4\",\"bytes\":1,\"sha256\":\"01\"}\n"
        + "not json\n"
        + "{\"file\":\"b.mp4\",\"bytes\":\"2\",\"sha256\":\"02\"}\n"
        + "{\"file\":\"a.mp4\",\"bytes\":3,\"sha256\":\"03\"}\n");

    try (ArchiveManifest manifest = ArchiveManifest.open(dir)) {
      assertEquals(new ArchiveManifest.Entry(3, "03"), manifest.entry("a.mp4"));
      assertEquals(null, manifest.entry("b.mp4"), "a line without a numeric size records nothing");
      append(manifest, 4);
      assertEquals(new ArchiveManifest.Entry(4000, "ab".repeat(32)), manifest.entry("file-4.mp4"));
    }
  }
}
