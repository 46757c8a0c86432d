package io.github.realtimekit.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On a terminal the {@code list} table fits its width, the file name cut first; elsewhere values are whole. */
class TableWidthTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final UUID FIRST = UUID.fromString("0e1d2c3b-4a59-4687-8796-a5b4c3d2e1f0");
  private static final UUID SECOND = UUID.fromString("1f2e3d4c-5b6a-4798-89a7-b6c5d4e3f201");
  private static final String FILE_NAME = "weekly-all-hands-2024-01-01.mp4";
  private static final String MEETING = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";

  @BeforeEach
  void stubPage() {
    String page = Examples.page(List.of(FIRST, SECOND), 1, 2)
        .replace("\"output_file_name\":\"output_file_name\"", "\"output_file_name\":\"" + FILE_NAME + "\"");
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).willReturn(okJson(page)));
  }

  private static Cli.Result list(Terminal terminal) {
    Map<String, String> env = Cli.realEnv();
    env.put("REALTIMEKIT_BASE_URL", server.baseUrl() + Examples.BASE_PATH);
    return Cli.runOn(terminal, env, "list");
  }

  private static void assertFits(Cli.Result r, int columns) {
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(3, r.outLines().size(), r.out());
    for (String line : r.outLines()) {
      assertTrue(line.length() <= columns, line.length() + " > " + columns + ": " + line);
    }
    assertTrue(r.outLines().get(1).startsWith(FIRST + "  INVOKED"), "the ID is whole: " + r.out());
    assertTrue(r.outLines().get(2).startsWith(SECOND + "  INVOKED"), r.out());
  }

  @Test
  void notATerminalGetsEveryValueWhole() {
    Cli.Result r = list(Terminal.NONE);

    assertEquals(0, r.exitCode(), r.toString());
    String row = r.outLines().get(1);
    assertTrue(row.length() > 120, "wider than a terminal: " + row);
    assertTrue(row.endsWith("  " + FILE_NAME), row);
    assertTrue(row.contains("  " + MEETING + "  "), row);
    assertFalse(r.out().contains("\u2026"), r.out());
  }

  @Test
  void at120ColumnsTheFileNameIsCutFirstThenTheMeeting() {
    Cli.Result r = list(new Terminal(true, 120, true));

    assertFits(r, 120);
    List<String> header = List.of(r.outLines().get(0).split("\\s+"));
    assertEquals("ID", header.get(0));
    assertEquals("FILE", header.get(header.size() - 1), "every column is still there: " + header);
    String row = r.outLines().get(1);
    assertTrue(row.endsWith("  weekly-\u2026"), "the file name cut to its narrowest: " + row);
    assertTrue(row.contains("  182bd5e5-6e1a-4fe4-a799-\u2026  "), "the meeting cut to what is left: " + row);
    assertEquals(120, row.length(), "the whole width is used: " + row);
  }

  @Test
  void at80ColumnsColumnsAreLeftOut() {
    Cli.Result r = list(new Terminal(true, 80, true));

    assertFits(r, 80);
    assertEquals(List.of("ID", "STATUS", "INVOKED", "SIZE"), List.of(r.outLines().get(0).split("\\s+")), r.out());
    assertTrue(r.outLines().get(1).endsWith("  2019-12-27T18:11:19Z  0 B"), r.out());
  }

  @Test
  void aWideTerminalGetsEveryValueWhole() {
    Cli.Result wide = list(new Terminal(true, 200, true));
    Cli.Result pipe = list(Terminal.NONE);

    assertEquals(pipe.out(), wide.out());
  }

  @Test
  void withoutUnicodeTheEllipsisIsThreeDots() {
    Cli.Result r = list(new Terminal(true, 120, false));

    assertFits(r, 120);
    assertTrue(r.outLines().get(1).endsWith("  weekl..."), r.out());
  }

  @Test
  void fitCutsThenDrops() {
    // ID, STATUS, MEETING, INVOKED, DURATION, SIZE, FILE
    int[] natural = {36, 8, 36, 20, 8, 9, 31};
    assertArrayEquals(natural, Output.fit(natural, 500));
    assertArrayEquals(new int[] {36, 8, 36, 20, 8, 9, 27}, Output.fit(natural, 156));
    assertArrayEquals(new int[] {36, 8, 20, 20, 8, 9, 8}, Output.fit(natural, 121));
    assertArrayEquals(new int[] {36, 8, 8, 20, 8, 9, 8}, Output.fit(natural, 109), "both cut to their narrowest");
    assertArrayEquals(new int[] {36, 8, 0, 20, 8, 9, 17}, Output.fit(natural, 108),
        "once the meeting is left out, the file name gets room back");
    assertArrayEquals(new int[] {36, 8, 0, 20, 0, 9, 0}, Output.fit(natural, 80));
    assertArrayEquals(new int[] {36, 8, 0, 0, 0, 0, 0}, Output.fit(natural, 50));
    assertArrayEquals(new int[] {36, 8, 0, 0, 0, 0, 0}, Output.fit(natural, 20), "ID and status stay, and wrap");
  }

  @Test
  void helpFitsTheTerminalToo() {
    Cli.Result r = Cli.runOn(new Terminal(true, 100, true), Map.of(), "list", "--help");

    assertEquals(0, r.exitCode(), r.toString());
    List<String> wide = new ArrayList<>();
    for (String line : r.outLines()) {
      assertTrue(line.length() <= 100, line);
      if (line.length() > 80) {
        wide.add(line);
      }
    }
    assertFalse(wide.isEmpty(), "the help uses the width: " + r.out());
  }

  @Test
  void aTerminalNarrowerThanPicocliAllowsStillRunsEveryCommand() {
    for (int columns : new int[] {54, 50, 40, 20}) {
      Terminal narrow = new Terminal(true, columns, true);
      Cli.Result help = Cli.runOn(narrow, Map.of(), "--help");
      Cli.Result listHelp = Cli.runOn(narrow, Map.of(), "list", "--help");
      Cli.Result table = list(narrow);

      assertEquals(0, help.exitCode(), columns + ": " + help);
      assertTrue(help.out().contains("Exit codes:"), help.out());
      assertEquals(0, listHelp.exitCode(), columns + ": " + listHelp);
      assertEquals(0, table.exitCode(), columns + ": " + table);
      assertEquals(List.of("ID", "STATUS"), List.of(table.outLines().get(0).split("\\s+")), table.out());
      assertTrue(table.outLines().get(1).startsWith(FIRST + "  INVOKED"), table.out());
    }
  }

  @Test
  void at50ColumnsTheTableFits() {
    Cli.Result r = list(new Terminal(true, 50, true));

    assertFits(r, 50);
  }
}
