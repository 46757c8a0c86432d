package io.github.realtimekit.cli;

import io.github.realtimekit.cli.generated.OperationCommands;
import io.github.realtimekit.client.core.ControlChars;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.OutcomeUnknownException;
import io.github.realtimekit.client.errors.PagingException;
import io.github.realtimekit.client.errors.ResponseDecodingException;
import io.github.realtimekit.client.errors.ResponseTooLargeException;
import io.github.realtimekit.client.errors.ServiceException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where the tool's failures become a message on stderr and an exit code (see
 * {@link ExitCode}): usage errors, the client's typed exceptions and anything unexpected. Every message
 * is one line with its control characters escaped, since it may carry the server's text; with
 * {@code --verbose} the stack trace follows.
 */
final class FailureReport {

  private static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private final PrintStream err;
  private final BooleanSupplier verbose;

  /**
   * @param err where messages go
   * @param verbose whether {@code --verbose} was given, asked when a failure is reported
   */
  FailureReport(PrintStream err, BooleanSupplier verbose) {
    this.err = err;
    this.verbose = verbose;
  }

  int onUsageError(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    err.println(RecordingsCli.NAME + ": " + ControlChars.escape(oneLine(e.getMessage())));
    UnmatchedArgumentException.printSuggestions(e, new PrintWriter(err, true));
    err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCode.USAGE;
  }

  int onFailure(Exception e, CommandLine commandLine, ParseResult parseResult) {
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
    } else if (e instanceof OutcomeUnknownException) {
      OutcomeUnknownException unknown = (OutcomeUnknownException) e;
      code = ExitCode.OUTCOME_UNKNOWN;
      String check = commandLine(unknown.getCheckOperation().getName(), unknown.getCheckArguments());
      message = e.getMessage() + (check == null ? "" : "; to find out, run: " + check);
    } else if (e instanceof ServiceException) {
      code = ExitCode.API_ERROR;
      message = e.getMessage();
    } else if (e instanceof NetworkException || e instanceof ResponseDecodingException
        || e instanceof ResponseTooLargeException || e instanceof PagingException) {
      code = ExitCode.NETWORK;
      message = e.getMessage();
    } else {
      code = ExitCode.FAILURE;
      message = "Unexpected error: " + e + (verbose.getAsBoolean() ? "" : " (run with --verbose for details)");
    }
    // The message may carry the server's text: no control character of it reaches the terminal.
    err.println(RecordingsCli.NAME + ": " + ControlChars.escape(oneLine(message)));
    if (code == ExitCode.USAGE) {
      err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
    }
    if (verbose.getAsBoolean()) {
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

  /**
   * Returns what a user runs to call an operation with these arguments, such as
   * {@code realtimekit-recordings active --meeting 97440c6a-...}: the command generated for the
   * operation, its options and arguments, each word quoted for a POSIX shell when it needs it.
   *
   * @param operation the operation's Java name ({@code OperationDescriptor.getName()})
   * @param arguments the values by the spec's parameter names
   * @return the command line, or null when the tool has no command for it or an argument is missing
   */
  static String commandLine(String operation, Map<String, String> arguments) {
    List<String> words = OperationCommands.commandLine(operation, arguments);
    if (words == null) {
      return null;
    }
    StringBuilder line = new StringBuilder(RecordingsCli.NAME);
    for (String word : words) {
      line.append(' ').append(SAFE_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'");
    }
    return line.toString();
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }
}
