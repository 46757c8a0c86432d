package io.github.realtimekit.cli;

import io.github.realtimekit.client.ListRecordingsQuery;
import io.github.realtimekit.client.Page;
import io.github.realtimekit.model.Recording;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code list}: one page of an app's recordings, or every page with {@code --all}. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false, description = ListCommand.SUMMARY)
final class ListCommand implements Callable<Integer> {

  /** What the command does, in one line. */
  static final String SUMMARY = "List an app's recordings as a table (or one line of JSON per recording with --json): "
      + "one page, or every page with --all.";

  @ParentCommand
  RecordingsCli cli;

  /** The filters, shared with {@code archive}. */
  @Mixin
  RecordingFilters filters;

  @Option(names = "--page-no", paramLabel = "N", converter = Converters.Positive.class,
      description = "The page to show, from 1; with --all, the page to start from")
  Integer pageNo;

  @Option(names = "--all", description = "Walk every page, from --page-no or the first")
  boolean all;

  @Option(names = "--json", description = "Print one line of JSON per recording, as the API shapes it")
  boolean json;

  @Override
  public Integer call() {
    ListRecordingsQuery query = filters.query().toBuilder().pageNo(pageNo).build();
    try (Session session = cli.openSession()) {
      Output output = cli.output();
      if (all) {
        listAll(session, query, output);
      } else {
        listPage(session, query, output);
      }
    }
    return ExitCode.OK;
  }

  private void listPage(Session session, ListRecordingsQuery query, Output output) {
    Page<Recording> page = session.client().listRecordingsPage(query);
    List<Recording> data = page.getItems();
    print(data, output);
    PrintStream err = cli.err();
    int thisPage = pageNo == null || pageNo < 1 ? 1 : pageNo;
    if (data.isEmpty()) {
      err.println(RecordingsCli.NAME + ": no recordings" + (thisPage > 1 ? " on page " + thisPage : "")
          + (page.getTotalCount().orElse(0) > 0 ? " (" + page.getTotalCount().getAsLong() + " in all)" : ""));
    } else if (page.getTotalCount().isPresent() && page.getEndOffset().isPresent()
        && page.getEndOffset().getAsLong() < page.getTotalCount().getAsLong()) {
      err.println(RecordingsCli.NAME + ": recordings " + (page.getStartOffset().isPresent()
          ? String.valueOf(page.getStartOffset().getAsLong()) : "?") + "-" + page.getEndOffset().getAsLong()
          + " of " + page.getTotalCount().getAsLong() + "; --page-no " + (thisPage + 1)
          + " for the next page, --all for every page");
    }
  }

  private void listAll(Session session, ListRecordingsQuery query, Output output) {
    // A table waits for the last page, so say how far the walk is; JSON lines show it themselves.
    boolean progress = !json && cli.terminal();
    PrintStream err = cli.err();
    List<Recording> rows = new ArrayList<>();
    long count = 0;
    int pages = 0;
    int width = 0;
    for (Page<Recording> page : session.client().listRecordings(query).iterableByPage()) {
      List<Recording> data = page.getItems();
      pages++;
      count += data.size();
      if (json) {
        data.forEach(output::jsonLine);
      } else {
        rows.addAll(data);
      }
      if (progress) {
        Long total = page.getTotalCount().isPresent() ? page.getTotalCount().getAsLong() : null;
        String line = "fetched " + count + (total != null ? " of " + total : "") + " recordings (" + pages
            + (pages == 1 ? " page)" : " pages)");
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
      }
    }
    if (progress && width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
    }
    if (!json) {
      print(rows, output);
    }
    if (count == 0) {
      err.println(RecordingsCli.NAME + ": no recordings");
    }
  }

  private void print(List<Recording> data, Output output) {
    if (json) {
      data.forEach(output::jsonLine);
    } else if (!data.isEmpty()) {
      output.table(data);
    }
  }
}
