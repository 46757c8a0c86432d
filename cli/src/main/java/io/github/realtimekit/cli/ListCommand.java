package io.github.realtimekit.cli;

import io.github.realtimekit.client.ListRecordingsQuery;
import io.github.realtimekit.client.RecordingPage;
import io.github.realtimekit.model.Paging;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.RecordingSortBy;
import io.github.realtimekit.model.RecordingStatusFilter;
import io.github.realtimekit.model.SortOrder;
import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

  @Option(names = "--meeting-id", paramLabel = "UUID", converter = Converters.Uuid.class,
      description = "Only the recordings of this meeting")
  UUID meetingId;

  @Option(names = "--status", paramLabel = "STATUS", split = ",", converter = Converters.Status.class,
      completionCandidates = Converters.StatusValues.class,
      description = "Only recordings with this status: ${COMPLETION-CANDIDATES}; repeat the option or "
          + "separate statuses with commas for several")
  List<RecordingStatusFilter> status;

  @Option(names = "--search", paramLabel = "TEXT",
      description = "Only recordings whose meeting ID or title matches this text")
  String search;

  @Option(names = "--start-time", paramLabel = "TIME", converter = Converters.DateTime.class,
      description = "Start of the time range, ISO-8601 with an offset, such as 2024-01-01T10:00:00+05:30")
  OffsetDateTime startTime;

  @Option(names = "--end-time", paramLabel = "TIME", converter = Converters.DateTime.class,
      description = "End of the time range, ISO-8601 with an offset, such as 2024-01-31T23:59:59Z")
  OffsetDateTime endTime;

  @Option(names = "--sort-by", paramLabel = "FIELD", converter = Converters.SortField.class,
      completionCandidates = Converters.SortFieldValues.class,
      description = "Sort by this field: ${COMPLETION-CANDIDATES}")
  RecordingSortBy sortBy;

  @Option(names = "--sort-order", paramLabel = "ORDER", converter = Converters.Order.class,
      completionCandidates = Converters.OrderValues.class,
      description = "Sort order: ${COMPLETION-CANDIDATES}")
  SortOrder sortOrder;

  @Option(names = "--expired", paramLabel = "true|false", arity = "1",
      description = "Only expired (true) or unexpired (false) recordings on RealtimeKit's bucket")
  Boolean expired;

  @Option(names = "--page-no", paramLabel = "N",
      description = "The page to show, from 1; with --all, the page to start from")
  Integer pageNo;

  @Option(names = "--per-page", paramLabel = "N", description = "Recordings per page")
  Integer perPage;

  @Option(names = "--all", description = "Walk every page, from --page-no or the first")
  boolean all;

  @Option(names = "--json", description = "Print one line of JSON per recording, as the API shapes it")
  boolean json;

  @Override
  public Integer call() {
    ListRecordingsQuery query = ListRecordingsQuery.builder()
        .meetingId(meetingId)
        .status(status)
        .search(search)
        .startTime(startTime)
        .endTime(endTime)
        .sortBy(sortBy)
        .sortOrder(sortOrder)
        .expired(expired)
        .pageNo(pageNo)
        .perPage(perPage)
        .build();
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
    RecordingPage page = session.client().listRecordingsPage(query);
    List<Recording> data = page.getRecordings();
    print(data, output);
    Paging paging = page.getPaging().orElse(null);
    PrintStream err = cli.err();
    int thisPage = pageNo == null || pageNo < 1 ? 1 : pageNo;
    if (data.isEmpty()) {
      err.println(RecordingsCli.NAME + ": no recordings" + (thisPage > 1 ? " on page " + thisPage : "")
          + (paging != null && paging.getTotalCount() != null && paging.getTotalCount() > 0
              ? " (" + paging.getTotalCount() + " in all)" : ""));
    } else if (paging != null && paging.getTotalCount() != null && paging.getEndOffset() != null
        && paging.getEndOffset() < paging.getTotalCount()) {
      err.println(RecordingsCli.NAME + ": recordings " + paging.getStartOffset() + "-" + paging.getEndOffset()
          + " of " + paging.getTotalCount() + "; --page-no " + (thisPage + 1) + " for the next page, --all for every page");
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
    for (RecordingPage page : session.client().listRecordings(query).iterableByPage()) {
      List<Recording> data = page.getRecordings();
      pages++;
      count += data.size();
      if (json) {
        data.forEach(output::jsonLine);
      } else {
        rows.addAll(data);
      }
      if (progress) {
        Long total = page.getPaging().map(Paging::getTotalCount).orElse(null);
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
