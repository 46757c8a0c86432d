package io.github.realtimekit.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The global options are accepted before and after the command, and every command's help lists them. */
class GlobalOptionsTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final UUID ID = Examples.RECORDING;

  /** Each global option with the environment variable that sets it, if any. */
  private static final Map<String, String> GLOBAL_OPTIONS = Map.of(
      "--base-url", "REALTIMEKIT_BASE_URL",
      "--token", "CLOUDFLARE_API_TOKEN",
      "--account", "CLOUDFLARE_ACCOUNT_ID",
      "--app", "REALTIMEKIT_APP_ID",
      "--max-retries", "",
      "--timeout", "",
      "--verbose", "",
      "--mock", "");

  private static String baseUrl() {
    return server.baseUrl() + Examples.BASE_PATH;
  }

  @Test
  void accountAppTokenAndBaseUrlAfterTheCommand() {
    server.stubFor(get(urlPathEqualTo("/client/v4/accounts/acct-after/realtime/kit/app-after/recordings"))
        .willReturn(okJson(Examples.page(List.of(ID), 1, 1))));

    Cli.Result r = Cli.run(Map.of(), "list", "--account", "acct-after", "--app", "app-after", "--token", "after-token",
        "--base-url", baseUrl());

    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains(ID.toString()), r.out());
    server.verify(getRequestedFor(urlPathEqualTo("/client/v4/accounts/acct-after/realtime/kit/app-after/recordings"))
        .withHeader("Authorization", equalTo("Bearer after-token")));
  }

  @Test
  void optionsOnBothSidesOfTheCommand() {
    server.stubFor(get(urlPathMatching(".*/recordings/" + ID)).willReturn(okJson(Examples.one(ID, data -> { }))));

    Cli.Result r = Cli.run(Map.of(), "--token", "t0ken", "--account", "a1", "get", ID.toString(), "--app", "b2",
        "--base-url", baseUrl(), "--max-retries", "0", "--timeout", "5");

    assertEquals(0, r.exitCode(), r.toString());
    server.verify(getRequestedFor(urlPathEqualTo("/client/v4/accounts/a1/realtime/kit/b2/recordings/" + ID)));
  }

  @Test
  void theCommandIsFoundAfterOptionsThatTakeAValue() {
    server.stubFor(get(urlPathMatching(".*/recordings/" + ID)).willReturn(okJson(Examples.one(ID, data -> { }))));

    Cli.Result r = Cli.against(baseUrl(), "--verbose", "--account", "acct", "--max-retries", "1", "--timeout=9",
        "get", ID.toString(), "--json");

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(ID.toString(), r.jsonLines().get(0).get("id").asText());
    server.verify(getRequestedFor(urlPathEqualTo("/client/v4/accounts/acct/realtime/kit/" + Cli.APP + "/recordings/" + ID)));
  }

  @Test
  void verboseAfterTheCommand() {
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).willReturn(okJson(Examples.page(List.of(ID), 1, 1))));

    Cli.Result r = Cli.against(baseUrl(), "list", "--verbose");

    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.errLines().stream().anyMatch(l -> l.startsWith("http: ") && l.endsWith("Authorization: ***")), r.err());
  }

  @Test
  void mockAfterTheCommand() {
    Cli.Result r = Cli.run(Cli.realEnv(), "list", "--mock");

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(List.of("realtimekit-recordings: --mock: using the built-in mock server with the documented examples"),
        r.errLines());
    assertTrue(r.out().contains(ID.toString()), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "list --help", "get --help", "download --help", "help list", "help get"})
  void everyHelpListsTheGlobalOptionsWithTheirVariables(String command) {
    Cli.Result r = Cli.run(Map.of(), command.split(" "));

    assertEquals(0, r.exitCode(), r.toString());
    String help = r.out().replaceAll("\\s+", " ");
    GLOBAL_OPTIONS.forEach((option, variable) -> {
      assertTrue(help.contains(option), option + " in\n" + r.out());
      if (!variable.isEmpty()) {
        assertTrue(help.contains("(env: " + variable), variable + " in\n" + r.out());
      }
    });
  }

  @Test
  void theTopHelpListsEveryCommandWithItsDescription() {
    Cli.Result r = Cli.run(Map.of(), "--help");

    String help = r.out().replaceAll("\\s+", " ");
    assertTrue(help.contains("Commands: list " + ListCommand.SUMMARY.replaceAll("\\s+", " ")), r.out());
    assertTrue(help.contains("get " + GetCommand.SUMMARY.replaceAll("\\s+", " ")), r.out());
    assertTrue(help.contains("download " + DownloadCommand.SUMMARY.replaceAll("\\s+", " ")), r.out());
    assertTrue(help.contains("help Display help information about the specified command."), r.out());
    assertTrue(help.contains("Usage: realtimekit-recordings [-hV]") && help.contains("[COMMAND]"), r.out());
  }

  @Test
  void aMisspelledCommandGetsASuggestion() {
    Cli.Result r = Cli.run(Map.of(), "lists");

    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("Did you mean") && r.err().contains("list"), r.err());
  }
}
