package io.github.realtimekit.cli;

import io.github.realtimekit.fixtures.SpecExamples;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mock [--listen HOST:PORT]}: the built-in mock on its own, until SIGINT or SIGTERM (then exit
 * 0), for any client: curl, an application's own code, Cloudflare's SDKs with the base URL set. It
 * prints one line on standard output, the settings to point a client at it, in the shell's
 * {@code NAME=value} form. Its recordings live in memory while it runs.
 */
@Command(name = "mock", mixinStandardHelpOptions = true, sortOptions = false, description = {MockCommand.SUMMARY, "",
    "Prints one line: REALTIMEKIT_BASE_URL=... CLOUDFLARE_ACCOUNT_ID=... REALTIMEKIT_APP_ID=... "
        + "CLOUDFLARE_API_TOKEN=... (any account, app and token are accepted). Recordings move on by "
        + "themselves: INVOKED to RECORDING, and UPLOADING (after a stop) to UPLOADED, after --settle seconds."})
final class MockCommand implements Callable<Integer> {

  /** What the command does, in one line. */
  static final String SUMMARY = "Run the built-in mock of the recordings API until stopped (Ctrl-C), for any client.";

  /** The port {@code mock} listens on unless told. */
  static final int DEFAULT_PORT = 8791;

  @ParentCommand
  RecordingsCli cli;

  @Spec
  CommandSpec spec;

  @Option(names = "--listen", paramLabel = "HOST:PORT",
      description = "Where to listen (default: 127.0.0.1:" + DEFAULT_PORT + "; port 0 for any free one)")
  String listen = "127.0.0.1:" + DEFAULT_PORT;

  @Option(names = "--allow-remote",
      description = "Allow an address other than loopback: anyone who reaches it can use the mock, with any token")
  boolean allowRemote;

  @Option(names = "--settle", paramLabel = "SECONDS", converter = Converters.Seconds.class,
      description = "How long a recording stays INVOKED, and UPLOADING after a stop (default: 3)")
  Double settle;

  /**
   * Returns the file the built-in mock of the other commands keeps its recordings in:
   * {@code REALTIMEKIT_MOCK_STATE} when set (empty: none, in memory), else
   * {@code realtimekit-recordings/mock-recordings.json} under {@code XDG_STATE_HOME},
   * {@code HOME/.local/state} or {@code LOCALAPPDATA}, the first that is set.
   *
   * @param env the environment
   * @return the file, or null to keep the recordings in memory
   */
  static Path stateFile(Map<String, String> env) {
    String explicit = env.get("REALTIMEKIT_MOCK_STATE");
    if (explicit != null) {
      return explicit.isBlank() ? null : Path.of(explicit);
    }
    String name = RecordingsCli.NAME + "/mock-recordings.json";
    for (String[] base : new String[][] {{"XDG_STATE_HOME", ""}, {"HOME", ".local/state"}, {"LOCALAPPDATA", ""}}) {
      String dir = env.get(base[0]);
      if (dir != null && !dir.isBlank()) {
        return Path.of(dir).resolve(base[1]).resolve(name);
      }
    }
    return null;
  }

  @Override
  public Integer call() throws InterruptedException {
    InetSocketAddress address = address();
    RunHooks hooks = cli.hooks();
    Duration settleTime = settle == null ? MockState.Config.DEFAULT.settle() : Duration.ofMillis(Math.round(settle * 1000));
    MockState.Config config = new MockState.Config(hooks.mockClock(), settleTime, null);
    MockServer mock;
    try {
      mock = MockServer.start(SpecExamples::spec, MockServer.Limits.DEFAULT, config, address);
    } catch (IOException e) {
      throw new Failure(ExitCode.FAILURE, "Cannot listen on " + listen + ": " + e.getMessage(), e);
    }
    try (mock) {
      if (hooks.signals()) {
        Signals.stopOn(hooks.stop());
      }
      cli.out().println(RecordingsCli.ENV_BASE_URL + "=" + mock.baseUrl() + " " + RecordingsCli.ENV_ACCOUNT
          + "=mock-account " + RecordingsCli.ENV_APP + "=mock-app " + RecordingsCli.ENV_TOKEN + "=mock-token");
      cli.out().flush();
      cli.err().println(RecordingsCli.NAME + ": the mock answers at " + mock.baseUrl()
          + " (any account, app and token); Ctrl-C stops it");
      try {
        hooks.stop().get();
      } catch (ExecutionException stoppedAnyway) {
        // Stopping all the same.
      }
    }
    cli.err().println(RecordingsCli.NAME + ": the mock stopped");
    return ExitCode.OK;
  }

  private InetSocketAddress address() {
    int colon = listen.lastIndexOf(':');
    String host = colon < 0 ? "" : listen.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(listen.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (colon < 1 || port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(),
          "--listen must be HOST:PORT, such as 127.0.0.1:" + DEFAULT_PORT + " (PORT 0 to 65535): '" + listen + "'");
    }
    InetAddress bound;
    try {
      bound = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new ParameterException(spec.commandLine(), "--listen: unknown host '" + host + "'");
    }
    if (!bound.isLoopbackAddress() && !allowRemote) {
      throw new ParameterException(spec.commandLine(), "--listen " + listen + " is not a loopback address: the mock "
          + "accepts any token, so it listens beyond this machine only with --allow-remote");
    }
    return new InetSocketAddress(bound, port);
  }
}
