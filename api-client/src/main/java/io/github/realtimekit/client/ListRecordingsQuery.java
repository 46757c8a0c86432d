package io.github.realtimekit.client;

import io.github.realtimekit.model.RecordingSortBy;
import io.github.realtimekit.model.RecordingStatusFilter;
import io.github.realtimekit.model.SortOrder;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The optional filters, sorting and paging of a request for an app's recordings. Immutable; an
 * unset value is left out of the request. Constraints are checked when the request is made.
 *
 * <pre>{@code
 * ListRecordingsQuery query = ListRecordingsQuery.builder()
 *     .status(RecordingStatusFilter.UPLOADED)
 *     .startTime(OffsetDateTime.parse("2024-01-01T00:00:00Z"))
 *     .perPage(50)
 *     .build();
 * }</pre>
 */
public final class ListRecordingsQuery {

  private static final ListRecordingsQuery NONE = builder().build();

  private final OffsetDateTime endTime;
  private final Boolean expired;
  private final UUID meetingId;
  private final Integer pageNo;
  private final Integer perPage;
  private final RecordingSortBy sortBy;
  private final SortOrder sortOrder;
  private final OffsetDateTime startTime;
  private final List<RecordingStatusFilter> statuses;

  private ListRecordingsQuery(Builder b) {
    this.endTime = b.endTime;
    this.expired = b.expired;
    this.meetingId = b.meetingId;
    this.pageNo = b.pageNo;
    this.perPage = b.perPage;
    this.sortBy = b.sortBy;
    this.sortOrder = b.sortOrder;
    this.startTime = b.startTime;
    this.statuses = b.statuses;
  }

  /**
   * Returns a query with nothing set: every recording of the app, in the API's default order.
   *
   * @return the empty query
   */
  public static ListRecordingsQuery none() {
    return NONE;
  }

  /**
   * Returns an empty builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder that starts from this query's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder()
        .endTime(endTime)
        .expired(expired)
        .meetingId(meetingId)
        .pageNo(pageNo)
        .perPage(perPage)
        .sortBy(sortBy)
        .sortOrder(sortOrder)
        .startTime(startTime)
        .statuses(statuses);
  }

  /** @return {@code end_time}: the end of the time range, or null */
  public OffsetDateTime endTime() {
    return endTime;
  }

  /** @return {@code expired}: only expired or only non-expired recordings, or null for both */
  public Boolean expired() {
    return expired;
  }

  /** @return {@code meeting_id}: only this meeting's recordings, or null */
  public UUID meetingId() {
    return meetingId;
  }

  /** @return {@code page_no}: the page to fetch, or null for the API's default */
  public Integer pageNo() {
    return pageNo;
  }

  /** @return {@code per_page}: the number of recordings per page, or null for the API's default */
  public Integer perPage() {
    return perPage;
  }

  /** @return {@code sort_by}: the field to sort by, or null */
  public RecordingSortBy sortBy() {
    return sortBy;
  }

  /** @return {@code sort_order}: the order to sort in, or null */
  public SortOrder sortOrder() {
    return sortOrder;
  }

  /** @return {@code start_time}: the start of the time range, or null */
  public OffsetDateTime startTime() {
    return startTime;
  }

  /** @return {@code status}: the statuses to match, or null for any status */
  public List<RecordingStatusFilter> statuses() {
    return statuses;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ListRecordingsQuery)) {
      return false;
    }
    ListRecordingsQuery q = (ListRecordingsQuery) o;
    return Objects.equals(endTime, q.endTime)
        && Objects.equals(expired, q.expired)
        && Objects.equals(meetingId, q.meetingId)
        && Objects.equals(pageNo, q.pageNo)
        && Objects.equals(perPage, q.perPage)
        && Objects.equals(sortBy, q.sortBy)
        && Objects.equals(sortOrder, q.sortOrder)
        && Objects.equals(startTime, q.startTime)
        && Objects.equals(statuses, q.statuses);
  }

  @Override
  public int hashCode() {
    return Objects.hash(endTime, expired, meetingId, pageNo, perPage, sortBy, sortOrder, startTime, statuses);
  }

  @Override
  public String toString() {
    return "ListRecordingsQuery{endTime=" + endTime + ", expired=" + expired + ", meetingId=" + meetingId
        + ", pageNo=" + pageNo + ", perPage=" + perPage + ", sortBy=" + sortBy + ", sortOrder=" + sortOrder
        + ", startTime=" + startTime + ", statuses=" + statuses + "}";
  }

  /** Builds {@link ListRecordingsQuery} objects. Not thread-safe. */
  public static final class Builder {
    private OffsetDateTime endTime;
    private Boolean expired;
    private UUID meetingId;
    private Integer pageNo;
    private Integer perPage;
    private RecordingSortBy sortBy;
    private SortOrder sortOrder;
    private OffsetDateTime startTime;
    private List<RecordingStatusFilter> statuses;

    private Builder() {
    }

    /**
     * Sets {@code end_time}: the end of the time range to retrieve recordings for.
     *
     * @param endTime the end, sent with seconds and its offset; null to leave it out
     * @return this builder
     */
    public Builder endTime(OffsetDateTime endTime) {
      this.endTime = endTime;
      return this;
    }

    /**
     * Sets {@code expired}: only expired (true) or only non-expired (false) recordings on
     * RealtimeKit's bucket.
     *
     * @param expired the flag; null to leave it out
     * @return this builder
     */
    public Builder expired(Boolean expired) {
      this.expired = expired;
      return this;
    }

    /**
     * Sets {@code meeting_id}: only the recordings of this meeting.
     *
     * @param meetingId the meeting; null to leave it out
     * @return this builder
     */
    public Builder meetingId(UUID meetingId) {
      this.meetingId = meetingId;
      return this;
    }

    /**
     * Sets {@code page_no}: the page to fetch (at least 0; pages are numbered from 1).
     *
     * @param pageNo the page; null to leave it out
     * @return this builder
     */
    public Builder pageNo(Integer pageNo) {
      this.pageNo = pageNo;
      return this;
    }

    /**
     * Sets {@code per_page}: the number of recordings per page (at least 0).
     *
     * @param perPage the page size; null to leave it out
     * @return this builder
     */
    public Builder perPage(Integer perPage) {
      this.perPage = perPage;
      return this;
    }

    /**
     * Sets {@code sort_by}: the field to sort by.
     *
     * @param sortBy the field; null to leave it out
     * @return this builder
     */
    public Builder sortBy(RecordingSortBy sortBy) {
      this.sortBy = sortBy;
      return this;
    }

    /**
     * Sets {@code sort_order}: ascending or descending.
     *
     * @param sortOrder the order; null to leave it out
     * @return this builder
     */
    public Builder sortOrder(SortOrder sortOrder) {
      this.sortOrder = sortOrder;
      return this;
    }

    /**
     * Sets {@code start_time}: the start of the time range to retrieve recordings for.
     *
     * @param startTime the start, sent with seconds and its offset; null to leave it out
     * @return this builder
     */
    public Builder startTime(OffsetDateTime startTime) {
      this.startTime = startTime;
      return this;
    }

    /**
     * Sets {@code status}: only recordings in one of these statuses.
     *
     * @param statuses the statuses, sent comma-separated; null or empty to leave it out
     * @return this builder
     */
    public Builder statuses(List<RecordingStatusFilter> statuses) {
      this.statuses = statuses == null || statuses.isEmpty() ? null : List.copyOf(statuses);
      return this;
    }

    /**
     * Sets {@code status}: only recordings in one of these statuses.
     *
     * @param statuses the statuses, sent comma-separated
     * @return this builder
     */
    public Builder status(RecordingStatusFilter... statuses) {
      return statuses(Arrays.asList(statuses));
    }

    /**
     * Builds the query.
     *
     * @return a new immutable query
     */
    public ListRecordingsQuery build() {
      return new ListRecordingsQuery(this);
    }
  }
}
