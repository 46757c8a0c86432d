package io.github.realtimekit.client.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.realtimekit.client.core.HttpTransport.BodyStalledIOException;
import io.github.realtimekit.client.core.HttpTransport.CallCancelledIOException;
import io.github.realtimekit.client.core.HttpTransport.ResponseTooLargeIOException;
import io.github.realtimekit.client.errors.BadRequestException;
import io.github.realtimekit.client.errors.CallCancelledException;
import io.github.realtimekit.client.errors.ConflictException;
import io.github.realtimekit.client.errors.DownloadException;
import io.github.realtimekit.client.errors.DownloadFileException;
import io.github.realtimekit.client.errors.DownloadStatusException;
import io.github.realtimekit.client.errors.InternalServerException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.NetworkTimeoutException;
import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.client.errors.PermissionDeniedException;
import io.github.realtimekit.client.errors.RateLimitException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.client.errors.ResponseDecodingException;
import io.github.realtimekit.client.errors.ResponseTooLargeException;
import io.github.realtimekit.client.errors.ResponseValidationException;
import io.github.realtimekit.client.errors.ServiceException;
import io.github.realtimekit.client.errors.UnauthorizedException;
import io.github.realtimekit.client.errors.UnexpectedStatusException;
import io.github.realtimekit.client.errors.UnprocessableEntityException;
import io.github.realtimekit.model.ErrorDetail;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The one place where a failure becomes one of the client's exceptions: a status outside 2xx, an
 * I/O failure, a body that cannot be decoded, and whatever else a call throws, for the API's
 * operations and for downloads alike. Server-provided text is cleaned of the token and of control
 * characters first; a pre-signed URL's query never appears.
 *
 * <p>Runtime SPI: public so that the client's other packages can reach it; not meant for
 * applications, and it may change in any release.
 */
public final class ErrorMapper {

  private final ObjectMapper mapper;
  private final SafeText safe;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  /**
   * Creates the mapper of one client.
   *
   * @param mapper reads the API's error envelopes
   * @param safe cleans text of the client's token and of control characters
   * @param connectTimeout the client's connect timeout, for messages
   * @param readTimeout the client's deadline for a whole response, for messages
   */
  public ErrorMapper(ObjectMapper mapper, SafeText safe, Duration connectTimeout, Duration readTimeout) {
    this.mapper = mapper;
    this.safe = safe;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  /**
   * The exception for a response outside 2xx: a {@link ServiceException} carrying the API's errors
   * (from either envelope), or else an excerpt of the body.
   *
   * @param response the response
   * @return the exception
   */
  public ServiceException statusFailure(HttpResponse response) {
    byte[] body = response.bodyArray();
    List<ErrorDetail> errors = ErrorText.parseErrors(mapper, safe, body, response.bodyLength());
    // The exception's headers are shown: their values are cleaned, their names kept. The retry
    // policy reads the response's own headers (RetryStage), never these.
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    response.headers().forEach((name, values) -> headers.put(name, values.stream().map(safe::clean).toList()));
    return serviceException(response.request().operation().getName(), response.status(), headers, errors,
        errors.isEmpty() ? ErrorText.excerpt(safe, body, response.bodyLength()) : "");
  }

  /**
   * The exception for a status outside 2xx, by status.
   *
   * @param operation the operation's name
   * @param status the status
   * @param headers the response's headers, cleaned
   * @param errors the API's errors, cleaned
   * @param excerpt the start of the body, cleaned, when it holds no errors
   * @return the exception
   */
  public static ServiceException serviceException(String operation, int status,
      Map<String, ? extends Collection<String>> headers, List<ErrorDetail> errors, String excerpt) {
    switch (status) {
      case 400:
        return new BadRequestException(operation, status, headers, errors, excerpt);
      case 401:
        return new UnauthorizedException(operation, status, headers, errors, excerpt);
      case 403:
        return new PermissionDeniedException(operation, status, headers, errors, excerpt);
      case 404:
        return new NotFoundException(operation, status, headers, errors, excerpt);
      case 409:
        return new ConflictException(operation, status, headers, errors, excerpt);
      case 422:
        return new UnprocessableEntityException(operation, status, headers, errors, excerpt);
      case 429:
        return new RateLimitException(operation, status, headers, errors, excerpt);
      default:
        return status >= 500 && status < 600
            ? new InternalServerException(operation, status, headers, errors, excerpt)
            : new UnexpectedStatusException(operation, status, headers, errors, excerpt);
    }
  }

  /**
   * The exception for an I/O failure of a call to the API, saying which host, and what happened.
   *
   * @param request the request that failed
   * @param e the failure
   * @return the exception
   */
  public RealtimeKitException ioFailure(HttpRequest request, IOException e) {
    String operation = request.operation().getName();
    String where = ErrorText.hostAndPort(request.url());
    if (e instanceof CallCancelledIOException) {
      return new CallCancelledException(operation,
          "Cancelled calling " + operation + " at " + where + ": the thread was interrupted", e);
    }
    if (e instanceof ResponseTooLargeIOException) {
      return new ResponseTooLargeException(operation, ((ResponseTooLargeIOException) e).limit(),
          "The response of " + operation + " from " + where + " is too large: " + e.getMessage(), e);
    }
    NetworkText.Kind kind = NetworkText.kind(e);
    if (kind == NetworkText.Kind.CONNECT_TIMEOUT) {
      return new NetworkTimeoutException(operation, "Timed out connecting to " + where + " calling " + operation
          + " (connect timeout " + connectTimeout.toMillis() + " ms)", e);
    }
    if (e instanceof HttpTimeoutException || e instanceof java.net.SocketTimeoutException) {
      return new NetworkTimeoutException(operation, "Timed out waiting for " + where + " calling " + operation
          + " (read timeout " + (request.timeout() != null ? request.timeout() : readTimeout).toMillis()
          + " ms for the whole response)", e);
    }
    String why = NetworkText.why(kind, ErrorText.host(request.url()), jdkText(e));
    return new NetworkException(operation, NetworkText.head(kind, ErrorText.host(request.url()), where)
        + " calling " + operation + " (" + (why != null ? why : e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + safe.clean(e.getMessage()))) + ")", e);
  }

  private @Nullable String jdkText(IOException e) {
    return e.getMessage() == null ? null : safe.clean(e.getMessage());
  }

  /**
   * The exception for a 2xx body that cannot be decoded.
   *
   * @param response the response
   * @param message what is wrong, already safe
   * @param withExcerpt whether the exception keeps an excerpt of the body
   * @param cause the parser's failure, or null
   * @return the exception
   */
  public ResponseDecodingException decodingFailure(HttpResponse response, String message, boolean withExcerpt,
      @Nullable Throwable cause) {
    String excerpt = withExcerpt ? ErrorText.excerpt(safe, response.bodyArray(), response.bodyLength()) : "";
    return new ResponseDecodingException(response.request().operation().getName(), response.status(),
        message, excerpt, cause);
  }

  /**
   * The exception for a 2xx body that does not say what the operation returns, such as an envelope
   * without its {@code data}.
   *
   * @param operation the operation
   * @param status the status
   * @param message what is missing
   * @param excerpt what the body held, for the exception, or empty
   * @return the exception
   */
  public static ResponseDecodingException missingContent(OperationDescriptor operation, int status, String message,
      String excerpt) {
    return new ResponseDecodingException(operation.getName(), status, message, excerpt, null);
  }

  /**
   * The exception for a decoded body that breaks the spec's constraints, in strict mode.
   *
   * @param response the response
   * @param violations each broken rule, already safe
   * @return the exception
   */
  public ResponseValidationException validationFailure(HttpResponse response, List<String> violations) {
    return new ResponseValidationException(response.request().operation().getName(), response.status(), violations);
  }

  /**
   * The client's exception for whatever a call threw: the pipeline throws the client's own
   * exceptions, which an engine may have wrapped once; anything else is unexpected. An
   * {@link IllegalStateException} (a closed client), an {@link Error} and a {@link RetryScheduled}
   * (for the asynchronous client) pass unchanged.
   *
   * @param operation the operation's name
   * @param thrown what the call threw
   * @return the exception to throw
   */
  public static RuntimeException translate(String operation, Throwable thrown) {
    if (thrown instanceof RealtimeKitException || thrown instanceof IllegalStateException
        || thrown instanceof RetryScheduled) {
      return (RuntimeException) thrown;
    }
    if (thrown instanceof Error) {
      throw (Error) thrown;
    }
    if (thrown.getCause() instanceof RealtimeKitException) {
      return (RealtimeKitException) thrown.getCause();
    }
    return new RealtimeKitException(operation, "Unexpected failure calling " + operation + ": "
        + thrown.getClass().getName(), thrown);
  }

  /**
   * The exception for an I/O failure of a download, before the response or while reading its body.
   *
   * @param request the download's request
   * @param e the failure
   * @param position bytes of the file held when it failed, or -1 before the response
   * @param expected the file's size, or -1 when unknown
   * @return the exception
   */
  public RealtimeKitException downloadFailure(HttpRequest request, IOException e, long position, long expected) {
    String host = ErrorText.host(request.url());
    Duration idle = request.idleTimeout() == null ? readTimeout : request.idleTimeout();
    if (e instanceof CallCancelledIOException || e instanceof ClosedByInterruptException
        || Thread.currentThread().isInterrupted()) {
      return downloadInterrupted(host, e);
    }
    String op = DownloadException.OPERATION;
    if (e instanceof BodyStalledIOException) {
      return new NetworkTimeoutException(op, "download from " + host + " stalled: no data for "
          + ErrorText.seconds(idle) + " after " + Math.max(position, 0) + " bytes", null);
    }
    if (position < 0 && e instanceof HttpConnectTimeoutException) {
      return new NetworkTimeoutException(op, "download from " + host + ": no connection within the connect timeout",
          e);
    }
    if (position < 0 && e instanceof HttpTimeoutException) {
      return new NetworkTimeoutException(op, "download from " + host + ": no response within "
          + ErrorText.seconds(idle), e);
    }
    NetworkText.Kind kind = position < 0 ? NetworkText.kind(e) : NetworkText.Kind.OTHER;
    String why = NetworkText.why(kind, host, null);
    if (why != null && kind != NetworkText.Kind.REFUSED && kind != NetworkText.Kind.RESET) {
      // Named as for the API's calls; a refused or reset download keeps its own words below.
      String head = NetworkText.head(kind, host, ErrorText.hostAndPort(request.url()));
      return new NetworkException(op, "download from " + host + " failed: "
          + NetworkText.asClause(head) + " (" + why + ")", e);
    }
    String detail = ErrorText.describe(e, ErrorText.query(request.url()));
    return new NetworkException(op, "download from " + host + " failed"
        + (position < 0 ? ": " + (e instanceof ConnectException ? "cannot connect: " : "")
            : " after " + position + " bytes" + (expected >= 0 ? " of " + expected : "") + ": ")
        + detail, e);
  }

  /**
   * The exception for a download answered with a status other than 2xx.
   *
   * @param response the response
   * @param offset the byte the download resumed at, or 0
   * @return the exception
   */
  public DownloadStatusException downloadStatusFailure(HttpResponse response, long offset) {
    String host = ErrorText.host(response.url());
    return new DownloadStatusException(host, response.status(), "download failed: HTTP " + response.status()
        + " from " + host + (offset > 0 ? " (resuming at byte " + offset + ")" : ""));
  }

  /**
   * The exception for a download redirected to where it may not go.
   *
   * @param from the URL redirected from
   * @param toScheme the scheme redirected to
   * @return the exception
   */
  public DownloadException downloadRedirectRefused(String from, @Nullable String toScheme) {
    String host = ErrorText.host(from);
    return new DownloadException(host, "download from " + host + " was redirected from https to "
        + SafeText.of(toScheme) + "; not accepted", null);
  }

  /**
   * The exception for a failure to write or read the file a download saves: {@code MESSAGE: REASON},
   * the reason in words as {@link FileErrors#reason(IOException)} gives it.
   *
   * @param host the download's host, safe
   * @param message what could not be done, safe: {@code cannot write TARGET}
   * @param e the failure
   * @return the exception; a download interrupted when the thread was
   */
  public static DownloadException fileFailure(String host, String message, IOException e) {
    if (e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
      return downloadInterrupted(host, e);
    }
    return new DownloadFileException(host, message + ": " + FileErrors.reason(e), e);
  }

  /**
   * The exception for a download interrupted; the thread's interrupt flag is set again.
   *
   * @param host the download's host, safe
   * @param cause why it ended
   * @return the exception
   */
  public static DownloadException downloadInterrupted(String host, @Nullable Exception cause) {
    Thread.currentThread().interrupt();
    return new DownloadException(host, "download from " + host + " interrupted", cause);
  }
}
