package io.github.realtimekit.client;

import io.github.realtimekit.client.core.OperationDescriptor;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Hands one call's {@link RequestOptions} from the method that was called to where the pipeline's
 * request is made ({@link OperationCall}, or {@link FeignAdapter} across Feign, which runs a call
 * synchronously on the thread that made it), on the calling thread. That code takes the options when it
 * builds the request, so that a call made from inside that call (by a stage, say) does not inherit
 * them; the scope is closed however the call ends.
 * The same for the attempt number of an asynchronous call's attempt. One thread-local slot holds
 * both, so that it is looked up once per request.
 */
final class CallScope {

  /** What the next request this thread sends is bound to. */
  static final class Slot {
    private @Nullable RequestOptions options;
    private int attempt;

    /** Takes the options, leaving none; null when there are none. */
    @Nullable RequestOptions takeOptions() {
      RequestOptions taken = options;
      options = null;
      return taken;
    }

    /** Takes the attempt number of an asynchronous call, leaving none; 0 when there is none. */
    int takeAttempt() {
      int taken = attempt;
      attempt = 0;
      return taken;
    }
  }

  private static final ThreadLocal<Slot> CURRENT = ThreadLocal.withInitial(Slot::new);

  private CallScope() {
  }

  /** This thread's slot, for the code that makes the request to take what it holds. */
  static Slot slot() {
    return CURRENT.get();
  }

  /**
   * Checks a call's options against its operation: nothing is sent when they break a rule.
   *
   * @throws InvalidArgumentException naming what breaks which rule
   */
  static void check(OperationDescriptor operation, @Nullable RequestOptions options) {
    if (options == null) {
      throw new InvalidArgumentException(operation.getName(), List.of(new InvalidArgumentException.Violation(
          "options", "must not be null; use RequestOptions.none() for none", "null")));
    }
    List<InvalidArgumentException.Violation> violations = options.violations();
    if (!violations.isEmpty()) {
      throw new InvalidArgumentException(operation.getName(), violations);
    }
  }

  /**
   * Runs one call with options: checks them first, then makes them the options of the next request
   * the calling thread sends.
   */
  static <T> T call(OperationDescriptor operation, RequestOptions options, Supplier<T> call) {
    check(operation, options);
    Slot slot = CURRENT.get();
    RequestOptions outer = slot.options;
    slot.options = options == RequestOptions.none() ? null : options;
    try {
      return call.get();
    } finally {
      slot.options = outer;
    }
  }

  /**
   * Runs one attempt of an asynchronous call: the next request this thread sends is that attempt, and
   * the pipeline throws {@link io.github.realtimekit.client.core.RetryScheduled} where it would wait.
   */
  static <T> T scheduledAttempt(int attempt, Supplier<T> call) {
    Slot slot = CURRENT.get();
    int outer = slot.attempt;
    slot.attempt = attempt;
    try {
      return call.get();
    } finally {
      slot.attempt = outer;
    }
  }
}
