package io.github.realtimekit.client;

import io.github.realtimekit.client.core.RetryScheduled;
import io.github.realtimekit.client.errors.RealtimeKitException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The asynchronous calls of {@link RealtimeKitAsyncClient}: each attempt is the synchronous call made
 * once, on an executor, through the same pipeline (argument checks, rate gate, error mapping,
 * authentication, deadlines, limits, logging); where the pipeline would wait (to retry, or for the rate
 * gate) it says how long instead ({@link RetryScheduled}), and the next attempt is scheduled on one
 * shared timer thread. So no thread is started per call, and none is held while a call waits.
 * {@code cancel(true)} on a call's future interrupts its attempt under way, which cancels the exchange,
 * and drops a retry not yet made.
 *
 * <p>The executor runs the attempts, whose I/O blocks their thread while it lasts: the caller's (see
 * {@link RealtimeKitClientBuilder#asyncExecutor(Executor)}; on JDK 21 and later a virtual-thread executor
 * holds no platform thread at all), or a pool of {@value #SHARED_THREADS} daemon threads shared by
 * every client of the JVM, whose queue holds the attempts beyond them.
 */
final class AsyncCalls {

  /** The threads of the shared executor: the attempts under way at once when the caller gives none. */
  static final int SHARED_THREADS = 16;

  private final Executor executor;

  AsyncCalls(@Nullable Executor executor) {
    this.executor = executor != null ? executor : Shared.EXECUTOR;
  }

  /**
   * Starts a call.
   *
   * @param call the synchronous call, made once per attempt
   * @return its future, completed with its result or its exception
   */
  <T> CompletableFuture<T> call(Supplier<T> call) {
    Call<T> started = new Call<>(call);
    started.submit();
    return started;
  }

  /** The shared executor and timer, made on first use; daemon threads, so they never keep a JVM alive. */
  private static final class Shared {
    static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(SHARED_THREADS, threads("realtimekit-async-"));
    static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(threads("realtimekit-async-timer-"));

    private static ThreadFactory threads(String prefix) {
      AtomicInteger n = new AtomicInteger();
      return r -> {
        Thread t = new Thread(r, prefix + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
    }
  }

  /** One call: its attempts, the failures of the earlier ones, and what cancelling must stop. */
  private final class Call<T> extends CompletableFuture<T> {
    private final Supplier<T> call;
    private final List<RealtimeKitException> earlier = new ArrayList<>();
    private int attempt = 1;
    private @Nullable Thread worker;
    private @Nullable ScheduledFuture<?> pending;

    Call(Supplier<T> call) {
      this.call = call;
    }

    void submit() {
      try {
        executor.execute(this::attempt);
      } catch (RejectedExecutionException e) {
        completeExceptionally(e);
      }
    }

    private void attempt() {
      synchronized (this) {
        if (isDone()) {
          return;
        }
        worker = Thread.currentThread();
      }
      try {
        complete(CallScope.scheduledAttempt(attempt, call));
      } catch (RetryScheduled later) {
        retryAfter(later);
      } catch (RealtimeKitException e) {
        earlier.forEach(e::addSuppressed);
        completeExceptionally(e);
      } catch (RuntimeException | Error e) {
        completeExceptionally(e);
      } finally {
        synchronized (this) {
          worker = null;
          if (isCancelled()) {
            // The interrupt was this call's cancel: it ends here, not in the executor's next task.
            Thread.interrupted();
          }
        }
      }
    }

    private void retryAfter(RetryScheduled later) {
      RealtimeKitException failure = later.failure();
      if (failure != null) {
        earlier.add(failure);
      }
      attempt = later.nextAttempt();
      synchronized (this) {
        if (!isDone()) {
          pending = Shared.TIMER.schedule(this::submit, later.delay().toNanos(), TimeUnit.NANOSECONDS);
        }
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (cancelled) {
        synchronized (this) {
          if (pending != null) {
            pending.cancel(false);
          }
          if (worker != null && mayInterruptIfRunning) {
            worker.interrupt();
          }
        }
      }
      return cancelled;
    }
  }
}
