package io.github.realtimekit.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.RetryableException;
import feign.codec.Decoder;
import io.github.realtimekit.client.errors.ResponseDecodingException;
import io.github.realtimekit.client.errors.ResponseValidationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;

/**
 * Decodes a 2xx body as JSON into the generated models. A body that is not JSON, is empty, or does not
 * parse fails with a {@link ResponseDecodingException}; a connection that drops mid-body is retried like
 * any connection failure; in strict mode the decoded body is checked against the spec's constraints.
 */
final class JsonBodyDecoder implements Decoder {

  private final ObjectMapper mapper;
  private final Validator strictValidator;

  /** @param strictValidator checks decoded bodies; null to decode leniently */
  JsonBodyDecoder(ObjectMapper mapper, Validator strictValidator) {
    this.mapper = mapper;
    this.strictValidator = strictValidator;
  }

  @Override
  public Object decode(Response response, Type type) {
    String operation = ErrorMapping.operation(response.request());
    int status = response.status();
    byte[] body = readBody(response, operation);
    String contentType = RawResponse.firstValue(response.headers(), "content-type");
    if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
      String excerpt = ErrorMapping.excerpt(body);
      throw new ResponseDecodingException(operation, status,
          "Expected JSON from " + operation + " but got " + contentType + (excerpt.isEmpty() ? "" : ": " + excerpt),
          excerpt, null);
    }
    if (body.length == 0) {
      throw new ResponseDecodingException(operation, status, "Empty response body from " + operation, "", null);
    }
    Object value;
    try {
      value = mapper.readValue(body, mapper.constructType(type));
    } catch (IOException e) {
      String reason = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
      String excerpt = ErrorMapping.excerpt(body);
      throw new ResponseDecodingException(operation, status,
          "Malformed JSON in the response of " + operation + ": " + reason.lines().findFirst().orElse(""), excerpt, e);
    }
    if (value == null) {
      throw new ResponseDecodingException(operation, status, "The response of " + operation + " is JSON null", "null", null);
    }
    if (strictValidator != null) {
      List<String> violations = strictValidator.validate(value).stream()
          .map(v -> v.getPropertyPath() + " " + v.getMessage() + " (was " + v.getInvalidValue() + ")")
          .sorted()
          .toList();
      if (!violations.isEmpty()) {
        throw new ResponseValidationException(operation, status, violations);
      }
    }
    return value;
  }

  private static byte[] readBody(Response response, String operation) {
    if (response.body() == null) {
      return new byte[0];
    }
    try (InputStream in = response.body().asInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      // The request is an idempotent GET: a body cut short is a connection failure, worth a retry.
      throw new RetryableException(response.status(), "Connection failed reading the response of " + operation,
          response.request().httpMethod(), e, (Long) null, response.request());
    }
  }
}
