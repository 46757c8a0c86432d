package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveCommitsTest {

  @TempDir
  Path dir;

  /** A complete partial file for file {@code n}, as a download leaves it. */
  private ArchiveCommits.Finished finished(int n) throws IOException {
    Path target = dir.resolve("file-" + n + ".mp4");
    Path partial = dir.resolve(".file-" + n + ".mp4.part");
    byte[] bytes = ("bytes of " + n).getBytes(StandardCharsets.UTF_8);
    Files.write(partial, bytes);
    return new ArchiveCommits.Finished(partial, target, new ArchiveManifest.Line("id-" + n, "video",
        target.getFileName().toString(), bytes.length, "ab".repeat(32), null, Instant.EPOCH));
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Throwable failure(CompletableFuture<Path> done) throws Exception {
    ExecutionException e = assertThrows(ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));
    return e.getCause();
  }

  @Test
  void aFileGetsItsLineThenItsNameAndOnlyThenIsAcknowledged() throws Exception {
    try (ArchiveManifest manifest = ArchiveManifest.open(dir); ArchiveCommits commits = new ArchiveCommits(manifest,
        dir)) {
      CompletableFuture<Path> done = commits.submit(finished(1));

      assertEquals(dir.resolve("file-1.mp4"), done.get(10, TimeUnit.SECONDS));
      assertEquals(new ArchiveManifest.Entry(10, "ab".repeat(32)), manifest.entry("file-1.mp4"));
      assertArrayEquals("bytes of 1".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(done.get()));
    }
    assertEquals(List.of("file-1.mp4", ArchiveManifest.NAME), names());
    assertTrue(Files.readString(dir.resolve(ArchiveManifest.NAME)).contains("\"file\":\"file-1.mp4\""));
  }

  @Test
  void filesThatFinishWhileACommitIsUnderWayShareTheNextOne() throws Exception {
    List<CompletableFuture<Path>> done = new ArrayList<>();
    try (ArchiveManifest manifest = ArchiveManifest.open(dir); ArchiveCommits commits = new ArchiveCommits(manifest,
        dir)) {
      synchronized (manifest) {
        // The manifest is held: whatever group the committer took waits, and the rest waits for it.
        for (int n = 1; n <= 20; n++) {
          done.add(commits.submit(finished(n)));
        }
      }
      for (CompletableFuture<Path> d : done) {
        d.get(10, TimeUnit.SECONDS);
      }

      assertTrue(manifest.flushes() <= 2, "20 files in at most two groups, not one flush each: "
          + manifest.flushes());
      assertEquals(20, Files.readAllLines(dir.resolve(ArchiveManifest.NAME)).size());
    }
  }

  @Test
  void aGroupHoldsAtMostItsCountOfFiles() throws Exception {
    List<CompletableFuture<Path>> done = new ArrayList<>();
    try (ArchiveManifest manifest = ArchiveManifest.open(dir); ArchiveCommits commits = new ArchiveCommits(manifest,
        dir, 4)) {
      synchronized (manifest) {
        for (int n = 1; n <= 10; n++) {
          done.add(commits.submit(finished(n)));
        }
      }
      for (CompletableFuture<Path> d : done) {
        d.get(10, TimeUnit.SECONDS);
      }

      assertTrue(manifest.flushes() >= 3, "10 files in groups of at most 4: " + manifest.flushes());
    }
  }

  @Test
  void aFileThatCannotBeFlushedFailsAloneAndTheRestOfItsGroupIsArchived() throws Exception {
    try (ArchiveManifest manifest = ArchiveManifest.open(dir); ArchiveCommits commits = new ArchiveCommits(manifest,
        dir)) {
      ArchiveCommits.Finished gone = finished(2);
      Files.delete(gone.partial());
      CompletableFuture<Path> first;
      CompletableFuture<Path> second;
      CompletableFuture<Path> third;
      synchronized (manifest) {
        first = commits.submit(finished(1));
        second = commits.submit(gone);
        third = commits.submit(finished(3));
      }

      first.get(10, TimeUnit.SECONDS);
      third.get(10, TimeUnit.SECONDS);
      Failure f = assertInstanceOf(Failure.class, failure(second));
      assertEquals(ExitCode.CANNOT_WRITE, f.exitCode());
      assertNull(manifest.entry("file-2.mp4"), "no line for it");
    }
    assertEquals(List.of("file-1.mp4", "file-3.mp4", ArchiveManifest.NAME), names());
  }

  @Test
  void whenTheLinesCannotBeWrittenNoFileOfTheGroupGetsItsName() throws Exception {
    ArchiveManifest manifest = ArchiveManifest.open(dir);
    try (ArchiveCommits commits = new ArchiveCommits(manifest, dir)) {
      manifest.close();

      CompletableFuture<Path> done = commits.submit(finished(1));

      Failure f = assertInstanceOf(Failure.class, failure(done));
      assertEquals(ExitCode.CANNOT_WRITE, f.exitCode());
      assertTrue(f.getMessage().contains(ArchiveManifest.NAME), f.getMessage());
    }
    assertEquals(List.of(".file-1.mp4.part", ArchiveManifest.NAME), names(), "left complete, to finish next time");
  }

  @Test
  void closingCommitsWhatWasHandedOverAndRefusesMore() throws Exception {
    List<CompletableFuture<Path>> done = new ArrayList<>();
    ArchiveCommits.Finished late = finished(99);
    try (ArchiveManifest manifest = ArchiveManifest.open(dir)) {
      ArchiveCommits commits = new ArchiveCommits(manifest, dir);
      for (int n = 1; n <= 5; n++) {
        done.add(commits.submit(finished(n)));
      }
      commits.close();

      for (CompletableFuture<Path> d : done) {
        assertTrue(d.isDone() && !d.isCompletedExceptionally());
      }
      assertInstanceOf(Failure.class, failure(commits.submit(late)));
    }
    assertFalse(Files.exists(late.target()));
    assertTrue(Files.exists(late.partial()));
  }
}
