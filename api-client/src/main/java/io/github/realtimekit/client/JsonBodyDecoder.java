package io.github.realtimekit.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import feign.Response;
import feign.codec.Decoder;
import io.github.realtimekit.client.errors.ResponseDecodingException;
import io.github.realtimekit.client.errors.ResponseValidationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;

/**
 * Decodes a 2xx body as JSON into the generated models, reading the bytes the transport collected in
 * place. A body that is not JSON, is empty, does not parse or does not fit the model fails with a
 * {@link ResponseDecodingException}; in strict mode the decoded value is also checked against the
 * spec's constraints. Messages are cleaned of the token and of control characters.
 */
final class JsonBodyDecoder implements Decoder {

  private final ObjectMapper mapper;
  private final Validator strictValidator;
  private final SafeText safe;

  /** @param strictValidator checks decoded bodies; null to decode leniently */
  JsonBodyDecoder(ObjectMapper mapper, Validator strictValidator, SafeText safe) {
    this.mapper = mapper;
    this.strictValidator = strictValidator;
    this.safe = safe;
  }

  @Override
  public Object decode(Response response, Type type) {
    String operation = ErrorMappingClient.operation(response.request());
    int status = response.status();
    BytesBody body = BytesBody.of(response);
    String contentType = HeaderValues.first(response.headers(), "content-type");
    if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
      String excerpt = ErrorMappingClient.excerpt(body, safe);
      throw new ResponseDecodingException(operation, status, "Expected JSON from " + operation + " but got "
          + safe.clean(contentType) + (excerpt.isEmpty() ? "" : ": " + excerpt), excerpt, null);
    }
    if (body.size() == 0) {
      throw new ResponseDecodingException(operation, status, "Empty response body from " + operation, "", null);
    }
    Object value;
    try {
      value = mapper.readValue(body.array(), 0, body.size(), mapper.constructType(type));
    } catch (IOException e) {
      String reason = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
          : e.getMessage();
      boolean misfit = e instanceof ValueInstantiationException || e instanceof InvalidFormatException;
      String message = (misfit ? "The response of " + operation + " does not fit the spec's model: "
          : "Malformed JSON in the response of " + operation + ": ")
          + safe.clean(String.valueOf(reason).lines().findFirst().orElse(""));
      throw new ResponseDecodingException(operation, status, message, ErrorMappingClient.excerpt(body, safe), e);
    }
    if (value == null) {
      throw new ResponseDecodingException(operation, status, "The response of " + operation + " is JSON null",
          "null", null);
    }
    if (strictValidator != null) {
      List<String> violations = strictValidator.validate(value).stream()
          .map(v -> v.getPropertyPath() + " " + v.getMessage() + " (was "
              + safe.clean(String.valueOf(v.getInvalidValue())) + ")")
          .sorted()
          .toList();
      if (!violations.isEmpty()) {
        throw new ResponseValidationException(operation, status, violations);
      }
    }
    return value;
  }
}
