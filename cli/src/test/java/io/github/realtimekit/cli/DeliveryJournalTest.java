package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook journal: what is admitted is there after reopening, what is done is not pending, a torn tail is cut. */
class DeliveryJournalTest {

  private static final Instant NOW = Instant.parse("2026-06-30T09:00:00Z");

  @TempDir
  Path dir;

  @Test
  void deliveriesAdmittedFromManyThreadsAreAllThereAfterReopening() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<DeliveryJournal.Admission>> admissions = new ArrayList<>();
    try (DeliveryJournal journal = DeliveryJournal.open(dir)) {
      for (int i = 0; i < 400; i++) {
        String key = "d-" + (i % 200);
        String recording = i % 2 == 0 ? "r-" + (i % 200) : null;
        admissions.add(pool.submit(() -> journal.admit(key, "recording.statusUpdate", recording, NOW)));
      }
      int accepted = 0;
      for (Future<DeliveryJournal.Admission> a : admissions) {
        accepted += a.get() == DeliveryJournal.Admission.ACCEPTED ? 1 : 0;
      }
      assertEquals(200, accepted, "each key accepted once, its repeats duplicates");
      journal.done("d-0", "r-0", true);
    } finally {
      pool.shutdown();
    }
    try (DeliveryJournal reopened = DeliveryJournal.open(dir)) {
      for (int i = 0; i < 200; i++) {
        assertTrue(reopened.has("d-" + i));
      }
      assertTrue(reopened.isArchived("r-0"));
      assertTrue(reopened.pending().stream().noneMatch(p -> p.key().equals("d-0")));
      assertEquals(200, Files.readAllLines(dir.resolve(DeliveryJournal.NAME)).size() - 1);
    }
  }

  @Test
  void aTornLastLineIsCutAndASecondOpenerIsRefused() throws IOException {
    try (DeliveryJournal journal = DeliveryJournal.open(dir)) {
      journal.admit("a", "recording.statusUpdate", "r-a", NOW);
      assertThrows(IllegalStateException.class, () -> DeliveryJournal.open(dir));
    }
    String torn = "{\"delivery\":\"b\",\"rec";
    Files.writeString(dir.resolve(DeliveryJournal.NAME), torn, StandardOpenOption.APPEND);
    try (DeliveryJournal journal = DeliveryJournal.open(dir)) {
      assertEquals(torn.length(), journal.droppedBytes());
      assertEquals(List.of(new DeliveryJournal.Pending("a", "r-a")), journal.pending());
      assertEquals(DeliveryJournal.Admission.ACCEPTED, journal.admit("b", "meeting.started", null, NOW));
    }
    assertEquals(2, Files.readAllLines(dir.resolve(DeliveryJournal.NAME)).size());
  }
}
