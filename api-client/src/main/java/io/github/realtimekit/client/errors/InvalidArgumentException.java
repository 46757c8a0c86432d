package io.github.realtimekit.client.errors;

import java.util.List;
import java.util.Objects;

/** An argument breaks a constraint of the spec; the request was not sent. */
public class InvalidArgumentException extends RealtimeKitException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> details;

  /**
   * Creates an exception.
   *
   * @param operation the operation that was called
   * @param details the broken rules
   */
  public InvalidArgumentException(String operation, List<Violation> details) {
    super(operation, "Invalid argument" + (details.size() > 1 ? "s" : "") + " for " + operation + ": "
        + String.join("; ", details.stream().map(Violation::toString).toList()) + " (nothing was sent)", null);
    this.details = List.copyOf(details);
  }

  /**
   * Returns the broken rules, one line each.
   *
   * @return lines such as {@code pageNo must be greater than or equal to 0 (was -1)}
   */
  public List<String> violations() {
    return details.stream().map(Violation::toString).toList();
  }

  /**
   * Returns the broken rules, each with the parameter, the rule and the value apart.
   *
   * @return the violations
   */
  public List<Violation> details() {
    return details;
  }

  /**
   * One broken rule.
   *
   * @param parameter the parameter's name, as in the method's signature, such as {@code pageNo}
   * @param rule the rule, such as {@code must be greater than or equal to 0}
   * @param value the rejected value as text, strings in quotes, such as {@code -1} or {@code "  "}
   */
  public record Violation(String parameter, String rule, String value) {

    /**
     * Creates a violation.
     *
     * @param parameter the parameter's name
     * @param rule the rule
     * @param value the rejected value as text
     */
    public Violation {
      Objects.requireNonNull(parameter, "parameter");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(value, "value");
    }

    /** Returns {@code parameter rule (was value)}. */
    @Override
    public String toString() {
      return parameter + " " + rule + " (was " + value + ")";
    }
  }
}
