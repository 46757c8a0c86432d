package io.github.realtimekit.client;

import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Decodes the body of a {@code RawResponse<T>} as a {@code T} and keeps the status and headers. */
final class RawResponseDecoder implements Decoder {

  private final Decoder delegate;

  RawResponseDecoder(Decoder delegate) {
    this.delegate = delegate;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (type instanceof ParameterizedType && ((ParameterizedType) type).getRawType() == RawResponse.class) {
      Type bodyType = ((ParameterizedType) type).getActualTypeArguments()[0];
      return new RawResponse<>(response.status(), response.headers(), delegate.decode(response, bodyType));
    }
    return delegate.decode(response, type);
  }
}
