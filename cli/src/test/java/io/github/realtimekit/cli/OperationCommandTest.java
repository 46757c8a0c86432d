package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared base of the commands built from the spec, through commands written the same way. */
class OperationCommandTest {

  @TempDir
  Path dir;

  private static Cli.Result run(String... args) {
    return runOn(Terminal.NONE, args);
  }

  private static Cli.Result runOn(Terminal terminal, String... args) {
    return Cli.runWith(SampleCommands.commands(), "", terminal, Map.of(), args);
  }

  private static Cli.Result withStdin(String stdin, String... args) {
    return Cli.runWith(SampleCommands.commands(), stdin, Terminal.NONE, Map.of(), args);
  }

  @Test
  void aModelIsWrittenAsFieldLinesWithSecretsMaskedAndControlCharactersEscaped() {
    Cli.Result r = run("--mock", SampleCommands.ONE, Examples.RECORDING.toString());

    assertEquals(0, r.exitCode(), r.toString());
    List<String> lines = r.outLines();
    assertEquals("id: " + Examples.RECORDING, lines.get(0));
    assertTrue(lines.contains("storage_config:"), r.out());
    assertTrue(lines.contains("  secret: ***"), r.out());
    assertTrue(lines.contains("  type: aws"), r.out());
  }

  @Test
  void jsonIsOneLineShapedAsTheApiWithSecretsMasked() {
    Cli.Result r = run("--mock", SampleCommands.ONE, Examples.RECORDING.toString(), "--json");

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(1, r.outLines().size(), r.out());
    JsonNode json = r.jsonLines().get(0);
    assertEquals(Examples.RECORDING.toString(), json.get("id").asText());
    assertEquals("***", json.at("/storage_config/secret").asText());
  }

  @Test
  void aPageIsATableOfTheItemsWithAHintWhenMoreFollow() {
    Cli.Result r = run("--mock", SampleCommands.PAGED);

    assertEquals(0, r.exitCode(), r.toString());
    List<String> lines = r.outLines();
    assertEquals(3, lines.size(), r.out());
    assertTrue(lines.get(0).startsWith("id  "), r.out());
    assertTrue(lines.get(0).contains("storage_config.secret"), r.out());
    assertTrue(lines.get(1).startsWith("00000000-0000-0000-0000-000000000001  "), r.out());
    assertTrue(lines.get(1).contains("file-1\\u001B]0;x\\u0007.mp4"), r.out());
    assertTrue(lines.get(1).contains("***"), r.out());
    assertFalse(r.out().contains("s3cr3t"), r.out());
    assertFalse(r.out().contains("\u001b"), r.out());
    assertTrue(r.err().contains("more results follow; --page-no 2 for the next page, --all for every page"), r.err());
  }

  @Test
  void theLastPageHasNoHintAndAnEmptyPageSaysSo() {
    Cli.Result last = run("--mock", SampleCommands.PAGED, "--page-no", "3");
    assertEquals(0, last.exitCode(), last.toString());
    assertFalse(last.err().contains("more results"), last.err());

    Cli.Result empty = run("--mock", SampleCommands.PAGED, "--page-no", "4");
    assertEquals(0, empty.exitCode(), empty.toString());
    assertEquals("", empty.out());
    assertTrue(empty.err().contains("no results on page 4"), empty.err());
  }

  @Test
  void allPagesAsJsonAreOneLinePerItem() {
    Cli.Result r = run("--mock", SampleCommands.PAGED, "--all", "--json");

    assertEquals(0, r.exitCode(), r.toString());
    List<JsonNode> items = r.jsonLines();
    assertEquals(6, items.size(), r.out());
    assertEquals("00000000-0000-0000-0000-000000000006", items.get(5).get("id").asText());
    assertEquals("***", items.get(0).at("/storage_config/secret").asText());
  }

  @Test
  void allPagesReadableAreOneTable() {
    Cli.Result r = run("--mock", SampleCommands.PAGED, "--all");

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(7, r.outLines().size(), r.out());
  }

  @Test
  void onANarrowTerminalColumnsAreLeftOutFromTheRight() {
    Cli.Result r = runOn(new Terminal(true, 60, true), "--mock", SampleCommands.PAGED);

    assertEquals(0, r.exitCode(), r.toString());
    r.outLines().forEach(line -> assertTrue(line.length() <= 60, line));
    assertTrue(r.outLines().get(1).startsWith("00000000-0000-0000-0000-000000000001"), r.out());
  }

  @Test
  void theBodyComesFromOptionsAlone() {
    Cli.Result r = run("--mock", SampleCommands.CREATE, "--title", "t1", "--max-seconds", "30", "--json");

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("{\"title\":\"t1\",\"max_seconds\":30}", r.out().strip());
  }

  @Test
  void optionsReplaceTheFieldsOfTheBodyFile() throws Exception {
    Path file = dir.resolve("body.json");
    Files.writeString(file, "{\"title\":\"from file\",\"max_seconds\":10,\"tags\":[\"a\",\"b\"],"
        + "\"meeting_id\":\"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e\"}");

    Cli.Result r = run("--mock", SampleCommands.CREATE, "--body", file.toString(), "--max-seconds", "20", "--json");

    assertEquals(0, r.exitCode(), r.toString());
    JsonNode json = r.jsonLines().get(0);
    assertEquals("from file", json.get("title").asText());
    assertEquals(20, json.get("max_seconds").asInt());
    assertEquals("b", json.at("/tags/1").asText());
    assertEquals("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e", json.get("meeting_id").asText());
  }

  @Test
  void theBodyIsReadFromStandardInputWithADash() {
    Cli.Result r = withStdin("{\"title\":\"piped\"}", "--mock", SampleCommands.CREATE, "--body", "-");

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(List.of("title: piped"), r.outLines());
  }

  @Test
  void aBodyThatIsNotAnObjectOfTheModelIsAUsageError() throws Exception {
    Path file = dir.resolve("body.json");
    for (String[] bad : new String[][] {
        {"{\"title\":", "--body: not JSON"},
        {"[1, 2]", "--body: expected a JSON object, got array"},
        {"", "--body: expected a JSON object, got nothing"},
        {"{\"max_seconds\":\"many\"}", "--body: the request body does not fit SampleBody"},
        {"{} {}", "--body: not JSON"}}) {
      Files.writeString(file, bad[0]);
      Cli.Result r = run("--mock", SampleCommands.CREATE, "--body", file.toString());
      assertEquals(ExitCode.USAGE, r.exitCode(), bad[0] + ": " + r);
      assertTrue(r.err().contains(bad[1]), bad[0] + ": " + r.err());
      assertEquals("", r.out(), bad[0]);
    }
    Cli.Result missing = run("--mock", SampleCommands.CREATE, "--body", dir.resolve("none.json").toString());
    assertEquals(ExitCode.USAGE, missing.exitCode(), missing.toString());
    assertTrue(missing.err().contains("--body: no such file: "), missing.err());
  }

  @Test
  void aBodyTooLargeIsRefusedBeforeItIsParsed() {
    String huge = "{\"title\":\"" + "x".repeat(BodyInput.MAX_BYTES) + "\"}";
    Cli.Result r = withStdin(huge, "--mock", SampleCommands.CREATE, "--body", "-");

    assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
    assertTrue(r.err().contains("--body: standard input holds more than " + BodyInput.MAX_BYTES + " bytes"), r.err());
  }

  @Test
  void aRefusedArgumentIsNamedAsTheOptionOrArgumentThatSetIt() {
    Cli.Result r = run("--mock", SampleCommands.FAILING, "x");

    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("Invalid argument: SESSION_ID size must be between 1 and 32 (was \"\"); "
        + "--per-page must be greater than or equal to 0 (was -1); --app must not be null (was null); "
        + "unheardOf must be (was x) (nothing was sent)"), r.err());
    assertTrue(r.err().contains("Run 'realtimekit-recordings sample-fail --help' for usage."), r.err());
  }

  @Test
  void typesOfTheModelAreReadAsTheApiSpellsThem() {
    Cli.Result ok = run("--mock", SampleCommands.CONVERTED, "--status", "uploaded,ERRORED",
        "--meeting-id", "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e", "--start-time", "2024-01-01T10:00:00Z");
    assertEquals(0, ok.exitCode(), ok.toString());
    assertEquals(List.of("UPLOADED", "ERRORED", "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e", "2024-01-01T10:00Z"),
        ok.outLines());

    Cli.Result status = run("--mock", SampleCommands.CONVERTED, "--status", "DONE");
    assertEquals(ExitCode.USAGE, status.exitCode(), status.toString());
    assertTrue(status.err().contains("'DONE' is not a value of RecordingStatusFilter; expected one of INVOKED, "
        + "RECORDING, UPLOADING, UPLOADED, ERRORED, PAUSED"), status.err());

    Cli.Result uuid = run("--mock", SampleCommands.CONVERTED, "--meeting-id", "1-2-3-4-5");
    assertEquals(ExitCode.USAGE, uuid.exitCode(), uuid.toString());
    assertTrue(uuid.err().contains("'1-2-3-4-5' is not a UUID"), uuid.err());

    Cli.Result time = run("--mock", SampleCommands.CONVERTED, "--start-time", "2024-01-01T10:00:00");
    assertEquals(ExitCode.USAGE, time.exitCode(), time.toString());
    assertTrue(time.err().contains("is not an ISO-8601 date-time with an offset"), time.err());
  }

  @Test
  void aHandWrittenCommandKeepsItsName() {
    Cli.Result r = run("get", "--help");

    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains(GetCommand.SUMMARY.substring(0, 20)), r.out());
    assertEquals(1, SampleCommands.commands().summaries().keySet().stream().filter("get"::equals).count());
  }

  @Test
  void onlyTheCommandThatRunsIsBuilt() {
    AtomicInteger built = new AtomicInteger();
    Commands commands = Commands.standard().with("counted", "Counts.", () -> {
      built.incrementAndGet();
      return new SampleCommands.One();
    });

    Cli.Result other = Cli.runWith(commands, "", Terminal.NONE, Map.of(), "get", "--help");
    assertEquals(0, other.exitCode(), other.toString());
    assertEquals(0, built.get());

    Cli.Result top = Cli.runWith(commands, "", Terminal.NONE, Map.of(), "--help");
    assertEquals(0, top.exitCode(), top.toString());
    assertEquals(0, built.get());
    assertTrue(top.out().contains("counted"), top.out());
    assertTrue(top.out().indexOf("counted") < top.out().indexOf("  help"), top.out());

    Cli.Result self = Cli.runWith(commands, "", Terminal.NONE, Map.of(), "counted", "--help");
    assertEquals(0, self.exitCode(), self.toString());
    assertEquals(1, built.get());
  }
}
