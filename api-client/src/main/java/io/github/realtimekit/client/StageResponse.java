package io.github.realtimekit.client;

import io.github.realtimekit.client.core.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * One attempt's 2xx response as a {@link ClientStage} sees it: the status, the headers and the size
 * of the body. Only the client makes one. Immutable.
 */
public final class StageResponse {

  final HttpResponse response;
  private final StageRequest request;

  StageResponse(StageRequest request, HttpResponse response) {
    this.request = request;
    this.response = response;
  }

  /**
   * Returns the request this answers.
   *
   * @return the request as the stage passed it on
   */
  public StageRequest request() {
    return request;
  }

  /**
   * Returns the status code.
   *
   * @return a 2xx status
   */
  public int status() {
    return response.status();
  }

  /**
   * Returns the headers as received.
   *
   * @return a case-insensitive, unmodifiable map
   */
  public Map<String, List<String>> headers() {
    return response.headers();
  }

  /**
   * Returns the size of the body.
   *
   * @return bytes
   */
  public int bodyLength() {
    return response.bodyLength();
  }

  /** Returns {@code 200 for GET url (operation), attempt n}. */
  @Override
  public String toString() {
    return status() + " for " + request;
  }
}
