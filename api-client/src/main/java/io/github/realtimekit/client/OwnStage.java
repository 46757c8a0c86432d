package io.github.realtimekit.client;

import io.github.realtimekit.client.core.HttpRequest;
import io.github.realtimekit.client.core.HttpResponse;
import io.github.realtimekit.client.core.HttpStage;
import io.github.realtimekit.client.core.HttpTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/** An application's {@link ClientStage} as a stage of the pipeline, on the client's own request and response. */
final class OwnStage implements HttpStage {

  private final ClientStage stage;

  OwnStage(ClientStage stage) {
    this.stage = Objects.requireNonNull(stage, "stage");
  }

  @Override
  public HttpResponse send(HttpRequest request, HttpTransport next) throws IOException {
    StageResponse response;
    try {
      response = stage.send(new StageRequest(request, Map.of()), passed -> {
        if (passed == null || passed.base != request) {
          throw new IllegalArgumentException("A ClientStage must pass on the request it was given, or one made"
              + " from it with withHeader");
        }
        passed.added.forEach(request::setHeader);
        try {
          return new StageResponse(passed, next.send(request));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (response == null || response.request().base != request) {
      throw new IllegalStateException("A ClientStage must return the response its chain returned, was " + response);
    }
    return response.response;
  }
}
