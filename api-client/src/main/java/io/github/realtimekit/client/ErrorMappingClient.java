package io.github.realtimekit.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.Request;
import feign.Response;
import io.github.realtimekit.client.JdkTransport.CallCancelledIOException;
import io.github.realtimekit.client.JdkTransport.ResponseTooLargeIOException;
import io.github.realtimekit.client.errors.BadRequestException;
import io.github.realtimekit.client.errors.CallCancelledException;
import io.github.realtimekit.client.errors.ConflictException;
import io.github.realtimekit.client.errors.InternalServerException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.NetworkTimeoutException;
import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.client.errors.PermissionDeniedException;
import io.github.realtimekit.client.errors.RateLimitException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.client.errors.ResponseTooLargeException;
import io.github.realtimekit.client.errors.ServiceException;
import io.github.realtimekit.client.errors.UnauthorizedException;
import io.github.realtimekit.client.errors.UnexpectedStatusException;
import io.github.realtimekit.client.errors.UnprocessableEntityException;
import io.github.realtimekit.model.ErrorDetail;
import io.github.realtimekit.model.ErrorEnvelope;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns every outcome of one attempt into the client's terms: a 2xx response passes; any other
 * status becomes a {@link ServiceException} carrying the API's errors (from either envelope) or an
 * excerpt of the body; an I/O failure becomes a {@link NetworkException} that says which host, and
 * what happened. Server-provided text is cleaned of the token and control characters first.
 */
final class ErrorMappingClient implements Client {

  /** How much of an unexpected body an exception keeps. */
  static final int EXCERPT_CHARS = 300;

  private final Client next;
  private final ObjectMapper mapper;
  private final SafeText safe;

  ErrorMappingClient(Client next, ObjectMapper mapper, SafeText safe) {
    this.next = next;
    this.mapper = mapper;
    this.safe = safe;
  }

  @Override
  public Response execute(Request request, Request.Options options) {
    String operation = operation(request);
    Response response;
    try {
      response = next.execute(request, options);
    } catch (IOException e) {
      throw networkFailure(operation, request, options, e);
    }
    if (response.status() >= 200 && response.status() < 300) {
      return response;
    }
    BytesBody body = BytesBody.of(response);
    List<ErrorDetail> errors = parseErrors(body);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    response.headers().forEach((name, values) ->
        headers.put(safe.clean(name), values.stream().map(safe::clean).toList()));
    throw serviceException(operation, response.status(), headers, errors,
        errors.isEmpty() ? excerpt(body, safe) : "");
  }

  /** The operation a request was made for, as the caller named it. */
  static String operation(Request request) {
    return request.requestTemplate() == null || request.requestTemplate().methodMetadata() == null
        ? "request"
        : operation(request.requestTemplate().methodMetadata().configKey());
  }

  /** The operation's name from Feign's config key, {@code RecordingsApi#getRecording(String,...)}. */
  static String operation(String configKey) {
    int hash = configKey.indexOf('#');
    int paren = configKey.indexOf('(', hash + 1);
    String name = configKey.substring(hash + 1, paren < 0 ? configKey.length() : paren);
    return name.endsWith("WithResponse") ? name.substring(0, name.length() - "WithResponse".length()) : name;
  }

  private RealtimeKitException networkFailure(String operation, Request request, Request.Options options,
      IOException e) {
    String where = hostAndPort(request.url());
    if (e instanceof CallCancelledIOException) {
      return new CallCancelledException(operation,
          "Cancelled calling " + operation + " at " + where + ": the thread was interrupted", e);
    }
    if (e instanceof ResponseTooLargeIOException) {
      return new ResponseTooLargeException(operation, ((ResponseTooLargeIOException) e).limit,
          "The response of " + operation + " from " + where + " is too large: " + e.getMessage(), e);
    }
    if (e instanceof HttpConnectTimeoutException) {
      return new NetworkTimeoutException(operation, "Timed out connecting to " + where + " calling " + operation
          + " (connect timeout " + options.connectTimeoutMillis() + " ms)", e);
    }
    if (e instanceof HttpTimeoutException || e instanceof java.net.SocketTimeoutException) {
      return new NetworkTimeoutException(operation, "Timed out waiting for " + where + " calling " + operation
          + " (read timeout " + options.readTimeoutMillis() + " ms for the whole response)", e);
    }
    String what;
    if (e instanceof ConnectException) {
      what = "Connection refused by " + where;
    } else if (e instanceof ClosedChannelException || isReset(e)) {
      what = "Connection reset by " + where;
    } else {
      what = "Connection to " + where + " failed";
    }
    String detail = e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + safe.clean(e.getMessage());
    return new NetworkException(operation, what + " calling " + operation + " (" + detail + ")", e);
  }

  private static boolean isReset(IOException e) {
    String m = e.getMessage();
    return m != null && (m.contains("reset") || m.contains("closed") || m.contains("EOF"));
  }

  static String hostAndPort(String url) {
    try {
      URI uri = URI.create(url);
      int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      return SafeText.escapeControls(String.valueOf(uri.getHost())) + ":" + port;
    } catch (IllegalArgumentException e) {
      return "the server";
    }
  }

  /** The errors of Cloudflare's v4 envelope ({@code errors[]}) or RealtimeKit's ({@code error}), cleaned. */
  private List<ErrorDetail> parseErrors(BytesBody body) {
    if (body.size() == 0) {
      return List.of();
    }
    try {
      ErrorEnvelope envelope = mapper.readValue(body.array(), 0, body.size(), ErrorEnvelope.class);
      if (envelope == null) {
        return List.of();
      }
      List<ErrorDetail> errors = envelope.getErrors() != null && !envelope.getErrors().isEmpty()
          ? envelope.getErrors()
          : envelope.getError() == null ? List.of() : List.of(envelope.getError());
      return errors.stream()
          .map(e -> e.toBuilder().message(safe.clean(e.getMessage())).build())
          .toList();
    } catch (IOException | RuntimeException notAnEnvelope) {
      return List.of();
    }
  }

  /** The exception for a status outside 2xx. */
  static ServiceException serviceException(String operation, int status,
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

  /** The start of a body, on one line, cleaned of the token and control characters, for messages. */
  static String excerpt(BytesBody body, SafeText safe) {
    if (body.size() == 0) {
      return "";
    }
    // The whole body is cleaned before it is cut, so that no cut can leave part of the token behind.
    String text = safe.clean(new String(body.array(), 0, body.size(), StandardCharsets.UTF_8)
        .replaceAll("\\s+", " ").trim());
    return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "…" : text;
  }
}
