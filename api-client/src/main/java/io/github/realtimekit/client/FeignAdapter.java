package io.github.realtimekit.client;

import feign.Client;
import feign.Request;
import feign.Response;
import io.github.realtimekit.client.core.HttpRequest;
import io.github.realtimekit.client.core.HttpResponse;
import io.github.realtimekit.client.core.HttpTransport;
import io.github.realtimekit.client.core.OperationDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Where the generated Feign interface meets the pipeline: Feign's request becomes the pipeline's
 * {@link HttpRequest} once, with its operation resolved once from the method's name, and the
 * pipeline's {@link HttpResponse} goes back to Feign inside a {@link Body} that the decoder reads in
 * place. Only 2xx responses come back: the pipeline throws for every other outcome.
 */
final class FeignAdapter implements Client {

  private final HttpTransport pipeline;
  private final OperationIndex operations;
  private final BooleanSupplier closed;

  FeignAdapter(HttpTransport pipeline, OperationIndex operations, BooleanSupplier closed) {
    this.pipeline = pipeline;
    this.operations = operations;
    this.closed = closed;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    if (closed.getAsBoolean()) {
      throw new IllegalStateException("This RealtimeKitClient is closed");
    }
    OperationDescriptor operation = request.requestTemplate() == null
        || request.requestTemplate().methodMetadata() == null
        ? operations.forMethod("request")
        : operations.forMethod(request.requestTemplate().methodMetadata().method().getName());
    CallScope.Slot scope = CallScope.slot();
    RequestOptions callOptions = scope.takeOptions();
    HttpRequest sent = callOptions == null
        ? HttpRequest.of(operation, request.httpMethod().name(), request.url(), request.headers(), request.body())
        : withOptions(operation, request, callOptions);
    int scheduled = scope.takeAttempt();
    if (scheduled > 0) {
      sent.scheduledAttempt(scheduled);
    }
    HttpResponse response = pipeline.send(sent);
    // Feign needs no headers: the decoder reads them from the pipeline's response, not copied again.
    return Response.builder()
        .status(response.status())
        .headers(Map.of())
        .body(new Body(response))
        .request(request)
        .build();
  }

  /** The request with a call's options: its headers over Feign's, its query after the operation's. */
  private static HttpRequest withOptions(OperationDescriptor operation, Request request, RequestOptions options) {
    Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(request.headers());
    headers.putAll(options.getHeaders());
    StringBuilder url = new StringBuilder(request.url());
    char separator = request.url().indexOf('?') < 0 ? '?' : '&';
    for (Map.Entry<String, List<String>> parameter : options.getQueryParameters().entrySet()) {
      for (String value : parameter.getValue()) {
        url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(value));
        separator = '&';
      }
    }
    Integer maxRetries = options.getMaxRetries();
    return HttpRequest.of(operation, request.httpMethod().name(), url.toString(), headers, request.body(),
        options.getTimeout(), maxRetries == null ? -1 : maxRetries);
  }

  /** Percent-encodes a query's name or value: everything but RFC 3986's unreserved characters. */
  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
        .replace("%7E", "~");
  }

  /** The pipeline's response as Feign's body: the bytes, read in place, and everything else. */
  static final class Body implements Response.Body {
    final HttpResponse response;

    Body(HttpResponse response) {
      this.response = response;
    }

    @Override
    public Integer length() {
      return response.bodyLength();
    }

    @Override
    public boolean isRepeatable() {
      return true;
    }

    @Override
    public InputStream asInputStream() {
      return new ByteArrayInputStream(response.bodyArray(), 0, response.bodyLength());
    }

    @Override
    public Reader asReader(Charset charset) {
      return new InputStreamReader(asInputStream(), charset);
    }

    @Override
    public void close() {
    }
  }
}
