package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code archive} of 1,000 recordings by the packaged jar in a JVM limited to a 64 MB heap: memory stays
 * bounded by the page, the window and the downloads under way, not by the number of recordings; and
 * killed with SIGKILL in the middle, it leaves nothing incomplete under a final name, and a second run
 * fetches nothing it had acknowledged.
 */
class ArchiveJarIT {

  private static final int RECORDINGS = 1000;

  @TempDir
  Path dir;

  private ArchiveFakes fakes;

  @BeforeEach
  void start() throws Exception {
    fakes = new ArchiveFakes(RECORDINGS);
  }

  @AfterEach
  void stop() {
    fakes.close();
  }

  @Test
  void archivesAThousandRecordingsIn64MbAndASecondRunDownloadsNothing() throws Exception {
    Path archive = dir.resolve("archive");
    ArchiveFakes.Run first = fakes.archive(dir, archive);

    assertEquals(0, first.exitCode(), first.toString());
    assertEquals(RECORDINGS, fakes.fileRequests.get());
    try (Stream<Path> files = Files.list(archive)) {
      assertEquals(RECORDINGS + 1, files.count(), "every file and the manifest, no partial file");
    }
    assertEquals(RECORDINGS, Files.readAllLines(archive.resolve(ArchiveManifest.NAME)).size());
    assertArrayEquals(ArchiveFakes.content(ArchiveFakes.id(777)),
        Files.readAllBytes(archive.resolve(ArchiveFakes.fileName(777))));
    assertEquals(RECORDINGS, first.out().lines().count(), "each archived file's path");
    assertTrue(first.err().contains(": 1000 downloaded (3.9 MiB), 0 already archived, 0 without a download URL, "
        + "0 failed"), first.err());

    fakes.fileRequests.set(0);
    ArchiveFakes.Run second = fakes.archive(dir, archive);

    assertEquals(0, second.exitCode(), second.toString());
    assertEquals(0, fakes.fileRequests.get(), "a second run downloads nothing");
    assertTrue(second.err().contains(": 0 downloaded (0 B), 1000 already archived"), second.err());
  }

  @Test
  void killedInTheMiddleItLeavesNothingIncompleteUnderAFinalNameAndARerunFetchesNothingItAcknowledged()
      throws Exception {
    Path archive = dir.resolve("archive");
    Set<Path> acknowledged = new HashSet<>();
    // Three runs killed at different points, each continuing what the one before left.
    for (int round = 0; round < 3; round++) {
      killAfter(archive, RECORDINGS / 5, acknowledged);
    }
    assertTrue(acknowledged.size() < RECORDINGS, "killed in the middle: " + acknowledged.size());

    fakes.requested.clear();
    ArchiveFakes.Run rerun = fakes.archive(dir, archive);

    assertEquals(0, rerun.exitCode(), rerun.toString());
    for (UUID id : fakes.requested) {
      assertTrue(acknowledged.stream().noneMatch(p -> p.getFileName().toString().startsWith(id.toString())),
          "fetched again though acknowledged: " + id);
    }
    try (Stream<Path> files = Files.list(archive)) {
      assertEquals(RECORDINGS + 1, files.count(), "every file and the manifest, no partial file");
    }
    assertTrue(rerun.err().contains(" already archived") && rerun.out().lines().count() <= RECORDINGS - acknowledged
        .size(), rerun.err());
  }

  /**
   * Runs an archive until it has printed {@code printed} paths, kills it with SIGKILL, and checks what it
   * left: every file under a final name complete and recorded, every path it printed there.
   */
  private void killAfter(Path archive, int printed, Set<Path> acknowledged) throws Exception {
    Path stdout = dir.resolve("stdout.txt");
    Process process = fakes.start(dir, archive);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (Files.readString(stdout).lines().count() < printed) {
      assertTrue(process.isAlive(), "the archive ended before it was killed");
      assertTrue(System.nanoTime() < deadline, printed + " files archived within 120 s");
      Thread.sleep(20);
    }
    process.destroyForcibly();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));

    // Acknowledged: each whole line of its standard output, a path.
    List<String> lines = Arrays.asList(Files.readString(stdout).split("\n", -1));
    lines.subList(0, lines.size() - 1).forEach(line -> acknowledged.add(Path.of(line)));
    // The manifest, as opening it reads it: an incomplete last line dropped.
    String text = Files.readString(archive.resolve(ArchiveManifest.NAME));
    Map<String, JsonNode> recorded = new HashMap<>();
    for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
      JsonNode node = new ObjectMapper().readTree(line);
      recorded.put(node.get("file").asText(), node);
    }
    try (Stream<Path> files = Files.list(archive)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || name.equals(ArchiveManifest.NAME)) {
          continue;
        }
        JsonNode line = recorded.get(name);
        assertTrue(line != null, name + " is under its final name without its manifest line");
        byte[] expected = ArchiveFakes.content(UUID.fromString(name.substring(0, 36)));
        assertArrayEquals(expected, Files.readAllBytes(file), name + " is complete");
        assertEquals(expected.length, line.get("bytes").asLong());
        assertEquals(ArchivedFile.sha256(file), line.get("sha256").asText());
      }
    }
    for (Path file : acknowledged) {
      assertTrue(Files.isRegularFile(file) && recorded.containsKey(file.getFileName().toString()),
          file + " was acknowledged");
    }
  }
}
