package io.github.realtimekit.client;

import io.github.realtimekit.client.core.OperationDescriptor;
import io.github.realtimekit.client.core.Outcome;
import io.github.realtimekit.client.core.SafeText;
import io.github.realtimekit.client.errors.CallCancelledException;
import io.github.realtimekit.client.errors.OutcomeUnknownException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.client.errors.ServiceException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A call that may change state, made at most once: when its answer is lost on the way
 * ({@link Outcome#answerLost}), it is not sent again, but the operation the spec names
 * ({@code x-realtimekit-reconcile}) is asked what it did. What that finds, if it began no earlier
 * than the call (less {@link #CLOCK_TOLERANCE}), is the call's result, marked
 * {@linkplain Response#isReconciled() reconciled}; otherwise the caller gets an
 * {@link OutcomeUnknownException} saying what was found and what to ask. Knows no operation by name:
 * the generated client hands it the call and the {@link Check}.
 */
final class Reconciliation {

  /**
   * How much earlier than the call, by the client's clock, a found item may say it began and still be
   * taken as the call's: the server's clock and the client's differ a little. A found item that began
   * before that is someone else's, and the outcome stays unknown.
   */
  static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(5);

  private final LongSupplier currentTimeMillis;

  Reconciliation(LongSupplier currentTimeMillis) {
    this.currentTimeMillis = currentTimeMillis;
  }

  /**
   * How to find out what a call did.
   *
   * @param operation the operation to ask, such as the meeting's active recording
   * @param arguments its path parameters by the spec's names, for messages
   * @param absentStatus the status with which it answers that there is none
   * @param find asks it
   * @param beganAt when what it found began
   * @param toResult what it found as the call's result
   * @param <F> what it finds
   * @param <T> the call's result
   */
  record Check<F, T>(OperationDescriptor operation, Map<String, String> arguments, int absentStatus,
      Supplier<Response<F>> find, Function<F, @Nullable OffsetDateTime> beganAt, Function<F, T> toResult) {
  }

  /**
   * Makes the call once; after a lost answer, finds out what it did.
   *
   * @param operation the call's operation
   * @param call sends it, through the pipeline (which retries only what certainly did nothing)
   * @param check what to ask after a lost answer, made only then (from arguments checked by the call)
   * @return the call's response, or the reconciled one
   * @throws OutcomeUnknownException when the answer was lost and the check did not settle it
   */
  <F, T> Response<T> call(OperationDescriptor operation, Supplier<Response<T>> call, Supplier<Check<F, T>> check) {
    Instant began = Instant.ofEpochMilli(currentTimeMillis.getAsLong());
    try {
      return call.get();
    } catch (RealtimeKitException failure) {
      if (!Outcome.answerLost(failure)) {
        throw failure;
      }
      return reconcile(operation, began, failure, check.get());
    }
  }

  private <F, T> Response<T> reconcile(OperationDescriptor operation, Instant began, RealtimeKitException lost,
      Check<F, T> check) {
    String asked = check.operation().getName() + "(" + check.arguments().entrySet().stream()
        .map(e -> e.getKey() + "=" + SafeText.escapeControls(e.getValue())).collect(Collectors.joining(", ")) + ")";
    Response<F> found;
    try {
      found = check.find().get();
    } catch (ServiceException e) {
      if (e.getStatusCode() != check.absentStatus()) {
        throw unknown(operation, lost, check, asked + " failed too (" + e.getMessage() + ")", e);
      }
      throw unknown(operation, lost, check, asked + " found none", null);
    } catch (CallCancelledException e) {
      e.addSuppressed(lost);
      throw e;
    } catch (RealtimeKitException e) {
      throw unknown(operation, lost, check, asked + " failed too (" + e.getMessage() + ")", e);
    }
    OffsetDateTime at = check.beganAt().apply(found.getValue());
    Instant earliest = began.minus(CLOCK_TOLERANCE);
    if (at == null || at.toInstant().isBefore(earliest)) {
      throw unknown(operation, lost, check, asked + " found one that began "
          + (at == null ? "at a time not given" : "at " + at + ", before this call"), null);
    }
    return found.reconciled(check.toResult().apply(found.getValue()), lost);
  }

  private static OutcomeUnknownException unknown(OperationDescriptor operation, RealtimeKitException lost,
      Check<?, ?> check, String found, @Nullable RealtimeKitException checkFailure) {
    OutcomeUnknownException e = new OutcomeUnknownException(operation.getName(), "The outcome of "
        + operation.getName() + " is unknown: its answer was lost (" + lost.getMessage() + "), and " + found
        + ". It may or may not have taken effect, and was not sent again: ask " + check.operation().getName()
        + " before trying again", lost, check.operation(), check.arguments());
    Optional.ofNullable(checkFailure).ifPresent(e::addSuppressed);
    return e;
  }
}
