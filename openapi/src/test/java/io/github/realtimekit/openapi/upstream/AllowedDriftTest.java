package io.github.realtimekit.openapi.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The allow-list file: every entry names a difference and gives its reason. */
class AllowedDriftTest {

  @Test
  void readsEntriesWithTheirReasonsAndSkipsComments() {
    AllowedDrift allowed = AllowedDrift.parse("allowed-drift.txt", List.of(
        "# a comment",
        "",
        "Paging.total_count type: number => integer (int64) -- a count -- of recordings"));

    assertEquals(Map.of("Paging.total_count type: number => integer (int64)", "a count -- of recordings"),
        allowed.entries());
  }

  @Test
  void anEntryWithoutAReasonIsAnErrorNamingItsLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AllowedDrift.parse(
        "allowed-drift.txt", List.of("# head", "Paging.total_count type: number => integer (int64)")));

    assertTrue(e.getMessage().startsWith("allowed-drift.txt line 2: expected"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AllowedDrift.parse("f", List.of("X type: a => b --  ")));
  }

  @Test
  void anEntryListedTwiceIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AllowedDrift.parse("f",
        List.of("X type: a => b -- one", "X type: a => b -- two")));

    assertTrue(e.getMessage().contains("listed twice"), e.getMessage());
  }
}
