package io.github.realtimekit.client.errors;

import java.util.List;
import java.util.Objects;

/** An argument breaks a rule of the spec or of the client; the request was not sent. */
public class InvalidArgumentException extends RealtimeKitException {

  private static final long serialVersionUID = 2L;

  private final List<Violation> violations;

  /**
   * Creates an exception.
   *
   * @param operation the operation that was called
   * @param violations the broken rules
   */
  public InvalidArgumentException(String operation, List<Violation> violations) {
    super(operation, "Invalid argument" + (violations.size() > 1 ? "s" : "") + " for " + operation + ": "
        + String.join("; ", violations.stream().map(Violation::toString).toList()) + " (nothing was sent)", null);
    this.violations = List.copyOf(violations);
  }

  /**
   * Returns the broken rules, each with the parameter, the rule and the value apart.
   *
   * @return the violations; each one's {@code toString()} is a line such as
   *     {@code pageNo must be greater than or equal to 1 (was -1)}
   */
  public List<Violation> getViolations() {
    return violations;
  }

  /** One broken rule. Immutable. */
  public static final class Violation implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String rule;
    private final String value;

    /**
     * Creates a violation.
     *
     * @param parameter the parameter's name, as the caller wrote it, such as {@code pageNo}
     * @param rule the rule, such as {@code must be greater than or equal to 1}
     * @param value the rejected value as text, strings in quotes, such as {@code -1} or {@code "  "}
     */
    public Violation(String parameter, String rule, String value) {
      this.parameter = Objects.requireNonNull(parameter, "parameter");
      this.rule = Objects.requireNonNull(rule, "rule");
      this.value = Objects.requireNonNull(value, "value");
    }

    /**
     * Returns the parameter's name.
     *
     * @return the name, such as {@code pageNo}
     */
    public String getParameter() {
      return parameter;
    }

    /**
     * Returns the rule.
     *
     * @return the rule, such as {@code must be greater than or equal to 1}
     */
    public String getRule() {
      return rule;
    }

    /**
     * Returns the rejected value as text.
     *
     * @return the value, strings in quotes
     */
    public String getValue() {
      return value;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Violation && parameter.equals(((Violation) o).parameter)
          && rule.equals(((Violation) o).rule) && value.equals(((Violation) o).value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(parameter, rule, value);
    }

    /** Returns {@code parameter rule (was value)}. */
    @Override
    public String toString() {
      return parameter + " " + rule + " (was " + value + ")";
    }
  }
}
