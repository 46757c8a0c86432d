package io.github.realtimekit.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Resolves a session's settings from the global options and the environment, and decides whether the
 * built-in mock answers: only with {@code --mock}, or when nothing about a real account is configured.
 * A missing or blank setting that a real account needs is a usage error that names its option and
 * variable; nothing is sent.
 */
final class SessionSettings {

  private SessionSettings() {
  }

  /**
   * The settings of the command that runs.
   *
   * @throws Failure with {@link ExitCode#USAGE} for a missing or invalid setting
   */
  static Session.Settings resolve(RecordingsCli cli, Map<String, String> env) {
    String resolvedToken = setting(env, cli.token, "--token", RecordingsCli.ENV_TOKEN);
    String resolvedAccount = setting(env, cli.account, "--account", RecordingsCli.ENV_ACCOUNT);
    String resolvedApp = setting(env, cli.app, "--app", RecordingsCli.ENV_APP);
    String resolvedBaseUrl = setting(env, cli.baseUrl, "--base-url", RecordingsCli.ENV_BASE_URL);
    // An empty CLOUDFLARE_API_TOKEN= is a token the user meant to give: it counts as configured.
    boolean tokenConfigured = resolvedToken != null || env.containsKey(RecordingsCli.ENV_TOKEN);
    List<String> configured = new ArrayList<>();
    addIfSet(configured, resolvedAccount, cli.account != null ? "--account" : RecordingsCli.ENV_ACCOUNT);
    addIfSet(configured, resolvedApp, cli.app != null ? "--app" : RecordingsCli.ENV_APP);
    addIfSet(configured, resolvedBaseUrl, cli.baseUrl != null ? "--base-url" : RecordingsCli.ENV_BASE_URL);
    boolean useMock = cli.mock || (!tokenConfigured && configured.isEmpty());
    if (!useMock && resolvedToken == null) {
      throw new Failure(ExitCode.USAGE, tokenConfigured
          ? RecordingsCli.ENV_TOKEN + " is set but empty: set it to an API token or pass --token TOKEN (or use --mock "
              + "for the built-in mock server); nothing was sent"
          : "Missing API token: pass --token TOKEN or set " + RecordingsCli.ENV_TOKEN + "; " + names(configured)
              + (configured.size() == 1 ? " is" : " are") + " set, so the built-in mock server does not "
              + "answer unless you use --mock; nothing was sent", null);
    }
    if (!useMock) {
      if (resolvedAccount == null) {
        throw new Failure(ExitCode.USAGE,
            "Missing account ID: pass --account ID or set " + RecordingsCli.ENV_ACCOUNT + " (or use --mock)", null);
      }
      if (resolvedApp == null) {
        throw new Failure(ExitCode.USAGE,
            "Missing app ID: pass --app ID or set " + RecordingsCli.ENV_APP + " (or use --mock)", null);
      }
    }
    Duration connectTimeout = cli.timeout == null ? Duration.ofSeconds(10)
        : Duration.ofMillis(Math.round(cli.timeout * 1000));
    Duration readTimeout = cli.timeout == null ? Duration.ofSeconds(60) : connectTimeout;
    if (cli.proxy != null && cli.proxy.isBlank()) {
      throw new Failure(ExitCode.USAGE, "--proxy must not be blank", null);
    }
    ProxySettings.Resolved proxy = ProxySettings.resolve(cli.proxy, env);
    SSLContext sslContext = cli.caCert == null ? null : CaCertificates.load(cli.caCert);
    return new Session.Settings(
        useMock,
        useMock ? null : resolvedBaseUrl,
        useMock ? "mock-token" : resolvedToken,
        resolvedAccount != null ? resolvedAccount : "mock-account",
        resolvedApp != null ? resolvedApp : "mock-app",
        cli.maxRetries,
        connectTimeout,
        readTimeout,
        cli.verbose,
        proxy,
        sslContext,
        !useMock ? null : (cli.mock ? "--mock: using" : "no API token configured; using")
            + " the built-in mock server with the documented examples",
        cli.mockConfig());
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  private static String names(List<String> names) {
    int last = names.size() - 1;
    return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
  }

  private static void addIfSet(List<String> names, String value, String name) {
    if (value != null) {
      names.add(name);
    }
  }

  private static String setting(Map<String, String> env, String option, String optionName, String envName) {
    if (option != null) {
      if (option.isBlank()) {
        throw new Failure(ExitCode.USAGE, optionName + " must not be blank", null);
      }
      return option.trim();
    }
    String value = env.get(envName);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
