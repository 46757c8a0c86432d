package io.github.realtimekit.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The exit codes, with their one-line messages: 2 usage, 3 API error, 4 network or decoding. */
class ExitCodesTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final UUID ID = Examples.RECORDING;

  private static String baseUrl() {
    return server.baseUrl() + Examples.BASE_PATH;
  }

  private static void assertNoStackTrace(Cli.Result r) {
    assertFalse(r.err().contains("\tat "), r.err());
    assertFalse(r.err().contains("Caused by"), r.err());
    assertFalse(r.err().startsWith("Exception"), r.err());
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of(List.of("list", "--no-such-option"), "Unknown option: '--no-such-option'"),
        Arguments.of(List.of("lsit"), "Unmatched argument at index 0: 'lsit'"),
        Arguments.of(List.of("get", "not-a-uuid"), "'not-a-uuid' is not a UUID"),
        Arguments.of(List.of("get"), "Missing required parameter: 'RECORDING_ID'"),
        Arguments.of(List.of("list", "--meeting-id", "1-2-3-4-5"), "'1-2-3-4-5' is not a UUID"),
        Arguments.of(List.of("list", "--start-time", "2024-01-01T10:00:00"),
            "'2024-01-01T10:00:00' is not an ISO-8601 date-time with an offset"),
        Arguments.of(List.of("list", "--status", "UPLOADED,DONE"),
            "'DONE' is not a recording status; expected one of INVOKED, RECORDING, UPLOADING, UPLOADED, ERRORED, PAUSED"),
        Arguments.of(List.of("list", "--sort-order", "up"), "'up' is not a sort order; expected one of ASC, DESC"),
        Arguments.of(List.of("list", "--expired", "maybe"), "'maybe': expected true or false"),
        Arguments.of(List.of("list", "--per-page", "ten"), "'ten' is not a whole number, 1 or more"),
        Arguments.of(List.of("list", "--per-page", "-1"), "'-1' is not a whole number, 1 or more"),
        Arguments.of(List.of("list", "--page-no", "-2", "--all"), "'-2' is not a whole number, 1 or more"),
        Arguments.of(List.of("archive", "--dir", "x", "--per-page", "0"), "'0' is not a whole number, 1 or more"),
        Arguments.of(List.of("--account", "x".repeat(33), "get", ID.toString()),
            "Invalid argument: --account size must be between 1 and 32"),
        Arguments.of(List.of("--max-retries", "-1", "list"), "'-1' is not a whole number, 0 or more"),
        Arguments.of(List.of("--timeout", "0", "list"), "'0' is not a number of seconds from 0.001 to 86400"),
        Arguments.of(List.of("--token", "two words", "list"),
            "--token (or CLOUDFLARE_API_TOKEN): must not contain whitespace or control characters"),
        Arguments.of(List.of("--base-url", "ftp://example.com", "list"),
            "--base-url (or REALTIMEKIT_BASE_URL): must be an absolute http or https URL, was ftp://example.com"),
        Arguments.of(List.of(), "Missing command: list, get, download or archive"));
  }

  @ParameterizedTest
  @MethodSource("usageErrors")
  void usageErrorsExit2WithoutSendingAnything(List<String> args, String message) {
    Map<String, String> env = Cli.realEnv();
    env.put("REALTIMEKIT_BASE_URL", baseUrl());
    Cli.Result r = Cli.run(env, args.toArray(String[]::new));

    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.errLines().get(0).startsWith("realtimekit-recordings: "), r.err());
    assertTrue(r.errLines().get(0).contains(message), r.err());
    assertTrue(r.err().contains("--help' for usage."), r.err());
    assertEquals("", r.out());
    assertNoStackTrace(r);
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void missingAccountOrAppNamesTheOptionAndItsVariable() {
    Map<String, String> noAccount = Cli.realEnv();
    noAccount.remove("CLOUDFLARE_ACCOUNT_ID");
    Cli.Result r = Cli.run(noAccount, "--base-url", baseUrl(), "list");
    assertEquals(2, r.exitCode(), r.toString());
    assertEquals("realtimekit-recordings: Missing account ID: pass --account ID or set CLOUDFLARE_ACCOUNT_ID "
        + "(or use --mock)", r.errLines().get(0));

    Map<String, String> noApp = Cli.realEnv();
    noApp.put("REALTIMEKIT_APP_ID", " ");
    r = Cli.run(noApp, "--base-url", baseUrl(), "get", ID.toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertEquals("realtimekit-recordings: Missing app ID: pass --app ID or set REALTIMEKIT_APP_ID (or use --mock)",
        r.errLines().get(0));

    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void anErrorStatusExits3WithTheApisMessageOnOneLine() {
    server.stubFor(get(urlPathEqualTo(Examples.onePath(ID))).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withHeader("cf-ray", "8f2b3c4d5e6f7a8b-LHR")
        .withBody(Examples.example("RealtimeKitError").toString())));

    Cli.Result r = Cli.against(baseUrl(), "get", ID.toString());

    assertEquals(3, r.exitCode(), r.toString());
    assertEquals(List.of("realtimekit-recordings: HTTP 404 from getRecording: Recording not found (code 404) "
        + "[cf-ray 8f2b3c4d5e6f7a8b-LHR]"), r.errLines());
    assertEquals("", r.out());
    assertNoStackTrace(r);
  }

  @Test
  void verboseAddsTheStackTrace() {
    server.stubFor(get(urlPathEqualTo(Examples.onePath(ID))).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody(Examples.example("RealtimeKitError").toString())));

    Cli.Result r = Cli.against(baseUrl(), "--verbose", "get", ID.toString());

    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("realtimekit-recordings: HTTP 404 from getRecording: Recording not found"), r.err());
    assertTrue(r.err().contains("io.github.realtimekit.client.errors.NotFoundException"), r.err());
    assertTrue(r.err().contains("\tat "), r.err());
  }

  @Test
  void aDroppedConnectionExits4() {
    server.stubFor(get(urlPathEqualTo(Examples.onePath(ID)))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    Cli.Result r = Cli.against(baseUrl(), "--max-retries", "0", "get", ID.toString());

    assertEquals(4, r.exitCode(), r.toString());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.errLines().get(0).startsWith("realtimekit-recordings: "), r.err());
    assertTrue(r.err().contains("getRecording"), r.err());
    assertNoStackTrace(r);
  }

  @Test
  void aRefusedConnectionExits4() {
    Cli.Result r = Cli.against("http://127.0.0.1:1/client/v4", "--max-retries", "0", "list");

    assertEquals(4, r.exitCode(), r.toString());
    assertEquals(1, r.errLines().size(), r.err());
    assertNoStackTrace(r);
  }

  @Test
  void aRefusedConnectionSaysWhereWhatAndHowOften() {
    Cli.Result r = Cli.against("http://127.0.0.1:1/client/v4", "--max-retries", "1", "list");

    assertEquals(4, r.exitCode(), r.toString());
    assertEquals(2, r.errLines().size(), r.err());
    assertTrue(r.errLines().get(0).startsWith(
        "realtimekit-recordings: retrying listRecordings in "), r.err());
    assertTrue(r.errLines().get(0).endsWith(" after connection refused by 127.0.0.1:1 (attempt 2 of 2)"), r.err());
    assertTrue(r.errLines().get(1).startsWith(
        "realtimekit-recordings: Connection refused by 127.0.0.1:1 calling listRecordings ("), r.err());
    assertTrue(r.errLines().get(1).endsWith(" (2 attempts)"), r.err());
  }

  @Test
  void malformedJsonExits4() {
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"success\": true, \"data\": [{\"id\": ")));

    Cli.Result r = Cli.against(baseUrl(), "--max-retries", "0", "list");

    assertEquals(4, r.exitCode(), r.toString());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("listRecordings"), r.err());
    assertEquals("", r.out());
    assertNoStackTrace(r);
  }

  @Test
  void aTimeoutExits4() {
    server.stubFor(get(urlPathEqualTo(Examples.onePath(ID)))
        .willReturn(okJson(Examples.one(ID, data -> { })).withFixedDelay(5_000)));

    Cli.Result r = Cli.against(baseUrl(), "--max-retries", "0", "--timeout", "0.3", "get", ID.toString());

    assertEquals(4, r.exitCode(), r.toString());
    assertEquals(1, r.errLines().size(), r.err());
    assertNoStackTrace(r);
  }

  @Test
  void retriesAreHonoured() {
    server.stubFor(get(urlPathEqualTo(Examples.onePath(ID))).willReturn(aResponse().withStatus(503)
        .withHeader("Retry-After-Ms", "1")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"success\":false,\"error\":{\"code\":503,\"message\":\"Busy\"}}")));

    Cli.Result r = Cli.against(baseUrl(), "--max-retries", "1", "get", ID.toString());

    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("HTTP 503 from getRecording: Busy"), r.err());
    server.verify(2, getRequestedFor(urlPathEqualTo(Examples.onePath(ID))));
  }

  @Test
  void helpAndVersionExit0() {
    Cli.Result help = Cli.run(Map.of(), "--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("Usage: realtimekit-recordings"), help.out());
    assertTrue(help.out().contains("CLOUDFLARE_API_TOKEN"), help.out());
    assertTrue(help.out().contains("Exit codes:"), help.out());

    Cli.Result listHelp = Cli.run(Map.of(), "list", "--help");
    assertEquals(0, listHelp.exitCode());
    assertTrue(listHelp.out().replaceAll("\\s+", " ").contains("INVOKED, RECORDING, UPLOADING, UPLOADED, ERRORED, PAUSED"),
        "statuses from the spec: " + listHelp.out());

    Cli.Result version = Cli.run(Map.of(), "--version");
    assertEquals(0, version.exitCode());
    assertTrue(version.out().matches("(?s)realtimekit-recordings [0-9]+\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?\\R.*"), version.out());
  }
}
