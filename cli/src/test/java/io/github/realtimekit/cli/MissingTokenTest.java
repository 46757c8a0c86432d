package io.github.realtimekit.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in mock answers only when nothing about a real account is configured, or with
 * {@code --mock}: a script that forgot to export its token fails instead of carrying on with invented
 * recordings.
 */
class MissingTokenTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String ID = Examples.RECORDING.toString();

  private static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  static Stream<Arguments> configuredWithoutToken() {
    return Stream.of(
        Arguments.of("account and app set, token unset",
            env("CLOUDFLARE_ACCOUNT_ID", Cli.ACCOUNT, "REALTIMEKIT_APP_ID", Cli.APP), List.of("list"),
            "Missing API token: pass --token TOKEN or set CLOUDFLARE_API_TOKEN; CLOUDFLARE_ACCOUNT_ID and "
                + "REALTIMEKIT_APP_ID are set, so the built-in mock server does not answer unless you use --mock"),
        Arguments.of("account and app as options, token unset",
            env(), List.of("--account", Cli.ACCOUNT, "get", ID, "--app", Cli.APP),
            "Missing API token: pass --token TOKEN or set CLOUDFLARE_API_TOKEN; --account and --app are set"),
        Arguments.of("only a base URL",
            env("REALTIMEKIT_BASE_URL", "http://127.0.0.1:1/client/v4"), List.of("list"),
            "Missing API token: pass --token TOKEN or set CLOUDFLARE_API_TOKEN; REALTIMEKIT_BASE_URL is set"),
        Arguments.of("token set but empty, nothing else",
            env("CLOUDFLARE_API_TOKEN", ""), List.of("list"),
            "CLOUDFLARE_API_TOKEN is set but empty: set it to an API token or pass --token TOKEN"),
        Arguments.of("token set but blank, with account and app",
            env("CLOUDFLARE_API_TOKEN", "  ", "CLOUDFLARE_ACCOUNT_ID", Cli.ACCOUNT, "REALTIMEKIT_APP_ID", Cli.APP),
            List.of("download", ID), "CLOUDFLARE_API_TOKEN is set but empty"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configuredWithoutToken")
  void aMissingTokenIsAUsageErrorOnceAnythingIsConfigured(String name, Map<String, String> env, List<String> args,
      String message) {
    Cli.Result r = Cli.run(env, args.toArray(String[]::new));

    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.errLines().get(0).startsWith("realtimekit-recordings: " + message), r.err());
    assertTrue(r.errLines().get(0).contains("--token") && r.errLines().get(0).contains("CLOUDFLARE_API_TOKEN"),
        r.err());
    assertTrue(r.err().contains("--help' for usage."), r.err());
    assertFalse(r.err().contains("mock server with the documented examples"), "the mock did not answer: " + r.err());
    assertEquals("", r.out());
  }

  @Test
  void nothingIsSentWhenTheTokenIsEmpty() {
    Map<String, String> env = Cli.realEnv();
    env.put("CLOUDFLARE_API_TOKEN", "");
    env.put("REALTIMEKIT_BASE_URL", server.baseUrl() + Examples.BASE_PATH);

    Cli.Result r = Cli.run(env, "list");

    assertEquals(2, r.exitCode(), r.toString());
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aBlankTokenOptionNamesTheOption() {
    Cli.Result r = Cli.run(env(), "list", "--token", " ");

    assertEquals(2, r.exitCode(), r.toString());
    assertEquals("realtimekit-recordings: --token must not be blank", r.errLines().get(0));
  }

  @Test
  void withMockTheMockAnswersWhateverIsConfigured() {
    Cli.Result r = Cli.run(env("CLOUDFLARE_API_TOKEN", "", "CLOUDFLARE_ACCOUNT_ID", Cli.ACCOUNT), "list", "--mock");

    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains(ID), r.out());
  }
}
