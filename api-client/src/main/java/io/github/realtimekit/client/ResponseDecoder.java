package io.github.realtimekit.client;

import feign.codec.Decoder;
import io.github.realtimekit.client.core.JsonResponses;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Decodes the body of a 2xx response with {@link JsonResponses}, reading the pipeline's response that
 * {@link FeignAdapter} handed to Feign; a {@code Response<T>} keeps the status and headers too.
 */
final class ResponseDecoder implements Decoder {

  private final JsonResponses json;

  ResponseDecoder(JsonResponses json) {
    this.json = json;
  }

  @Override
  public Object decode(feign.Response response, Type type) {
    if (!(response.body() instanceof FeignAdapter.Body)) {
      throw new IllegalStateException("a response that did not come through the pipeline: " + response);
    }
    io.github.realtimekit.client.core.HttpResponse http = ((FeignAdapter.Body) response.body()).response;
    if (type instanceof ParameterizedType && ((ParameterizedType) type).getRawType() == Response.class) {
      Type valueType = ((ParameterizedType) type).getActualTypeArguments()[0];
      return Response.ofTrusted(http.status(), http.headers(), json.decode(http, valueType));
    }
    return json.decode(http, type);
  }
}
