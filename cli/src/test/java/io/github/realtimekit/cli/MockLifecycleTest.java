package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.realtimekit.fixtures.TestClock;
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
 * The built-in mock plays a recording's whole life, one command after another as a user types them,
 * each command in its own mock that finds the recordings in the state file the previous one left.
 */
class MockLifecycleTest {

  private static final String MEETING = "97440c6a-140b-40a9-9499-b23fd7a3868a";

  @TempDir
  Path dir;

  private final TestClock clock = new TestClock(Instant.parse("2026-06-30T09:15:00Z"));

  private Cli.Result run(String... args) {
    Map<String, String> env = Map.of("REALTIMEKIT_MOCK_STATE", dir.resolve("state/mock.json").toString());
    List<String> all = new ArrayList<>(Arrays.asList(args));
    return Cli.runWith(RunHooks.inProcess(clock, new CompletableFuture<>()), env, all.toArray(String[]::new));
  }

  private JsonNode json(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add("--json");
    Cli.Result r = run(all.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.toString());
    return r.jsonLines().get(0);
  }

  private JsonNode start(String meeting, String... more) {
    List<String> all = new ArrayList<>(List.of("start", "--meeting", meeting));
    all.addAll(Arrays.asList(more));
    return json(all.toArray(String[]::new));
  }

  private Cli.Result active(String meeting, String... more) {
    List<String> all = new ArrayList<>(List.of("active", "--meeting", meeting));
    all.addAll(Arrays.asList(more));
    return run(all.toArray(String[]::new));
  }

  private JsonNode act(String action, String id) {
    return json(action, id);
  }

  @Test
  void aRecordingLivesFromStartToDownload() throws Exception {
    JsonNode started = start(MEETING, "--file-name-prefix", "standup");
    String id = started.get("id").asText();
    UUID.fromString(id);
    assertEquals("INVOKED", started.get("status").asText());
    assertEquals("2026-06-30T09:15:00Z", started.get("invoked_time").asText());
    assertEquals("recording-" + id + ".mp4", started.get("output_file_name").asText());

    Cli.Result active = active(MEETING, "--json");
    assertEquals(0, active.exitCode(), active.toString());
    assertEquals(id, active.jsonLines().get(0).get("id").asText());

    clock.advance(Duration.ofSeconds(3));
    assertEquals("RECORDING", json("get", id).get("status").asText(), "INVOKED settles into RECORDING");
    assertEquals("2026-06-30T09:15:03Z", json("get", id).get("started_time").asText());
    assertEquals("PAUSED", act("pause", id).get("status").asText());
    assertEquals("PAUSED", active(MEETING, "--json").jsonLines().get(0).get("status").asText());
    JsonNode resumed = act("resume", id);
    assertEquals("RECORDING", resumed.get("status").asText());
    assertEquals("2026-06-30T09:15:03Z", resumed.get("started_time").asText(), "the time it first started");
    clock.advance(Duration.ofMinutes(30));
    JsonNode stopped = act("stop", id);
    assertEquals("UPLOADING", stopped.get("status").asText());
    assertEquals("2026-06-30T09:45:03Z", stopped.get("stopped_time").asText());
    assertTrue(!stopped.hasNonNull("download_url"), stopped.toString());

    Cli.Result none = active(MEETING);
    assertEquals(ExitCode.NONE, none.exitCode(), "a stopped recording is no longer active: " + none);
    assertEquals("", none.out());
    assertEquals("UPLOADING", json("get", id).get("status").asText());
    clock.advance(Duration.ofSeconds(3));
    JsonNode uploaded = json("get", id);
    assertEquals("UPLOADED", uploaded.get("status").asText());
    assertTrue(uploaded.get("download_url").asText().startsWith("http://127.0.0.1:"), uploaded.toString());
    assertEquals(MockServer.content(UUID.fromString(id), false).length, uploaded.get("file_size").asLong());
    assertEquals("2026-07-01T09:45:06Z", uploaded.get("download_url_expiry").asText());

    Cli.Result listed = run("list", "--json");
    assertEquals(id, listed.jsonLines().get(0).get("id").asText(), "the newest recording first");
    assertEquals("UPLOADED", listed.jsonLines().get(0).get("status").asText());

    Cli.Result download = run("download", id, "-o", dir.toString());
    assertEquals(0, download.exitCode(), download.toString());
    assertArrayEquals(MockServer.content(UUID.fromString(id), false),
        Files.readAllBytes(dir.resolve("recording-" + id + ".mp4")));

    Path archive = dir.resolve("archive");
    Cli.Result archived = run("archive", "--dir", archive.toString());
    assertEquals(0, archived.exitCode(), archived.toString());
    assertTrue(archived.out().contains("recording-" + id + ".mp4"), archived.toString());
  }

  @Test
  void aSecondStartOfTheSameMeetingIsAConflictUnlessMultipleAreAllowed() {
    start(MEETING);

    Cli.Result second = run("start", "--meeting", MEETING);
    assertEquals(ExitCode.API_ERROR, second.exitCode(), second.toString());
    assertTrue(second.err().contains("409"), second.err());
    assertTrue(second.err().contains("allow_multiple_recordings"), second.err());

    JsonNode allowed = start(MEETING, "--allow-multiple");
    assertEquals("INVOKED", allowed.get("status").asText());
    assertEquals(allowed.get("id").asText(), active(MEETING, "--json").jsonLines().get(0).get("id").asText(),
        "the newest active recording");
  }

  @Test
  void aStartWithoutItsMeetingNamesTheOptionAndSendsNothing() {
    Cli.Result r = run("start");

    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("realtimekit-recordings: --meeting is required (the body's meeting_id); nothing was sent"),
        r.err());
  }

  @Test
  void aMeetingWithNoActiveRecordingIsSaidSoWithItsOwnExitCode() {
    Cli.Result none = active(UUID.randomUUID().toString());

    assertEquals(ExitCode.NONE, none.exitCode(), none.toString());
    assertEquals("", none.out());
    assertTrue(none.err().endsWith("realtimekit-recordings: No active recording" + System.lineSeparator()), none.err());
  }

  @Test
  void theOperationsOwnCommandPlaysTheSameLife() {
    String id = start(MEETING).get("id").asText();

    assertEquals("PAUSED", json("pause-resume-stop-recording", id, "--action", "pause").get("status").asText());
    assertEquals("UPLOADING", json("pause-resume-stop-recording", id, "--action", "stop")
        .get("status").asText());
  }

  @Test
  void aStoppedRecordingCannotBePausedAndAnUnknownOneIsNotFound() {
    String id = start(MEETING).get("id").asText();
    act("stop", id);

    Cli.Result pause = run("pause", id);
    assertEquals(ExitCode.API_ERROR, pause.exitCode(), pause.toString());
    assertTrue(pause.err().contains("its status is UPLOADING"), pause.err());

    Cli.Result unknown = run("stop", UUID.randomUUID().toString());
    assertEquals(ExitCode.API_ERROR, unknown.exitCode(), unknown.toString());
    assertTrue(unknown.err().contains("not found"), unknown.err());
  }

  @Test
  void aTrackRecordingIsWrappedAsTheSpecSaysAndFoundAsActive() {
    JsonNode track = json("start-track", "--meeting", MEETING);
    String id = track.at("/recording/id").asText();
    assertEquals("INVOKED", track.at("/recording/status").asText(), track.toString());
    assertEquals("track-" + id + ".webm", track.at("/recording/output_file_name").asText());

    assertEquals(id, active(MEETING, "--json").jsonLines().get(0).get("id").asText());
  }
}
