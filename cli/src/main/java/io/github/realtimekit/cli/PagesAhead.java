package io.github.realtimekit.cli;

import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A walk's pages, each next one asked for as soon as the one before it is taken: while {@code archive}
 * downloads a page's files, the next page is on its way, so the downloads never stand idle for a page's
 * round trip (ten of them for 1,000 recordings). One thread, and at most one page more in memory; the
 * pages are still asked for one after another, in order, as the walk would.
 *
 * @param <P> the pages
 */
final class PagesAhead<P> implements AutoCloseable {

  private final Iterator<P> pages;
  private final ExecutorService fetcher = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "realtimekit-archive-list");
    t.setDaemon(true);
    return t;
  });
  private Future<P> next;

  /**
   * Starts fetching the first page.
   *
   * @param pages the walk, not started
   */
  PagesAhead(Iterator<P> pages) {
    this.pages = pages;
    this.next = fetcher.submit(this::fetch);
  }

  /** The next page, or null after the last. */
  private P fetch() {
    return pages.hasNext() ? pages.next() : null;
  }

  /**
   * Returns the next page, and starts fetching the one after it.
   *
   * @return the page, or null after the last
   * @throws RuntimeException what fetching the page threw; the walk ends there
   * @throws InterruptedException if interrupted while waiting for it
   */
  P next() throws InterruptedException {
    if (next == null) {
      return null;
    }
    P page;
    try {
      page = next.get();
    } catch (ExecutionException e) {
      next = null;
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
    next = page == null ? null : fetcher.submit(this::fetch);
    return page;
  }

  /** Stops a fetch under way. */
  @Override
  public void close() {
    fetcher.shutdownNow();
  }
}
