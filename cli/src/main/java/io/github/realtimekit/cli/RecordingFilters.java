package io.github.realtimekit.cli;

import io.github.realtimekit.client.ListRecordingsQuery;
import io.github.realtimekit.model.RecordingSortBy;
import io.github.realtimekit.model.RecordingStatusFilter;
import io.github.realtimekit.model.SortOrder;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Option;

/**
 * The list operation's filters as options, worded as {@code list} words them, for the commands that
 * walk every matching recording.
 */
final class RecordingFilters {

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

  @Option(names = "--expired", paramLabel = "true|false", arity = "1", converter = Converters.TrueOrFalse.class,
      description = "Only expired (true) or unexpired (false) recordings on RealtimeKit's bucket")
  Boolean expired;

  @Option(names = "--per-page", paramLabel = "N", converter = Converters.Positive.class,
      description = "Recordings per page, from 1")
  Integer perPage;

  /**
   * Returns the query these options describe, from the first page.
   *
   * @return the query
   */
  ListRecordingsQuery query() {
    return ListRecordingsQuery.builder()
        .meetingId(meetingId)
        .status(status)
        .search(search)
        .startTime(startTime)
        .endTime(endTime)
        .sortBy(sortBy)
        .sortOrder(sortOrder)
        .expired(expired)
        .perPage(perPage)
        .build();
  }
}
