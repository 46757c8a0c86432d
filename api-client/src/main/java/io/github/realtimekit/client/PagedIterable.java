package io.github.realtimekit.client;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Every item of a list operation that matches a query, fetched page by page as the caller iterates,
 * built on {@link Page}: see there how a walk proceeds and ends. Nothing is fetched until the caller
 * iterates; only one page is held at a time; each call to {@link #iterator()}, {@link #stream()},
 * {@link #iterableByPage()} or {@link #streamByPage()} walks again from the first page. A failure
 * fetching a page surfaces from {@code hasNext()} or {@code next()} as the client's typed exception
 * and changes nothing: calling again fetches the same page again. The same class serves every list
 * operation of the spec.
 *
 * @param <T> the type of the items, such as {@code Recording}
 */
public final class PagedIterable<T> implements Iterable<T> {

  private final Supplier<Page<T>> firstPage;

  PagedIterable(Supplier<Page<T>> firstPage) {
    this.firstPage = firstPage;
  }

  /**
   * Iterates the items, fetching pages lazily.
   *
   * @return a new iterator, starting at the first page
   */
  @Override
  public Iterator<T> iterator() {
    Iterator<Page<T>> pages = new PageIterator();
    return new Iterator<>() {
      private Iterator<T> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && pages.hasNext()) {
          current = pages.next().getItems().iterator();
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /**
   * Streams the items, fetching pages lazily; a sequential, ordered stream.
   *
   * @return the items
   */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  /**
   * Iterates the pages themselves. The first page is returned even when empty; later pages only
   * when they hold items.
   *
   * @return the pages
   */
  public Iterable<Page<T>> iterableByPage() {
    return PageIterator::new;
  }

  /**
   * Streams the pages themselves; see {@link #iterableByPage()}.
   *
   * @return the pages
   */
  public Stream<Page<T>> streamByPage() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new PageIterator(), Spliterator.ORDERED), false);
  }

  /** Walks from the first page; a failed fetch leaves it where it was. */
  private final class PageIterator implements Iterator<Page<T>> {
    private @Nullable Page<T> last;
    private @Nullable Page<T> pending;
    private boolean finished;

    @Override
    public boolean hasNext() {
      if (pending == null && !finished) {
        Page<T> previous = last;
        if (previous == null) {
          pending = firstPage.get();
        } else if (previous.hasNextPage()) {
          Page<T> next = previous.getNextPage();
          if (next.getItems().isEmpty()) {
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
    public Page<T> next() {
      Page<T> next = hasNext() ? pending : null;
      if (next == null) {
        throw new NoSuchElementException();
      }
      last = next;
      pending = null;
      return next;
    }
  }
}
