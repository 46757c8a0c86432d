package io.github.realtimekit.client.core;

import java.util.Objects;

/**
 * What the runtime knows of one operation of the spec: its name, how it is sent, whether it may be
 * sent twice, and whether it is a list walked page by page. One is generated per operation (see
 * {@code io.github.realtimekit.client.Operations}); the hand-written runtime reads them and names no
 * operation itself. Immutable.
 */
public final class OperationDescriptor {

  private final String name;
  private final String operationId;
  private final String httpMethod;
  private final String pathTemplate;
  private final boolean idempotent;
  private final boolean paged;

  /**
   * Describes an operation.
   *
   * @param name the Java name, as the client's method and every message call it ({@code listRecordings})
   * @param operationId the spec's operationId ({@code get_all_recordings})
   * @param httpMethod the HTTP method, upper case
   * @param pathTemplate the path under the base URL, with {@code {param}} placeholders
   * @param idempotent whether sending it twice has the effect of sending it once
   * @param paged whether it is a list walked page by page
   */
  public OperationDescriptor(String name, String operationId, String httpMethod, String pathTemplate,
      boolean idempotent, boolean paged) {
    this.name = Objects.requireNonNull(name, "name");
    this.operationId = Objects.requireNonNull(operationId, "operationId");
    this.httpMethod = Objects.requireNonNull(httpMethod, "httpMethod");
    this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
    this.idempotent = idempotent;
    this.paged = paged;
  }

  /**
   * Returns the Java name, as the client's method and every message call it.
   *
   * @return the name, such as {@code listRecordings}
   */
  public String getName() {
    return name;
  }

  /**
   * Returns the spec's operationId.
   *
   * @return the operationId, such as {@code get_all_recordings}
   */
  public String getOperationId() {
    return operationId;
  }

  /**
   * Returns the HTTP method.
   *
   * @return the method, upper case
   */
  public String getHttpMethod() {
    return httpMethod;
  }

  /**
   * Returns the path under the base URL.
   *
   * @return the path, with {@code {param}} placeholders
   */
  public String getPathTemplate() {
    return pathTemplate;
  }

  /**
   * Tells whether sending the operation twice has the effect of sending it once, so that a failed
   * attempt may be tried again whatever happened to it.
   *
   * @return true for GET, HEAD, PUT, DELETE and OPTIONS unless the spec says otherwise
   */
  public boolean isIdempotent() {
    return idempotent;
  }

  /**
   * Tells whether the operation is a list walked page by page.
   *
   * @return true when the client has an auto-pager for it
   */
  public boolean isPaged() {
    return paged;
  }

  /**
   * Returns the name.
   *
   * @return the Java name
   */
  @Override
  public String toString() {
    return name;
  }
}
