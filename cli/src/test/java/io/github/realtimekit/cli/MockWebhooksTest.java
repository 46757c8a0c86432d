package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.realtimekit.fixtures.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in mock plays a webhook's life as the spec's rules for the webhook operations say, one
 * command after another, apart from the recordings it keeps.
 */
class MockWebhooksTest {

  private static final String EXAMPLE_ID = "0d1f069d-43bb-489a-ad8c-7eb95592ba8e";

  @TempDir
  Path dir;

  private final TestClock clock = new TestClock(Instant.parse("2026-06-30T09:15:00Z"));

  private Cli.Result run(String... args) {
    Map<String, String> env = Map.of("REALTIMEKIT_MOCK_STATE", dir.resolve("state/mock.json").toString());
    return Cli.runWith(RunHooks.inProcess(clock, new CompletableFuture<>()), env, args);
  }

  private List<JsonNode> lines(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add("--json");
    Cli.Result r = run(all.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.toString());
    return r.jsonLines();
  }

  private JsonNode json(String... args) {
    return lines(args).get(0);
  }

  private String body(String json) throws IOException {
    Path file = Files.createTempFile(dir, "body", ".json");
    Files.writeString(file, json);
    return file.toString();
  }

  private List<String> ids(List<JsonNode> webhooks) {
    return webhooks.stream().map(w -> w.get("id").asText()).toList();
  }

  @Test
  void aWebhookIsAddedEditedReplacedAndDeleted() throws IOException {
    String hook = body("{\"name\": \"archive\", \"url\": \"https://example.com/hook\","
        + " \"events\": [\"recording.statusUpdate\"]}");
    JsonNode first = json("webhooks-create", "--body", hook);
    String id = first.get("id").asText();
    UUID.fromString(id);
    assertFalse(id.equals(EXAMPLE_ID), "a new ID");
    assertEquals("archive", first.get("name").asText(), first.toString());
    assertEquals("https://example.com/hook", first.get("url").asText());
    assertEquals("[\"recording.statusUpdate\"]", first.get("events").toString());
    assertTrue(first.get("enabled").asBoolean(), "enabled unless the body says otherwise");
    assertEquals("2026-06-30T09:15:00Z", first.get("created_at").asText());

    clock.advance(Duration.ofMinutes(1));
    String second = json("webhooks-create", "--body", hook, "--name", "second").get("id").asText();
    assertEquals(List.of(second, id, EXAMPLE_ID), ids(lines("webhooks-list")),
        "the kept webhooks, newest first, before the example's");

    clock.advance(Duration.ofMinutes(1));
    JsonNode edited = json("webhooks-edit", id, "--body", body("{\"enabled\": false}"));
    assertFalse(edited.get("enabled").asBoolean(), edited.toString());
    assertEquals("archive", edited.get("name").asText(), "a field not sent stays as it is");
    assertEquals("2026-06-30T09:17:00Z", edited.get("updated_at").asText());
    assertEquals("2026-06-30T09:15:00Z", edited.get("created_at").asText());

    JsonNode replaced = json("webhooks-replace", id, "--body", body("{\"name\": \"renamed\","
        + " \"url\": \"https://example.com/other\", \"events\": [\"meeting.ended\"]}"));
    assertTrue(replaced.get("enabled").asBoolean(), "a replace without enabled enables it again");
    assertEquals("renamed", json("webhooks-get", id).get("name").asText());

    assertEquals("renamed", json("webhooks-delete", id).get("name").asText(), "the deleted webhook is answered");
    assertEquals(List.of(second, EXAMPLE_ID), ids(lines("webhooks-list")));
    Cli.Result again = run("webhooks-delete", id);
    assertEquals(ExitCode.API_ERROR, again.exitCode(), again.toString());
    assertTrue(again.err().contains("not found"), again.err());
  }

  @Test
  void webhooksAndRecordingsLiveApart() throws IOException {
    String webhook = json("webhooks-create", "--body", body("{\"name\": \"n\", \"url\": \"https://example.com/h\","
        + " \"events\": [\"meeting.started\"]}")).get("id").asText();
    String recording = json("start", "--meeting", "97440c6a-140b-40a9-9499-b23fd7a3868a").get("id").asText();

    List<String> recordings = ids(lines("list"));
    assertTrue(recordings.contains(recording) && !recordings.contains(webhook), recordings.toString());
    List<String> webhooks = ids(lines("webhooks-list"));
    assertTrue(webhooks.contains(webhook) && !webhooks.contains(recording), webhooks.toString());

    Cli.Result edit = run("webhooks-edit", recording, "--body", body("{\"name\": \"x\"}"));
    assertEquals(ExitCode.API_ERROR, edit.exitCode(), "a recording's ID names no webhook: " + edit);
    Cli.Result pause = run("pause", webhook);
    assertEquals(ExitCode.API_ERROR, pause.exitCode(), "nor a webhook's a recording: " + pause);
  }
}
