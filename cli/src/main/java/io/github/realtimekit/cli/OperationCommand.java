package io.github.realtimekit.cli;

import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.Response;
import io.github.realtimekit.client.core.ControlChars;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every command generated from an operation of the spec shares: the session and its client,
 * {@code --json}, the readable output of any response type, paging, and the request body. A generated
 * command declares its arguments and options from the spec and, in {@link #invoke()}, calls the
 * client's method for its operation and hands the result to one of the {@code print} methods.
 *
 * <p>Output: {@code --json} writes one line of JSON as the API shapes it (one line per item for a
 * list); otherwise a model is written as {@code field: value} lines and a list as a table (see
 * {@link ModelText}). Secrets are masked and control characters escaped either way, as for every
 * command. A paged operation prints one page, with a hint on standard error when more follow, or
 * every page with {@code --all}.
 *
 * <p>Failures are named and mapped to exit codes in one place, {@link RecordingsCli}: an argument the
 * client refuses is named as the option or argument that set it (see {@link ArgumentNames}).
 */
public abstract class OperationCommand implements Callable<Integer> {

  @ParentCommand
  RecordingsCli cli;

  @Spec
  CommandSpec spec;

  @Option(names = "--json",
      description = "Print the result as one line of JSON, as the API shapes it; a list as one line per item")
  boolean json;

  private Session session;
  private Output output;

  /** For the generated subclasses. */
  protected OperationCommand() {
  }

  /**
   * Opens a session, runs {@link #invoke()} and closes the session.
   *
   * @return {@link ExitCode#OK}; failures are thrown and mapped by {@link RecordingsCli}
   */
  @Override
  public final Integer call() {
    try (Session opened = cli.openSession()) {
      session = opened;
      output = cli.output();
      invoke();
    } finally {
      session = null;
    }
    return ExitCode.OK;
  }

  /** Calls the operation with the command's arguments and prints the result. */
  protected abstract void invoke();

  /**
   * Returns the client of this run's session.
   *
   * @return the client, set up from the global options
   */
  protected final RealtimeKitClient client() {
    if (session == null) {
      throw new IllegalStateException("No session: the client is only there while the command runs");
    }
    return session.client();
  }

  /**
   * Prints the result of an operation: a model, a list of models, a scalar, or nothing (null).
   *
   * @param result what the client's method returned
   */
  protected final void print(Object result) {
    if (result == null) {
      return;
    }
    if (json) {
      output.jsonLine(result);
    } else {
      output.details(result);
    }
  }

  /**
   * Prints the value of an operation that may find nothing, or, when it found nothing, fails with
   * {@link ExitCode#NONE} and the message on standard error.
   *
   * @param value what the client's method returned
   * @param absentMessage what to say when it is empty, as the spec words it
   * @throws Failure with {@link ExitCode#NONE} when {@code value} is empty
   */
  protected final void printPresent(Optional<?> value, String absentMessage) {
    if (value.isEmpty()) {
      throw new Failure(ExitCode.NONE, absentMessage, null);
    }
    print(value.get());
  }

  /**
   * Prints the value of an operation the client reconciles after a lost answer and, when the value
   * was found that way, says so on standard error: the call took effect, though its own answer was
   * lost (the exit code stays 0).
   *
   * @param response what the client's {@code ...WithResponse} method returned
   */
  protected final void printReconciled(Response<?> response) {
    print(response.getValue());
    if (response.isReconciled()) {
      String how = response.getLostAnswer().map(e -> " (" + e.getMessage() + ")").orElse("");
      cli.err().println(RecordingsCli.NAME + ": " + ControlChars.escape(("the answer was lost" + how
          + ", so the API was asked what the call did: this is what it started (reconciled)")
          .replaceAll("\\s*[\\r\\n]+\\s*", " ")));
    }
  }

  /**
   * Prints one page of a paged operation: a table of its items (one line of JSON per item with
   * {@code --json}), and on standard error a line when the page is empty or more pages follow.
   *
   * @param items the page's items
   * @param pageNo the page's number, from 1
   * @param hasNextPage whether a page follows
   */
  protected final void printPage(List<?> items, int pageNo, boolean hasNextPage) {
    printItems(items);
    PrintStream err = cli.err();
    boolean numbered = spec.findOption("--page-no") != null;
    if (items.isEmpty()) {
      err.println(RecordingsCli.NAME + ": no results" + (pageNo > 1 ? " on page " + pageNo : ""));
    } else if (hasNextPage) {
      err.println(RecordingsCli.NAME + ": more results follow; "
          + (numbered ? "--page-no " + (pageNo + 1) + " for the next page, " : "") + "--all for every page");
    }
  }

  /**
   * Prints every item of a paged operation, fetched page by page as they are read: as one line of
   * JSON each with {@code --json}, as they come; otherwise as one table once the last page is in.
   *
   * @param items the items, lazily
   */
  protected final void printAll(Iterable<?> items) {
    List<Object> rows = new ArrayList<>();
    long count = 0;
    for (Object item : items) {
      count++;
      if (json) {
        output.jsonLine(item);
      } else {
        rows.add(item);
      }
    }
    if (!json) {
      printItems(rows);
    }
    if (count == 0) {
      cli.err().println(RecordingsCli.NAME + ": no results");
    }
  }

  /**
   * Starts a request body from {@code --body} and the options for its fields.
   *
   * @param input the command's {@code --body} mixin
   * @param type the body's model class
   * @param <T> the body's model
   * @return the body in the making; set each field option with {@link BodyInput.Body#with}, then build
   */
  protected final <T> BodyInput.Body<T> body(BodyInput input, Class<T> type) {
    return new BodyInput.Body<>(input, type, cli.in());
  }

  private void printItems(List<?> items) {
    if (json) {
      items.forEach(output::jsonLine);
    } else {
      output.items(items);
    }
  }
}
