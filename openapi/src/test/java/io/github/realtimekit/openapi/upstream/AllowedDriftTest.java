package io.github.realtimekit.openapi.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
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
  void anEntryForAnyOperationAllowsTheDifferenceInEachAndOnlyThere() {
    AllowedDrift allowed = AllowedDrift.parse("f", List.of(
        "*?page_no type: number => integer (int32) -- whole numbers",
        "* response 4XX: absent => present -- the error envelopes"));

    assertTrue(allowed.allows(difference("list_things?page_no", "type", "number", "integer (int32)", "list_things")));
    assertTrue(allowed.allows(difference("get_thing", "response 4XX", "absent", "present", "get_thing")));
    assertEquals("whole numbers", allowed.reason(
        difference("list_others?page_no", "type", "number", "integer (int32)", "list_others")));
    assertFalse(allowed.allows(difference("list_things?page_no", "type", "number", "integer (int64)", "list_things")),
        "another difference of the same parameter");
    assertFalse(allowed.allows(difference("list_things?per_page", "type", "number", "integer (int32)", "list_things")));
    assertFalse(allowed.allows(difference("Paging.page_no", "type", "number", "integer (int32)", "list_things")),
        "a component's property is no operation's parameter");
    assertFalse(allowed.allows(difference("get_thing", "response 5XX", "absent", "present", "get_thing")));
    assertFalse(AllowedDrift.parse("f", List.of("* operation: absent => present -- any")).allows(
        difference("GET /things", "operation", "absent", "present", "GET /things")), "a whole operation is never allowed so");
  }

  @Test
  void aStarStandsOnlyForAnOperation() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AllowedDrift.parse("f", List.of("*.file_size type: number => integer -- any schema")));

    assertTrue(e.getMessage().startsWith("f line 1: '*' stands for an operation"), e.getMessage());
  }

  private static UpstreamDrift.Difference difference(String location, String aspect, String upstream, String spec,
      String operation) {
    return new UpstreamDrift.Difference(location, aspect, upstream, spec, Set.of(operation));
  }

  @Test
  void anEntryListedTwiceIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AllowedDrift.parse("f",
        List.of("X type: a => b -- one", "X type: a => b -- two")));

    assertTrue(e.getMessage().contains("listed twice"), e.getMessage());
  }
}
