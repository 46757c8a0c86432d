package io.github.realtimekit.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.realtimekit.client.core.ErrorMapper;
import io.github.realtimekit.client.core.HttpRequest;
import io.github.realtimekit.client.core.HttpResponse;
import io.github.realtimekit.client.core.HttpTransport;
import io.github.realtimekit.client.core.JsonResponses;
import io.github.realtimekit.client.core.OperationDescriptor;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What every operation of the generated client does alike, from its arguments to its decoded
 * response, without a template engine: the generated method of each operation checks its arguments
 * ({@link #start}), appends its path and the query parameters that are set to the URL
 * ({@link Request}), and {@linkplain Request#send sends} it through the pipeline. One per operation
 * and client configuration, made once; knows no operation by name.
 *
 * <p>How values are written: a path parameter is exactly one path segment, every character but RFC
 * 3986's unreserved ones percent-encoded ({@code /} as {@code %2F}, {@code %} as {@code %25}), and
 * {@code .} and {@code ..}, which a server or proxy would resolve as path steps, are refused as invalid
 * arguments; a query parameter's name and value are encoded the same way, a date-time is RFC 3339 with
 * seconds and the caller's offset, an enum is its value in the spec, an array is comma-separated
 * ({@code style: form, explode: false}) or repeated ({@code explode: true}), and a parameter that is
 * not set is left out. A body is JSON ({@link JsonBody}). A call's {@link RequestOptions} and an
 * asynchronous call's attempt come from {@link CallScope}; every failure goes through
 * {@link ErrorMapper#translate}.
 *
 * @param <R> the type of the response's body
 */
final class OperationCall<R> {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final List<String> ACCEPT_JSON = List.of("application/json");
  /** The headers of a request without a body: made once, never copied here. */
  private static final Map<String, List<String>> ACCEPT = Map.of("Accept", ACCEPT_JSON);

  private final OperationDescriptor operation;
  private final Method constraints;
  private final Type bodyType;
  private final String baseUrl;
  private final HttpTransport pipeline;
  private final JsonResponses json;
  private final ObjectMapper mapper;
  private final BooleanSupplier closed;
  private volatile ArgumentChecks.@Nullable Compiled checks;

  /**
   * Creates the calls of one operation.
   *
   * @param operation the operation
   * @param constraints a method whose parameters, in the order {@link #start} takes the arguments,
   *     carry the spec's constraints as annotations, and whose return type is {@code Response<R>}
   * @param baseUrl the base URL, to which the path is appended
   * @param pipeline the pipeline every request goes through
   * @param json the decoder of 2xx bodies
   * @param mapper the writer of request bodies
   * @param closed whether the client is closed, which refuses every later call
   */
  OperationCall(OperationDescriptor operation, Method constraints, String baseUrl, HttpTransport pipeline,
      JsonResponses json, ObjectMapper mapper, BooleanSupplier closed) {
    this.operation = operation;
    this.constraints = constraints;
    Type returned = constraints.getGenericReturnType();
    if (!(returned instanceof ParameterizedType) || ((ParameterizedType) returned).getRawType() != Response.class) {
      throw new IllegalArgumentException(constraints + " does not return a Response");
    }
    this.bodyType = ((ParameterizedType) returned).getActualTypeArguments()[0];
    this.baseUrl = baseUrl;
    this.pipeline = pipeline;
    this.json = json;
    this.mapper = mapper;
    this.closed = closed;
  }

  /** The declared method of that name in a type: the carrier of an operation's constraints. */
  static Method constraints(Class<?> type, String name) {
    for (Method method : type.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        return method;
      }
    }
    throw new IllegalArgumentException(type.getName() + " declares no method " + name);
  }

  /**
   * Starts a call: checks the arguments against the spec's constraints before anything is built or sent.
   *
   * @param args every argument of the operation, in the order of the constraints' method
   * @return the request, its URL the base URL so far
   * @throws InvalidArgumentException naming each argument that breaks a rule, and the rule
   */
  Request start(@Nullable Object... args) {
    ArgumentChecks.Compiled compiled = checks;
    if (compiled == null) {
      compiled = ArgumentChecks.compiled(constraints);
      checks = compiled;
    }
    List<InvalidArgumentException.Violation> violations = compiled.violations(args);
    if (!violations.isEmpty()) {
      throw new InvalidArgumentException(operation.getName(), violations);
    }
    return new Request();
  }

  /** One call's request as the generated method builds it: its URL, then {@link #send}. Not shared. */
  final class Request {
    private final StringBuilder url = new StringBuilder(baseUrl.length() + 96).append(baseUrl);
    private boolean query;

    private Request() {
    }

    /** Appends a constant part of the path, as the spec writes it. */
    Request path(String literal) {
      url.append(literal);
      return this;
    }

    /** Appends a path parameter, percent-encoded as one segment; refuses {@code .} and {@code ..}. */
    Request segment(String parameter, Object value) {
      String text = value.toString();
      if (text.equals(".") || text.equals("..")) {
        throw new InvalidArgumentException(operation.getName(), List.of(new InvalidArgumentException.Violation(
            parameter, "must not be \".\" or \"..\", which would not stay one path segment", "\"" + text + "\"")));
      }
      appendEncoded(url, text);
      return this;
    }

    /** Appends a query parameter, unless it is not set. */
    Request query(String name, @Nullable Object value) {
      if (value != null) {
        appendEncoded(separator(), name);
        url.append('=');
        appendEncoded(url, text(value));
      }
      return this;
    }

    /** Appends an array query parameter as one comma-separated value, unless it is not set or empty. */
    Request queryCsv(String name, @Nullable List<?> values) {
      if (values != null && !values.isEmpty()) {
        appendEncoded(separator(), name);
        url.append('=');
        for (int i = 0; i < values.size(); i++) {
          if (i > 0) {
            url.append(',');
          }
          appendEncoded(url, text(values.get(i)));
        }
      }
      return this;
    }

    /** Appends an array query parameter as one {@code name=value} per value, unless it is not set. */
    Request queryExploded(String name, @Nullable List<?> values) {
      if (values != null) {
        for (Object value : values) {
          query(name, value);
        }
      }
      return this;
    }

    private StringBuilder separator() {
      url.append(query ? '&' : '?');
      query = true;
      return url;
    }

    /**
     * Sends the request through the pipeline and decodes the 2xx response's body.
     *
     * @param body the request body, written as JSON; null for none
     * @return the decoded body with the response's status and headers
     * @throws RealtimeKitException for every failure, as {@link ErrorMapper#translate} makes it
     * @throws IllegalStateException if the client is closed
     */
    Response<R> send(@Nullable Object body) {
      try {
        byte[] bytes = body == null ? null : JsonBody.write(mapper, body, JsonBody.MAX_BODY_BYTES, operation.getName());
        if (closed.getAsBoolean()) {
          throw new IllegalStateException("This RealtimeKitClient is closed");
        }
        CallScope.Slot scope = CallScope.slot();
        RequestOptions options = scope.takeOptions();
        Map<String, List<String>> headers = bytes == null ? ACCEPT : withLength(bytes.length);
        HttpRequest request = options == null
            ? HttpRequest.of(operation, operation.getHttpMethod(), url.toString(), headers, bytes)
            : withOptions(operation, operation.getHttpMethod(), url.toString(), headers, bytes, options);
        int scheduled = scope.takeAttempt();
        if (scheduled > 0) {
          request.scheduledAttempt(scheduled);
        }
        HttpResponse response = pipeline.send(request);
        @SuppressWarnings("unchecked")
        R value = (R) json.decode(response, bodyType);
        return Response.ofTrusted(response.status(), response.headers(), value);
      } catch (JsonBody.Unwritable e) {
        throw new RealtimeKitException(operation.getName(), e.getMessage(), null);
      } catch (RuntimeException | IOException e) {
        throw ErrorMapper.translate(operation.getName(), e);
      }
    }
  }

  /**
   * A request with a call's options: their headers over the operation's, their query parameters after
   * the operation's, their timeout and retries.
   */
  static HttpRequest withOptions(OperationDescriptor operation, String method, String url,
      Map<String, ? extends Collection<String>> headers, byte @Nullable [] body, RequestOptions options) {
    Map<String, Collection<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    merged.putAll(headers);
    merged.putAll(options.getHeaders());
    StringBuilder full = new StringBuilder(url);
    char separator = url.indexOf('?') < 0 ? '?' : '&';
    for (Map.Entry<String, List<String>> parameter : options.getQueryParameters().entrySet()) {
      for (String value : parameter.getValue()) {
        full.append(separator);
        appendEncoded(full, parameter.getKey());
        full.append('=');
        appendEncoded(full, value);
        separator = '&';
      }
    }
    Integer maxRetries = options.getMaxRetries();
    return HttpRequest.of(operation, method, full.toString(), merged, body, options.getTimeout(),
        maxRetries == null ? -1 : maxRetries);
  }

  /** A parameter's value as text: a date-time as RFC 3339 with seconds and its offset; else its string. */
  static String text(Object value) {
    return value instanceof OffsetDateTime ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value)
        : value.toString();
  }

  /** Percent-encodes every character but RFC 3986's unreserved ones, as UTF-8. */
  static String encode(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isUnreserved(text.charAt(i))) {
        StringBuilder out = new StringBuilder(text.length() * 3);
        appendEncoded(out, text);
        return out.toString();
      }
    }
    return text;
  }

  private static void appendEncoded(StringBuilder out, String text) {
    int i = 0;
    while (i < text.length() && isUnreserved(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      out.append(text);
      return;
    }
    out.append(text, 0, i);
    for (byte b : text.substring(i).getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (isUnreserved(c)) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  /** The headers of a request with a body: its type and, as stages and the log see it, its length. */
  private static Map<String, List<String>> withLength(int length) {
    return Map.of("Accept", ACCEPT_JSON, "Content-Type", ACCEPT_JSON, "Content-Length", List.of(Integer.toString(length)));
  }
}
