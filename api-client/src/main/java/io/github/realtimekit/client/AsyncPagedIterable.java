package io.github.realtimekit.client;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Every item of a list operation, fetched page by page without holding a thread between pages: the
 * asynchronous twin of {@link PagedIterable}. Nothing is sent until {@link #forEach} or
 * {@link #forEachPage} is called; each call walks the pages anew, one after another, each through the
 * client's pipeline (retries, rate gate, deadlines). Cancelling the future they return stops the walk
 * and the page under way.
 *
 * @param <T> the type of the items
 */
public final class AsyncPagedIterable<T> {

  private final Supplier<CompletableFuture<Page<T>>> firstPage;
  private final AsyncCalls calls;

  AsyncPagedIterable(Supplier<CompletableFuture<Page<T>>> firstPage, AsyncCalls calls) {
    this.firstPage = firstPage;
    this.calls = calls;
  }

  /**
   * Hands every item to an action, in order, as each page arrives.
   *
   * @param action called on an executor's thread, once per item, never twice at once
   * @return completed when the last page's items are handed over; exceptionally with the client's
   *     exception when a page fails, or with the action's
   */
  public CompletableFuture<Void> forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    return forEachPage(page -> page.getItems().forEach(action));
  }

  /**
   * Hands every page to an action, in order, as it arrives.
   *
   * @param action called on an executor's thread, once per page, never twice at once
   * @return completed after the last page; exceptionally with the client's exception when a page
   *     fails, or with the action's
   */
  public CompletableFuture<Void> forEachPage(Consumer<? super Page<T>> action) {
    Objects.requireNonNull(action, "action");
    Walk walk = new Walk(action);
    walk.follow(firstPage.get());
    return walk;
  }

  /** One walk: the future of the whole, and the page under way, which cancelling it cancels too. */
  private final class Walk extends CompletableFuture<Void> {
    private final Consumer<? super Page<T>> action;
    private @Nullable CompletableFuture<Page<T>> current;

    Walk(Consumer<? super Page<T>> action) {
      this.action = action;
    }

    void follow(CompletableFuture<Page<T>> page) {
      synchronized (this) {
        if (isDone()) {
          page.cancel(true);
          return;
        }
        current = page;
      }
      page.whenComplete((p, failure) -> {
        if (failure != null) {
          completeExceptionally(failure);
          return;
        }
        try {
          action.accept(p);
        } catch (RuntimeException | Error e) {
          completeExceptionally(e);
          return;
        }
        if (p.hasNextPage()) {
          follow(calls.call(p::getNextPage));
        } else {
          complete(null);
        }
      });
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      CompletableFuture<Page<T>> page;
      synchronized (this) {
        page = current;
      }
      if (cancelled && page != null) {
        page.cancel(mayInterruptIfRunning);
      }
      return cancelled;
    }
  }
}
