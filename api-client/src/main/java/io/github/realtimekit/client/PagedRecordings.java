package io.github.realtimekit.client;

import io.github.realtimekit.model.Recording;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every recording that matches a query, fetched page by page as the caller iterates, built on
 * {@link RecordingPage}: see there how a walk proceeds and ends. Nothing is fetched until the
 * caller iterates; only one page is held at a time; each call to {@link #iterator()},
 * {@link #stream()}, {@link #iterableByPage()} or {@link #streamByPage()} walks again from the first
 * page. A failure fetching a page surfaces from {@code hasNext()} or {@code next()} as the client's
 * typed exception and changes nothing: calling again fetches the same page again.
 */
public final class PagedRecordings implements Iterable<Recording> {

  private final Supplier<RecordingPage> firstPage;

  PagedRecordings(Supplier<RecordingPage> firstPage) {
    this.firstPage = firstPage;
  }

  /**
   * Iterates the recordings, fetching pages lazily.
   *
   * @return a new iterator, starting at the first page
   */
  @Override
  public Iterator<Recording> iterator() {
    Iterator<RecordingPage> pages = new PageIterator();
    return new Iterator<>() {
      private Iterator<Recording> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && pages.hasNext()) {
          current = pages.next().getRecordings().iterator();
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
   * Iterates the pages themselves. The first page is returned even when empty; later pages only
   * when they hold recordings.
   *
   * @return the pages
   */
  public Iterable<RecordingPage> iterableByPage() {
    return PageIterator::new;
  }

  /**
   * Streams the pages themselves; see {@link #iterableByPage()}.
   *
   * @return the pages
   */
  public Stream<RecordingPage> streamByPage() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new PageIterator(), Spliterator.ORDERED), false);
  }

  /** Walks from the first page; a failed fetch leaves it where it was. */
  private final class PageIterator implements Iterator<RecordingPage> {
    private RecordingPage last;
    private RecordingPage pending;
    private boolean finished;

    @Override
    public boolean hasNext() {
      if (pending == null && !finished) {
        if (last == null) {
          pending = firstPage.get();
        } else if (last.hasNextPage()) {
          RecordingPage next = last.getNextPage();
          if (next.getRecordings().isEmpty()) {
            finished = true;
          } else {
            pending = next;
          }
        } else {
          finished = true;
        }
      }
      return pending != null;
    }

    @Override
    public RecordingPage next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      last = pending;
      pending = null;
      return last;
    }
  }
}
