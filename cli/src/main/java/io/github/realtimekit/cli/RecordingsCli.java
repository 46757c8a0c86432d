package io.github.realtimekit.cli;

import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.ResponseDecodingException;
import io.github.realtimekit.client.errors.ServiceException;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code realtimekit-recordings}, the command-line tool for the RealtimeKit recordings API: the top
 * command with the global options, and the one place where failures become messages and exit codes
 * (see {@link ExitCode}).
 *
 * <p>Run it with {@code java -jar realtimekit-recordings.jar [OPTIONS] COMMAND}, or in-process with
 * {@link #run(PrintStream, PrintStream, Map, String...)}.
 */
@Command(
    name = RecordingsCli.NAME,
    mixinStandardHelpOptions = true,
    versionProvider = RecordingsCli.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    subcommands = {ListCommand.class, GetCommand.class, DownloadCommand.class, ArchiveCommand.class,
        HelpCommand.class},
    description = {
        "List, inspect and download the recordings of a Cloudflare RealtimeKit app.",
        "",
        "With --mock, or when no API token is configured, answers come from a built-in mock server "
            + "that serves the examples documented in the API's spec."},
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  success",
        "  1  any other failure: no download URL yet, a file that cannot be written",
        "  2  usage error or invalid argument; nothing was sent",
        "  3  the API (or the download host) answered with an error",
        "  4  network failure, timeout or undecodable response",
        "  5  archive: some recordings could not be archived"})
public final class RecordingsCli implements Callable<Integer> {

  /** The tool's name, as in messages. */
  public static final String NAME = "realtimekit-recordings";

  static final String ENV_BASE_URL = "REALTIMEKIT_BASE_URL";
  static final String ENV_TOKEN = "CLOUDFLARE_API_TOKEN";
  static final String ENV_ACCOUNT = "CLOUDFLARE_ACCOUNT_ID";
  static final String ENV_APP = "REALTIMEKIT_APP_ID";

  /** The client's parameter names, as the options and arguments that set them are called. */
  private static final Map<String, String> OPTION_NAMES = Map.of(
      "accountId", "--account",
      "appId", "--app",
      "recordingId", "RECORDING_ID",
      "pageNo", "--page-no",
      "perPage", "--per-page",
      "meetingId", "--meeting-id",
      "baseUrl", "--base-url",
      "apiToken", "--token");

  @Spec
  CommandSpec spec;

  @Option(names = "--base-url", paramLabel = "URL",
      description = "The API's base URL (env: " + ENV_BASE_URL + "; default: " + RealtimeKitClient.DEFAULT_BASE_URL + ")")
  String baseUrl;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "Cloudflare API token with the Realtime permission (env: " + ENV_TOKEN + "); "
          + "without one, the built-in mock server answers")
  String token;

  @Option(names = "--account", paramLabel = "ID", description = "Cloudflare account ID (env: " + ENV_ACCOUNT + ")")
  String account;

  @Option(names = "--app", paramLabel = "ID", description = "RealtimeKit app ID (env: " + ENV_APP + ")")
  String app;

  @Option(names = "--max-retries", paramLabel = "N", converter = Converters.NonNegative.class,
      description = "Retries after a failed attempt (429, 5xx, network); 0 for none (default: 2)")
  Integer maxRetries;

  @Option(names = "--timeout", paramLabel = "SECONDS", converter = Converters.Seconds.class,
      description = "Connect and read timeout, such as 30 or 2.5 (default: 10 to connect, 60 to read)")
  Double timeout;

  @Option(names = "--verbose", description = "Log each HTTP exchange on stderr, credentials shown as ***, "
      + "and show stack traces of errors")
  boolean verbose;

  @Option(names = "--mock", description = "Use the built-in mock server with the spec's documented examples")
  boolean mock;

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;

  private RecordingsCli(PrintStream out, PrintStream err, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = Map.copyOf(env);
  }

  /**
   * Runs the tool and exits the JVM with its exit code.
   *
   * @param args the command line
   */
  public static void main(String... args) {
    System.exit(run(System.out, System.err, System.getenv(), args));
  }

  /**
   * Runs the tool in this process.
   *
   * @param out standard output: results
   * @param err standard error: progress, the HTTP log and messages
   * @param env the environment variables to read settings from
   * @param args the command line
   * @return the exit code, one of {@link ExitCode}'s
   */
  public static int run(PrintStream out, PrintStream err, Map<String, String> env, String... args) {
    RecordingsCli cli = new RecordingsCli(out, err, env);
    CommandLine commandLine = new CommandLine(cli)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .setParameterExceptionHandler(cli::onUsageError)
        .setExecutionExceptionHandler(cli::onFailure);
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Without a command: a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command: list, get, download or archive");
  }

  /**
   * Resolves the settings, starts the mock server if it is to answer, and builds the client.
   *
   * @return the session; close it when done
   * @throws Failure with {@link ExitCode#USAGE} for a missing or invalid setting
   */
  Session openSession() {
    String resolvedToken = setting(token, "--token", ENV_TOKEN);
    boolean useMock = mock || resolvedToken == null;
    String resolvedAccount = setting(account, "--account", ENV_ACCOUNT);
    String resolvedApp = setting(app, "--app", ENV_APP);
    if (!useMock) {
      if (resolvedAccount == null) {
        throw new Failure(ExitCode.USAGE,
            "Missing account ID: pass --account ID or set " + ENV_ACCOUNT + " (or use --mock)", null);
      }
      if (resolvedApp == null) {
        throw new Failure(ExitCode.USAGE,
            "Missing app ID: pass --app ID or set " + ENV_APP + " (or use --mock)", null);
      }
    }
    Duration connectTimeout = timeout == null ? Duration.ofSeconds(10) : Duration.ofMillis(Math.round(timeout * 1000));
    Duration readTimeout = timeout == null ? Duration.ofSeconds(60) : connectTimeout;
    return Session.open(new Session.Settings(
        useMock,
        useMock ? null : setting(baseUrl, "--base-url", ENV_BASE_URL),
        useMock ? "mock-token" : resolvedToken,
        resolvedAccount != null ? resolvedAccount : "mock-account",
        resolvedApp != null ? resolvedApp : "mock-app",
        maxRetries,
        connectTimeout,
        readTimeout,
        verbose,
        !useMock ? null : (mock ? "--mock: using" : "no API token configured; using")
            + " the built-in mock server with the documented examples"),
        err);
  }

  /**
   * Returns an output for results on standard output.
   *
   * @return the output
   */
  Output output() {
    return new Output(out, ApiSpec.get().secretProperties());
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  /**
   * Tells whether standard error is a terminal, so progress can be redrawn in place.
   *
   * @return true on an interactive terminal
   */
  boolean terminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // From Java 22, System.console() is not null on a redirected stream; isTerminal() tells.
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  static String userAgent() {
    return NAME + "/" + Version.version();
  }

  private String setting(String option, String optionName, String envName) {
    if (option != null) {
      if (option.isBlank()) {
        throw new Failure(ExitCode.USAGE, optionName + " must not be blank", null);
      }
      return option.trim();
    }
    String value = env.get(envName);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private int onUsageError(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    err.println(NAME + ": " + oneLine(e.getMessage()));
    UnmatchedArgumentException.printSuggestions(e, new PrintWriter(err, true));
    err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCode.USAGE;
  }

  private int onFailure(Exception e, CommandLine commandLine, ParseResult parseResult) {
    int code;
    String message;
    if (e instanceof Failure) {
      code = ((Failure) e).exitCode();
      message = e.getMessage();
    } else if (e instanceof InvalidArgumentException) {
      code = ExitCode.USAGE;
      message = "Invalid argument: " + ((InvalidArgumentException) e).details().stream()
          .map(v -> OPTION_NAMES.getOrDefault(v.parameter(), v.parameter()) + " " + v.rule() + " (was " + v.value() + ")")
          .collect(Collectors.joining("; ")) + " (nothing was sent)";
    } else if (e instanceof ServiceException) {
      code = ExitCode.API_ERROR;
      message = e.getMessage();
    } else if (e instanceof NetworkException || e instanceof ResponseDecodingException) {
      code = ExitCode.NETWORK;
      message = e.getMessage();
    } else {
      code = ExitCode.FAILURE;
      message = "Unexpected error: " + e + (verbose ? "" : " (run with --verbose for details)");
    }
    err.println(NAME + ": " + oneLine(message));
    if (code == ExitCode.USAGE) {
      err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
    }
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /**
   * Names a client builder setting in a message as the option that sets it: {@code baseUrl: must be…}
   * becomes {@code --base-url: must be…}.
   */
  static String withOptionName(String violation) {
    for (Map.Entry<String, String> name : OPTION_NAMES.entrySet()) {
      if (violation.startsWith(name.getKey() + " ") || violation.startsWith(name.getKey() + ":")) {
        return name.getValue() + violation.substring(name.getKey().length());
      }
    }
    return violation;
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }

  /** The tool's version, from the build. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {NAME + " " + version()};
    }

    static String version() {
      Properties p = new Properties();
      try (InputStream in = RecordingsCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        // Unknown version.
      }
      return p.getProperty("version", "unknown");
    }
  }
}
