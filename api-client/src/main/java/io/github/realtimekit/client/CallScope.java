package io.github.realtimekit.client;

import io.github.realtimekit.client.core.OperationDescriptor;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Hands one call's {@link RequestOptions} from the method that was called to {@link FeignAdapter},
 * across Feign, on the calling thread: Feign runs a call synchronously on the thread that made it.
 * The adapter takes the options when it builds the pipeline's request, so that a call made from
 * inside that call (by a stage, say) does not inherit them; the scope is closed however the call ends.
 */
final class CallScope {

  private static final ThreadLocal<@Nullable RequestOptions> CURRENT = new ThreadLocal<>();

  private CallScope() {
  }

  /**
   * Runs one call with options: checks them against the operation first (nothing is sent when they
   * break a rule), then makes them the options of the next request the calling thread sends.
   */
  static <T> T call(OperationDescriptor operation, RequestOptions options, Supplier<T> call) {
    if (options == null) {
      throw new InvalidArgumentException(operation.getName(), List.of(new InvalidArgumentException.Violation(
          "options", "must not be null; use RequestOptions.none() for none", "null")));
    }
    List<InvalidArgumentException.Violation> violations = options.violations();
    if (!violations.isEmpty()) {
      throw new InvalidArgumentException(operation.getName(), violations);
    }
    RequestOptions outer = CURRENT.get();
    CURRENT.set(options == RequestOptions.none() ? null : options);
    try {
      return call.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** The attempt number of an asynchronous call's attempt running on this thread; 0 for none. */
  private static final ThreadLocal<int[]> SCHEDULED = ThreadLocal.withInitial(() -> new int[1]);

  /**
   * Runs one attempt of an asynchronous call: the next request this thread sends is that attempt, and
   * the pipeline throws {@link io.github.realtimekit.client.core.RetryScheduled} where it would wait.
   */
  static <T> T scheduledAttempt(int attempt, Supplier<T> call) {
    int[] slot = SCHEDULED.get();
    int outer = slot[0];
    slot[0] = attempt;
    try {
      return call.get();
    } finally {
      slot[0] = outer;
    }
  }

  /** Takes the attempt number bound to this thread's next request, leaving none; 0 when there is none. */
  static int takeScheduledAttempt() {
    int[] slot = SCHEDULED.get();
    int attempt = slot[0];
    slot[0] = 0;
    return attempt;
  }

  /** Takes the options bound to this thread's call, leaving none; null when there are none. */
  static @Nullable RequestOptions take() {
    RequestOptions options = CURRENT.get();
    if (options != null) {
      CURRENT.remove();
    }
    return options;
  }
}
