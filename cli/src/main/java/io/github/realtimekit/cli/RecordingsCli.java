package io.github.realtimekit.cli;

import io.github.realtimekit.client.RealtimeKitClient;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

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
    versionProvider = ToolVersion.class,
    sortOptions = false,
    description = {
        "List, inspect and download the recordings of a Cloudflare RealtimeKit app; start, pause, resume and "
            + "stop them.",
        "",
        "With --mock, or when nothing is configured (no API token, account, app or base URL, "
            + "from options or environment), answers come from a built-in mock server that serves "
            + "the examples documented in the API's spec and plays the recordings started with it, kept "
            + "between commands. Once anything is configured, an API token is required."},
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  success",
        "  1  any other failure: no download URL yet, an interrupted download",
        "  2  usage error or invalid argument; nothing was sent",
        "  3  the API (or the download host) answered with an error",
        "  4  network failure, timeout or undecodable response",
        "  5  archive: some recordings could not be archived",
        "  6  a file or directory could not be written (archive: in place of 5)",
        "  7  active: the meeting has no active recording",
        "  8  a start's outcome is unknown: the answer was lost; the message says what to run to find out"})
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

  @Option(names = "--proxy", paramLabel = "URL", scope = ScopeType.INHERIT,
      description = "Send requests through an HTTP proxy, http://[user:password@]host[:port] (env: HTTPS_PROXY, "
          + "HTTP_PROXY, NO_PROXY, or lower case; loopback hosts never use a proxy)")
  String proxy;

  @Option(names = "--ca-cert", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "Also trust the CA certificates of this PEM file, such as a corporate CA's")
  java.nio.file.Path caCert;

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
  private final RunHooks hooks;

  private RecordingsCli(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal,
      RunHooks hooks) {
    this.hooks = hooks;
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
    System.exit(run(System.in, System.out, System.err, System.getenv(), Terminal.detect(System.getenv()),
        Commands.standard(), new RunHooks(Clock.systemUTC(), new CompletableFuture<>(), true), args));
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
    return run(in, out, err, env, terminal, commands, RunHooks.inProcess(Clock.systemUTC(), new CompletableFuture<>()), args);
  }

  /** Runs the tool in this process with these commands and hooks. */
  static int run(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal,
      Commands commands, RunHooks hooks, String... args) {
    RecordingsCli cli = new RecordingsCli(in, out, err, env, terminal, hooks);
    FailureReport failures = new FailureReport(err, () -> cli.verbose);
    CommandLine commandLine = commandLine(cli, commands, args)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .setParameterExceptionHandler(failures::onUsageError)
        .setExecutionExceptionHandler(failures::onFailure);
    commandLine.setUsageHelpWidth(terminal.helpColumns());
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * Builds the command line: the top command, and the command named in {@code args} from its
   * annotations, alone: a command that runs never lists the others. With no command (the top-level
   * help), the other commands are there as a name and a description; for {@code help}, or a name
   * that is no command, every command is built, for the help or the suggestions.
   */
  private static CommandLine commandLine(RecordingsCli cli, Commands commands, String[] args) {
    CommandLine commandLine = new CommandLine(cli);
    String named = commandName(commandLine.getCommandSpec(), args);
    boolean all = named != null && (!commands.has(named) || named.equals("help"));
    // Each placeholder is a CommandLine of its own, with picocli's converters and patterns set up
    // again: only the top-level help shows them.
    boolean placeholders = named == null;
    for (Map.Entry<String, String> command : commands.summaries().entrySet()) {
      if (!all && !placeholders && !command.getKey().equals(named)) {
        continue;
      }
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
    return Session.open(SessionSettings.resolve(this, env), err);
  }

  /**
   * Returns how the built-in mock's recordings live: on the tool's clock, kept in the file
   * {@link MockCommand#stateFile(Map)} names, so that one command finds what the previous one started.
   *
   * @return the mock's configuration
   */
  MockState.Config mockConfig() {
    return new MockState.Config(hooks.mockClock(), MockState.Config.DEFAULT.settle(), MockCommand.stateFile(env));
  }

  RunHooks hooks() {
    return hooks;
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
    return NAME + "/" + ToolVersion.version();
  }
}
