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
import java.nio.charset.Charset;
import java.util.Map;
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
    return OperationCall.withOptions(operation, request.httpMethod().name(), request.url(), request.headers(),
        request.body(), options);
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
