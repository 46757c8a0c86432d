package io.github.realtimekit.client;

import io.github.realtimekit.client.errors.PagingException;
import io.github.realtimekit.model.ListRecordingsResponse;
import io.github.realtimekit.model.Paging;
import io.github.realtimekit.model.Recording;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * One page of recordings, as an immutable value: its recordings, its paging information, and a way
 * to fetch the page after it. Fetching the next page changes nothing here, so a fetch that fails can
 * simply be tried again.
 *
 * <p>Pages are numbered from 1. There is a next page when this one holds recordings and its
 * {@code paging} does not show it to be the last: its {@code end_offset} (offsets count recordings
 * from 1, inclusive) or the recordings seen so far reach {@code total_count}. A next page that
 * repeats this one, or a walk with more pages than {@code total_count} allows, ends in a
 * {@link PagingException} rather than a walk that never ends.
 */
public final class RecordingPage {

  private final ListRecordingsResponse response;
  private final int pageNo;
  private final long recordingsSoFar;
  private final int pagesSoFar;
  private final IntFunction<ListRecordingsResponse> fetchPage;
  private final String operation;

  RecordingPage(ListRecordingsResponse response, int pageNo, long recordingsBefore, int pagesBefore,
      IntFunction<ListRecordingsResponse> fetchPage, String operation) {
    this.response = Objects.requireNonNull(response, "response");
    this.pageNo = pageNo;
    this.recordingsSoFar = recordingsBefore + getRecordings().size();
    this.pagesSoFar = pagesBefore + 1;
    this.fetchPage = fetchPage;
    this.operation = operation;
  }

  /**
   * Returns the recordings of this page.
   *
   * @return the recordings, in the order the API sent them; empty when the page holds none
   */
  public List<Recording> getRecordings() {
    List<Recording> data = response.getData();
    return data == null ? List.of() : data;
  }

  /**
   * Returns the page's paging information.
   *
   * @return the paging information, or empty when the response had none
   */
  public Optional<Paging> getPaging() {
    return Optional.ofNullable(response.getPaging());
  }

  /**
   * Returns the number of this page.
   *
   * @return the page number, from 1
   */
  public int getPageNo() {
    return pageNo;
  }

  /**
   * Returns the whole response this page was decoded from.
   *
   * @return the response
   */
  public ListRecordingsResponse getResponse() {
    return response;
  }

  /**
   * Returns whether there is a page after this one.
   *
   * @return false when this page is empty or its paging shows it to be the last
   */
  public boolean hasNextPage() {
    if (getRecordings().isEmpty()) {
      return false;
    }
    Paging paging = response.getPaging();
    if (paging == null || paging.getTotalCount() == null) {
      return true;
    }
    long total = paging.getTotalCount();
    return recordingsSoFar < total && (paging.getEndOffset() == null || paging.getEndOffset() < total);
  }

  /**
   * Fetches the page after this one. This page does not change, so after a failure the same call
   * fetches the same page again.
   *
   * @return the next page
   * @throws NoSuchElementException if there is none ({@link #hasNextPage()} is false)
   * @throws PagingException if the next page repeats this one, or there are more pages than the
   *     reported {@code total_count} allows
   * @throws io.github.realtimekit.client.errors.RealtimeKitException if the fetch fails
   */
  public RecordingPage getNextPage() {
    if (!hasNextPage()) {
      throw new NoSuchElementException("page " + pageNo + " is the last page");
    }
    Long total = response.getPaging() == null ? null : response.getPaging().getTotalCount();
    if (total != null && pagesSoFar >= Math.max(total, 1)) {
      throw new PagingException(operation, pageNo + 1, "The walk through " + operation + " made " + pagesSoFar
          + " pages for total_count=" + total + " and would need more: page " + (pageNo + 1)
          + " was not fetched");
    }
    RecordingPage next = new RecordingPage(fetchPage.apply(pageNo + 1), pageNo + 1, recordingsSoFar, pagesSoFar,
        fetchPage, operation);
    if (!next.getRecordings().isEmpty() && ids(next.getRecordings()).equals(ids(getRecordings()))) {
      throw new PagingException(operation, pageNo + 1, "Page " + (pageNo + 1) + " of " + operation
          + " repeats page " + pageNo + " (the server may be ignoring page_no); the walk stops");
    }
    return next;
  }

  private static List<UUID> ids(List<Recording> recordings) {
    return recordings.stream().map(Recording::getId).toList();
  }

  /**
   * Returns the page number, the number of recordings and the paging information.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "RecordingPage{pageNo=" + pageNo + ", recordings=" + getRecordings().size() + ", paging="
        + response.getPaging() + "}";
  }
}
