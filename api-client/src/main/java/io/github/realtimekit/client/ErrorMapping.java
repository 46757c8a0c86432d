package io.github.realtimekit.client;

import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import io.github.realtimekit.client.errors.BadRequestException;
import io.github.realtimekit.client.errors.ConflictException;
import io.github.realtimekit.client.errors.InternalServerException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.NetworkTimeoutException;
import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.client.errors.PermissionDeniedException;
import io.github.realtimekit.client.errors.RateLimitException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.client.errors.ResponseDecodingException;
import io.github.realtimekit.client.errors.ServiceException;
import io.github.realtimekit.client.errors.UnauthorizedException;
import io.github.realtimekit.client.errors.UnexpectedStatusException;
import io.github.realtimekit.client.errors.UnprocessableEntityException;
import io.github.realtimekit.model.ErrorDetail;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Turns what Feign reports into the client's typed exceptions. */
final class ErrorMapping {

  /** How much of an unexpected body an exception keeps. */
  static final int EXCERPT_CHARS = 300;

  private ErrorMapping() {
  }

  /** The operation's name from Feign's config key, {@code RecordingsApi#getOneRecording(String,...)}. */
  static String operation(String configKey) {
    int hash = configKey.indexOf('#');
    int paren = configKey.indexOf('(', hash + 1);
    String name = configKey.substring(hash + 1, paren < 0 ? configKey.length() : paren);
    return name.endsWith("WithResponse") ? name.substring(0, name.length() - "WithResponse".length()) : name;
  }

  /** The operation a request was made for. */
  static String operation(Request request) {
    return request.requestTemplate() == null || request.requestTemplate().methodMetadata() == null
        ? "request"
        : operation(request.requestTemplate().methodMetadata().configKey());
  }

  /** The exception for a status outside 2xx. */
  static ServiceException serviceException(String operation, int status, Map<String, ? extends Collection<String>> headers,
      List<ErrorDetail> errors, String excerpt) {
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

  /** The typed exception for anything a Feign call threw. */
  static RealtimeKitException translate(String operation, Throwable thrown) {
    if (thrown instanceof RealtimeKitException) {
      return (RealtimeKitException) thrown;
    }
    Throwable cause = thrown.getCause();
    if (cause instanceof RealtimeKitException) {
      return (RealtimeKitException) cause;
    }
    if (thrown instanceof RetryableException && cause != null) {
      String what = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
      if (cause instanceof HttpTimeoutException || cause instanceof InterruptedIOException) {
        return new NetworkTimeoutException(operation, "Timed out calling " + operation + " (" + what + ")", cause);
      }
      return new NetworkException(operation, "Connection failed calling " + operation + " (" + what + ")", cause);
    }
    if (thrown instanceof FeignException) {
      FeignException f = (FeignException) thrown;
      return new ResponseDecodingException(operation, f.status(),
          "Could not read the response of " + operation + ": " + f.getMessage(), "", thrown);
    }
    return new RealtimeKitException(operation, "Unexpected failure calling " + operation + ": " + thrown, thrown);
  }

  /** The start of a body, on one line, for messages. */
  static String excerpt(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    String text = new String(body, 0, Math.min(body.length, EXCERPT_CHARS * 4), StandardCharsets.UTF_8)
        .replaceAll("\\s+", " ").trim();
    return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "…" : text;
  }
}
