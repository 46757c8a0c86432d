package io.github.realtimekit.client;

import io.github.realtimekit.model.ListRecordingsResponse;
import io.github.realtimekit.model.Paging;
import io.github.realtimekit.model.Recording;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every recording that matches a query, fetched page by page as the caller iterates.
 *
 * <p>Pages are numbered from 1 and the walk starts at the query's {@code page_no} (page 1 when unset),
 * asking for the next page until a page comes back empty or its {@code end_offset} reaches
 * {@code total_count} (offsets count recordings from 1, inclusive). Only one page is held at a time.
 * Each call to {@link #iterator()} or {@link #stream()} walks again from the first page. A failure
 * fetching a page surfaces from {@code hasNext()} or {@code next()} as the client's typed exception.
 */
public final class PagedRecordings implements Iterable<Recording> {

  private final int firstPage;
  private final IntFunction<ListRecordingsResponse> fetchPage;

  PagedRecordings(int firstPage, IntFunction<ListRecordingsResponse> fetchPage) {
    this.firstPage = firstPage;
    this.fetchPage = fetchPage;
  }

  /** Iterates the recordings, fetching pages lazily. */
  @Override
  public Iterator<Recording> iterator() {
    Iterator<ListRecordingsResponse> pages = new PageIterator();
    return new Iterator<>() {
      private Iterator<Recording> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && pages.hasNext()) {
          current = data(pages.next()).iterator();
        }
        return current.hasNext();
      }

      @Override
      public Recording next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /**
   * Streams the recordings, fetching pages lazily; a sequential, ordered stream.
   *
   * @return the recordings
   */
  public Stream<Recording> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  /**
   * Iterates the pages themselves, each with its paging information. The first page is returned even
   * when empty; later pages only when they hold recordings.
   *
   * @return the pages
   */
  public Iterable<ListRecordingsResponse> byPage() {
    return PageIterator::new;
  }

  /**
   * Streams the pages themselves; see {@link #byPage()}.
   *
   * @return the pages
   */
  public Stream<ListRecordingsResponse> streamByPage() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new PageIterator(), Spliterator.ORDERED), false);
  }

  private static List<Recording> data(ListRecordingsResponse page) {
    return page.getData() == null ? List.of() : page.getData();
  }

  private final class PageIterator implements Iterator<ListRecordingsResponse> {
    private int nextPageNo = firstPage;
    private long seen;
    private boolean finished;
    private boolean first = true;
    private ListRecordingsResponse fetched;

    @Override
    public boolean hasNext() {
      if (fetched == null && !finished) {
        ListRecordingsResponse page = fetchPage.apply(nextPageNo++);
        List<Recording> data = data(page);
        seen += data.size();
        finished = data.isEmpty() || isLast(page.getPaging());
        if (!data.isEmpty() || first) {
          fetched = page;
        }
        first = false;
      }
      return fetched != null;
    }

    private boolean isLast(Paging paging) {
      if (paging == null || paging.getTotalCount() == null) {
        return false;
      }
      long total = paging.getTotalCount();
      return seen >= total || (paging.getEndOffset() != null && paging.getEndOffset() >= total);
    }

    @Override
    public ListRecordingsResponse next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ListRecordingsResponse page = fetched;
      fetched = null;
      return page;
    }
  }
}
