package io.github.realtimekit.cli;

import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.core.ControlChars;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.PagingException;
import io.github.realtimekit.client.errors.ResponseDecodingException;
import io.github.realtimekit.client.errors.ResponseTooLargeException;
import io.github.realtimekit.client.errors.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code realtimekit-recordings}, the command-line tool for the RealtimeKit recordings API: the top
 * command with the global options, and the one place where failures become messages and exit codes
 * (see {@link ExitCode}).
 *
 * <p>Run it with {@code realtimekit-recordings [OPTIONS] COMMAND [OPTIONS]} (the launcher script
 * beside the jar), {@code java -jar realtimekit-recordings.jar ...}, or in-process with
 * {@link #run(PrintStream, PrintStream, Map, String...)}. The global options are accepted before and
 * after the command.
 *
 * <p>Only the command that runs is built from its annotations; the others are named in the help by
 * their descriptions alone, which keeps start-up short.
 */
@Command(
    name = RecordingsCli.NAME,
    mixinStandardHelpOptions = true,
    versionProvider = RecordingsCli.Version.class,
    sortOptions = false,
    description = {
        "List, inspect and download the recordings of a Cloudflare RealtimeKit app.",
        "",
        "With --mock, or when nothing is configured (no API token, account, app or base URL, "
            + "from options or environment), answers come from a built-in mock server that serves "
            + "the examples documented in the API's spec. Once anything is configured, an API token "
            + "is required."},
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  success",
        "  1  any other failure: no download URL yet, an interrupted download",
        "  2  usage error or invalid argument; nothing was sent",
        "  3  the API (or the download host) answered with an error",
        "  4  network failure, timeout or undecodable response",
        "  5  archive: some recordings could not be archived",
        "  6  a file or directory could not be written (archive: in place of 5)"})
public final class RecordingsCli implements Callable<Integer> {

  /** The tool's name, as in messages. */
  public static final String NAME = "realtimekit-recordings";

  static final String ENV_BASE_URL = "REALTIMEKIT_BASE_URL";
  static final String ENV_TOKEN = "CLOUDFLARE_API_TOKEN";
  static final String ENV_ACCOUNT = "CLOUDFLARE_ACCOUNT_ID";
  static final String ENV_APP = "REALTIMEKIT_APP_ID";

  @Spec
  CommandSpec spec;

  // The global options: INHERIT makes each one an option of every command too, so it may come before
  // or after the command's name, and every command's --help lists it.

  @Option(names = "--base-url", paramLabel = "URL", scope = ScopeType.INHERIT,
      description = "The API's base URL (env: " + ENV_BASE_URL + "; default: " + RealtimeKitClient.DEFAULT_BASE_URL + ")")
  String baseUrl;

  @Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT,
      description = "Cloudflare API token with the Realtime permission (env: " + ENV_TOKEN + "); "
          + "required unless nothing else is configured, or with --mock")
  String token;

  @Option(names = "--account", paramLabel = "ID", scope = ScopeType.INHERIT,
      description = "Cloudflare account ID (env: " + ENV_ACCOUNT + ")")
  String account;

  @Option(names = "--app", paramLabel = "ID", scope = ScopeType.INHERIT,
      description = "RealtimeKit app ID (env: " + ENV_APP + ")")
  String app;

  @Option(names = "--max-retries", paramLabel = "N", converter = Converters.NonNegative.class, scope = ScopeType.INHERIT,
      description = "Retries after a failed attempt (429, 5xx, network); 0 for none (default: 2)")
  Integer maxRetries;

  @Option(names = "--timeout", paramLabel = "SECONDS", converter = Converters.Seconds.class, scope = ScopeType.INHERIT,
      description = "Connect and read timeout, such as 30 or 2.5 (default: 10 to connect, 60 to read)")
  Double timeout;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Log each HTTP exchange on stderr, credentials shown as ***, and show stack traces of errors")
  boolean verbose;

  @Option(names = "--mock", scope = ScopeType.INHERIT,
      description = "Use the built-in mock server with the spec's documented examples, whatever is configured")
  boolean mock;

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final Terminal terminal;

  private RecordingsCli(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.env = Map.copyOf(env);
    this.terminal = terminal;
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
    return run(out, err, env, Terminal.detect(env), args);
  }

  /**
   * Runs the tool in this process, writing to a terminal described by the caller.
   *
   * @param out standard output: results
   * @param err standard error: progress, the HTTP log and messages
   * @param env the environment variables to read settings from
   * @param terminal whether the output is a terminal, and how wide
   * @param args the command line
   * @return the exit code, one of {@link ExitCode}'s
   */
  static int run(PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal, String... args) {
    return run(System.in, out, err, env, terminal, args);
  }

  /**
   * Runs the tool in this process, reading standard input from the caller.
   *
   * @param in standard input: a request body given as {@code --body -}
   * @param out standard output: results
   * @param err standard error: progress, the HTTP log and messages
   * @param env the environment variables to read settings from
   * @param terminal whether the output is a terminal, and how wide
   * @param args the command line
   * @return the exit code, one of {@link ExitCode}'s
   */
  static int run(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal,
      String... args) {
    return run(in, out, err, env, terminal, Commands.standard(), args);
  }

  /** Runs the tool in this process with these commands. */
  static int run(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal,
      Commands commands, String... args) {
    RecordingsCli cli = new RecordingsCli(in, out, err, env, terminal);
    CommandLine commandLine = commandLine(cli, commands, args)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .setParameterExceptionHandler(cli::onUsageError)
        .setExecutionExceptionHandler(cli::onFailure);
    commandLine.setUsageHelpWidth(terminal.helpColumns());
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * Builds the command line: the top command, the command named in {@code args} from its
   * annotations, and the other commands as a name and a description. For {@code help}, or a name
   * that is no command, every command is built, for the help or the suggestions.
   */
  private static CommandLine commandLine(RecordingsCli cli, Commands commands, String[] args) {
    CommandLine commandLine = new CommandLine(cli);
    String named = commandName(commandLine.getCommandSpec(), args);
    boolean all = named != null && (!commands.has(named) || named.equals("help"));
    for (Map.Entry<String, String> command : commands.summaries().entrySet()) {
      if (all || command.getKey().equals(named)) {
        Object object = commands.create(command.getKey());
        CommandLine subcommand = new CommandLine(object);
        if (object instanceof OperationCommand) {
          // Built from the spec: its arguments' types get the tool's converters.
          Converters.registerFor(subcommand);
        }
        commandLine.addSubcommand(command.getKey(), subcommand);
      } else {
        CommandSpec placeholder = CommandSpec.create();
        placeholder.usageMessage().description(command.getValue());
        commandLine.addSubcommand(command.getKey(), placeholder);
      }
    }
    return commandLine;
  }

  /** The first argument that is neither an option of the top command nor an option's value. */
  private static String commandName(CommandSpec top, String[] args) {
    Set<String> takeValue = new HashSet<>();
    for (OptionSpec option : top.options()) {
      if (option.arity().max() > 0) {
        takeValue.addAll(List.of(option.names()));
      }
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (takeValue.contains(arg)) {
        i++;
      } else if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
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
    String resolvedAccount = setting(account, "--account", ENV_ACCOUNT);
    String resolvedApp = setting(app, "--app", ENV_APP);
    String resolvedBaseUrl = setting(baseUrl, "--base-url", ENV_BASE_URL);
    // An empty CLOUDFLARE_API_TOKEN= is a token the user meant to give: it counts as configured.
    boolean tokenConfigured = resolvedToken != null || env.containsKey(ENV_TOKEN);
    List<String> configured = new ArrayList<>();
    addIfSet(configured, resolvedAccount, account != null ? "--account" : ENV_ACCOUNT);
    addIfSet(configured, resolvedApp, app != null ? "--app" : ENV_APP);
    addIfSet(configured, resolvedBaseUrl, baseUrl != null ? "--base-url" : ENV_BASE_URL);
    boolean useMock = mock || (!tokenConfigured && configured.isEmpty());
    if (!useMock && resolvedToken == null) {
      throw new Failure(ExitCode.USAGE, tokenConfigured
          ? ENV_TOKEN + " is set but empty: set it to an API token or pass --token TOKEN (or use --mock "
              + "for the built-in mock server); nothing was sent"
          : "Missing API token: pass --token TOKEN or set " + ENV_TOKEN + "; " + names(configured)
              + (configured.size() == 1 ? " is" : " are") + " set, so the built-in mock server does not "
              + "answer unless you use --mock; nothing was sent", null);
    }
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
        useMock ? null : resolvedBaseUrl,
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
    return new Output(out, terminal);
  }

  InputStream in() {
    return in;
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
    return terminal.interactive();
  }

  static String userAgent() {
    return NAME + "/" + Version.version();
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
    err.println(NAME + ": " + ControlChars.escape(oneLine(e.getMessage())));
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
      message = "Invalid argument: " + ((InvalidArgumentException) e).getViolations().stream()
          .map(v -> ArgumentNames.of(commandLine.getCommandSpec(), v.getParameter()) + " " + v.getRule() + " (was "
              + v.getValue() + ")")
          .collect(Collectors.joining("; ")) + " (nothing was sent)";
    } else if (e instanceof ServiceException) {
      code = ExitCode.API_ERROR;
      message = e.getMessage();
    } else if (e instanceof NetworkException || e instanceof ResponseDecodingException
        || e instanceof ResponseTooLargeException || e instanceof PagingException) {
      code = ExitCode.NETWORK;
      message = e.getMessage();
    } else {
      code = ExitCode.FAILURE;
      message = "Unexpected error: " + e + (verbose ? "" : " (run with --verbose for details)");
    }
    // The message may carry the server's text: no control character of it reaches the terminal.
    err.println(NAME + ": " + ControlChars.escape(oneLine(message)));
    if (code == ExitCode.USAGE) {
      err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
    }
    if (verbose) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(ControlChars.escapeKeepingLines(trace.toString()));
    }
    err.flush();
    return code;
  }

  /**
   * Names a client builder setting in a message as the option that sets it: {@code baseUrl: must be…}
   * becomes {@code --base-url: must be…}.
   */
  static String withOptionName(String violation) {
    for (Map.Entry<String, String> name : ArgumentNames.SETTINGS.entrySet()) {
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
