package io.github.realtimekit.client.core;

import io.github.realtimekit.client.errors.CallCancelledException;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.NetworkTimeoutException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.client.errors.ResponseDecodingException;
import io.github.realtimekit.client.errors.ServiceException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;

/**
 * What a failed attempt says of its effect on the server: none for certain, or perhaps some. The
 * one place that decides it, for retries ({@link RetryPolicy}) and for calls that find out what a
 * lost answer did.
 *
 * <table>
 *   <caption>Failures of an attempt</caption>
 *   <tr><th>failure</th><th>taken effect?</th></tr>
 *   <tr><td>connection refused; connect timed out</td><td>no: nothing was sent</td></tr>
 *   <tr><td>429; 503 with {@code Retry-After}</td><td>no: the server says it did nothing</td></tr>
 *   <tr><td>any other 4xx</td><td>no: the server refused the request</td></tr>
 *   <tr><td>connection dropped after sending; read or response deadline timed out</td><td>perhaps</td></tr>
 *   <tr><td>500, 502, 504, a 503 without {@code Retry-After}, any other 5xx</td><td>perhaps: a proxy
 *       may have lost the answer of a server that acted</td></tr>
 *   <tr><td>a 2xx that could not be read (too large, undecodable, invalid)</td><td>perhaps (it likely did)</td></tr>
 *   <tr><td>arguments refused, or the call cancelled</td><td>not by this failure</td></tr>
 * </table>
 */
public final class Outcome {

  private Outcome() {
  }

  /**
   * Tells whether an attempt certainly had no effect on the server: no connection was made (refused,
   * or not within the connect timeout), or the server answered 429, or 503 with {@code Retry-After}.
   * Such an attempt may be sent again whatever the operation.
   *
   * @param failure how the attempt failed
   * @return true when it certainly did nothing
   */
  public static boolean certainlyNotTakenEffect(RealtimeKitException failure) {
    if (failure instanceof ServiceException) {
      ServiceException e = (ServiceException) failure;
      int status = e.getStatusCode();
      return status == 429 || (status == 503
          && (e.getHeader("retry-after").isPresent() || e.getHeader("retry-after-ms").isPresent()));
    }
    Throwable cause = failure.getCause();
    return (failure instanceof NetworkTimeoutException && cause instanceof HttpConnectTimeoutException)
        || (failure instanceof NetworkException && !(failure instanceof NetworkTimeoutException)
            && cause instanceof ConnectException);
  }

  /**
   * Tells whether a call may have taken effect though its answer was lost: the request may have
   * reached the server, and no answer says what it did. Such a call must not be sent again blindly.
   *
   * @param failure how the call's last attempt failed
   * @return true when the outcome is unknown
   */
  public static boolean answerLost(RealtimeKitException failure) {
    if (failure instanceof InvalidArgumentException || failure instanceof CallCancelledException
        || certainlyNotTakenEffect(failure)) {
      return false;
    }
    if (failure instanceof ServiceException) {
      return ((ServiceException) failure).getStatusCode() >= 500;
    }
    if (failure instanceof ResponseDecodingException) {
      int status = ((ResponseDecodingException) failure).getStatusCode();
      return status < 400 || status >= 500;
    }
    return true;
  }
}
