package io.github.realtimekit.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.realtimekit.client.core.ControlChars;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Text from the server reaches the terminal with its control characters escaped: an
 * {@code ESC]0;title BEL} cannot retitle the window, an {@code ESC[2J} cannot clear it, and a line
 * break cannot forge a line.
 */
class TerminalInjectionTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final UUID ID = UUID.fromString("6f1c1c55-0c4e-4a57-9d0e-5e7d3c1a2b3c");
  /** Retitles the window, clears the screen, then a C1 CSI and DEL. */
  private static final String HOSTILE = "\u001b]0;pwned\u0007\u001b[2J\u009b2J\u007f";
  private static final String ESCAPED = "\\u001B]0;pwned\\u0007\\u001B[2J\\u009B2J\\u007F";

  private static String baseUrl() {
    return server.baseUrl() + Examples.BASE_PATH;
  }

  private static void assertNoControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      assertFalse(ControlChars.isControl(c) && c != '\n' && c != '\t',
          "control character U+" + Integer.toHexString(c) + " at " + i + " in: " + text);
    }
  }

  private static ObjectNode hostileRecording(ObjectNode data) {
    data.put("output_file_name", "clip" + HOSTILE + ".mp4");
    data.put("status", "UPLOADED" + HOSTILE);
    return data;
  }

  @Test
  void aFileNameAndStatusInTheTableAreEscaped() {
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).willReturn(okJson(Examples.page(List.of(ID), 1, 1)
        .replace("\"output_file_name\":\"output_file_name\"",
            "\"output_file_name\":\"clip\\u001b]0;pwned\\u0007\\u001b[2J\\u009b2J\\u007f.mp4\""))));

    Cli.Result r = Cli.against(baseUrl(), "list");

    assertEquals(0, r.exitCode(), r.toString());
    assertNoControlCharacter(r.out());
    assertTrue(r.outLines().get(1).endsWith("clip" + ESCAPED + ".mp4"), r.out());
  }

  @Test
  void getEscapesEveryValue() {
    server.stubFor(get(urlPathEqualTo(Examples.onePath(ID))).willReturn(okJson(Examples.one(ID, data -> {
      hostileRecording(data);
      ((ObjectNode) data.get("meeting")).put("title", "line one\nstatus: FORGED\rX");
    }))));

    Cli.Result r = Cli.against(baseUrl(), "get", ID.toString());

    assertEquals(0, r.exitCode(), r.toString());
    assertNoControlCharacter(r.out());
    assertTrue(r.outLines().contains("output_file_name: clip" + ESCAPED + ".mp4"), r.out());
    assertTrue(r.outLines().contains("status: UPLOADED" + ESCAPED), r.out());
    assertTrue(r.outLines().contains("  title: line one\\u000Astatus: FORGED\\u000DX"), r.out());
    assertFalse(r.outLines().contains("status: FORGED"), r.out());
  }

  @Test
  void jsonEscapesDelAndC1AsWell() {
    server.stubFor(get(urlPathEqualTo(Examples.onePath(ID))).willReturn(okJson(Examples.one(ID,
        TerminalInjectionTest::hostileRecording))));

    Cli.Result r = Cli.against(baseUrl(), "get", ID.toString(), "--json");

    assertEquals(0, r.exitCode(), r.toString());
    assertNoControlCharacter(r.out());
    assertEquals("clip" + HOSTILE + ".mp4", r.jsonLines().get(0).get("output_file_name").asText(),
        "the JSON still holds the exact value");
  }

  @Test
  void theApisErrorMessageIsEscaped() {
    server.stubFor(get(urlPathEqualTo(Examples.onePath(ID))).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"success\":false,\"error\":{\"code\":404,"
            + "\"message\":\"Recording not found\\u001b]0;pwned\\u0007\\u001b[2J\\u009b2J\\u007f\"}}")));

    Cli.Result r = Cli.against(baseUrl(), "get", ID.toString());
    Cli.Result verbose = Cli.against(baseUrl(), "--verbose", "get", ID.toString());

    assertEquals(3, r.exitCode(), r.toString());
    assertNoControlCharacter(r.err());
    assertEquals(List.of("realtimekit-recordings: HTTP 404 from getRecording: Recording not found" + ESCAPED
        + " (code 404)"), r.errLines());
    assertEquals(3, verbose.exitCode(), verbose.toString());
    assertNoControlCharacter(verbose.err());
    assertTrue(verbose.err().contains("\tat "), "stack trace lines keep their tabs: " + verbose.err());
  }

  @Test
  void bidiControlsAndLineSeparatorsAreEscapedInTextAndJson() {
    server.stubFor(get(urlPathEqualTo(Examples.onePath(ID))).willReturn(okJson(Examples.one(ID,
        data -> data.put("status", "UPLOADED\u202e4pm.exe\u2028X")))));

    Cli.Result text = Cli.against(baseUrl(), "get", ID.toString());
    Cli.Result json = Cli.against(baseUrl(), "get", ID.toString(), "--json");

    assertEquals(0, text.exitCode(), text.toString());
    assertNoControlCharacter(text.out());
    assertTrue(text.outLines().contains("status: UPLOADED\\u202E4pm.exe\\u2028X"), text.out());
    assertEquals(0, json.exitCode(), json.toString());
    assertNoControlCharacter(json.out());
    assertEquals("UPLOADED\u202e4pm.exe\u2028X", json.jsonLines().get(0).get("status").asText());
  }

  @Test
  void escapesEveryControlCharacterButWhatIsAsked() {
    assertEquals("plain text, ünïcode", ControlChars.escape("plain text, ünïcode"));
    assertEquals("a\\u0009b\\u0000c\\u001Fd\\u007Fe\\u0080f\\u009Fg\u00a0", ControlChars.escape(
        "a\tb\u0000c\u001fd\u007fe\u0080f\u009fg\u00a0"));
    assertEquals("line\tone\nline two\r\nthree\\u000Dfour\\u001B", ControlChars.escapeKeepingLines(
        "line\tone\nline two\r\nthree\rfour\u001b"));
    assertEquals("null", ControlChars.escape(null));
  }
}
