package io.github.realtimekit.client.errors;

import java.util.List;

/** An argument breaks a constraint of the spec; the request was not sent. */
public class InvalidArgumentException extends RealtimeKitException {

  private static final long serialVersionUID = 1L;

  private final List<String> violations;

  /**
   * Creates an exception.
   *
   * @param operation the operation that was called
   * @param violations one line per broken rule, each naming the parameter and the rule
   */
  public InvalidArgumentException(String operation, List<String> violations) {
    super(operation, "Invalid argument" + (violations.size() > 1 ? "s" : "") + " for " + operation + ": "
        + String.join("; ", violations) + " (nothing was sent)", null);
    this.violations = List.copyOf(violations);
  }

  /**
   * Returns the broken rules.
   *
   * @return one line per broken rule, such as {@code pageNo must be greater than or equal to 0 (was -1)}
   */
  public List<String> violations() {
    return violations;
  }
}
