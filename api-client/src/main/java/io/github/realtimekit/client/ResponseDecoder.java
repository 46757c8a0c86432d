package io.github.realtimekit.client;

import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Decodes the body of a {@code Response<T>} as a {@code T} and keeps the status and headers. */
final class ResponseDecoder implements Decoder {

  private final Decoder delegate;

  ResponseDecoder(Decoder delegate) {
    this.delegate = delegate;
  }

  @Override
  public Object decode(feign.Response response, Type type) throws IOException {
    if (type instanceof ParameterizedType && ((ParameterizedType) type).getRawType() == Response.class) {
      Type valueType = ((ParameterizedType) type).getActualTypeArguments()[0];
      return new Response<>(response.status(), response.headers(), delegate.decode(response, valueType));
    }
    return delegate.decode(response, type);
  }
}
