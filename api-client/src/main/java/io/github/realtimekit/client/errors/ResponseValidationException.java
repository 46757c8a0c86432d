package io.github.realtimekit.client.errors;

import java.util.List;

/** Strict mode: the decoded body breaks a constraint of the spec. */
public class ResponseValidationException extends ResponseDecodingException {

  private static final long serialVersionUID = 1L;

  private final List<String> violations;

  /**
   * Creates an exception.
   *
   * @param operation the operation whose response failed
   * @param statusCode the HTTP status of the response
   * @param violations one line per broken rule, each naming the field and the rule
   */
  public ResponseValidationException(String operation, int statusCode, List<String> violations) {
    super(operation, statusCode, "Response of " + operation + " breaks the spec: " + String.join("; ", violations),
        "", null);
    this.violations = List.copyOf(violations);
  }

  /**
   * Returns the broken rules.
   *
   * @return one line per rule, such as {@code data.status must not be null}
   */
  public List<String> getViolations() {
    return violations;
  }
}
