package io.github.realtimekit.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * The Feign interface's body encoder: the body written once by {@link JsonBody}, kept in the request
 * so that every attempt sends the same bytes, with {@code Content-Type: application/json}.
 */
final class JsonBodyEncoder implements Encoder {

  /** The largest request body written; the API's requests are a few kilobytes. */
  static final int MAX_BODY_BYTES = JsonBody.MAX_BODY_BYTES;

  private final ObjectMapper mapper;
  private final OperationIndex operations;
  private final int maxBytes;

  JsonBodyEncoder(ObjectMapper mapper, OperationIndex operations, int maxBytes) {
    this.mapper = mapper;
    this.operations = operations;
    this.maxBytes = maxBytes;
  }

  @Override
  public void encode(Object body, Type bodyType, RequestTemplate template) {
    byte[] bytes;
    try {
      bytes = JsonBody.write(mapper, body, maxBytes, operation(template));
    } catch (JsonBody.Unwritable e) {
      throw new EncodeException(e.getMessage());
    }
    template.removeHeader("Content-Type");
    template.header("Content-Type", "application/json");
    template.body(bytes, StandardCharsets.UTF_8);
  }

  private String operation(RequestTemplate template) {
    return template.methodMetadata() == null ? "request"
        : operations.forMethod(template.methodMetadata().method().getName()).getName();
  }
}
