package io.github.realtimekit.client.errors;

import io.github.realtimekit.client.core.OperationDescriptor;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A call that may change state lost its answer on the way (the connection dropped after the request
 * was sent, the read timed out, or the server answered 500, 502 or 504), and the client could not find
 * out whether it took effect: it may or may not have. It was not sent again, since a second attempt
 * could take effect twice. The cause is the failure that lost the answer; the message says what the
 * check found and what to ask before trying again: {@link #getCheckOperation()} with
 * {@link #getCheckArguments()}.
 */
public class OutcomeUnknownException extends RealtimeKitException {

  private static final long serialVersionUID = 1L;

  private final transient OperationDescriptor checkOperation;
  private final Map<String, String> checkArguments;

  /**
   * Creates an exception.
   *
   * @param operation the operation whose outcome is unknown, such as {@code startRecording}
   * @param message what happened and what the check found, on one line
   * @param lostAnswer the failure that lost the answer
   * @param checkOperation the operation that tells whether the call took effect
   * @param checkArguments its path parameters, by the spec's names
   */
  public OutcomeUnknownException(String operation, String message, @Nullable Throwable lostAnswer,
      OperationDescriptor checkOperation, Map<String, String> checkArguments) {
    super(operation, message, lostAnswer);
    this.checkOperation = Objects.requireNonNull(checkOperation, "checkOperation");
    this.checkArguments = Map.copyOf(checkArguments);
  }

  /**
   * Returns the operation to ask whether the call took effect, such as {@code getActiveRecording}.
   *
   * @return its descriptor
   */
  public OperationDescriptor getCheckOperation() {
    return checkOperation;
  }

  /**
   * Returns the arguments to ask {@link #getCheckOperation()} with, by the spec's parameter names,
   * such as {@code meeting_id}.
   *
   * @return an immutable map
   */
  public Map<String, String> getCheckArguments() {
    return checkArguments;
  }
}
