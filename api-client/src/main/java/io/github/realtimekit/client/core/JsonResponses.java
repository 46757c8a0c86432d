package io.github.realtimekit.client.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a 2xx body as JSON into the generated models, reading the bytes the transport collected in
 * place. A body that is not JSON, is empty, does not parse or does not fit the model fails through
 * the {@link ErrorMapper}; in strict mode the decoded value is also checked against the spec's
 * constraints.
 *
 * <p>Runtime SPI: public so that the client's other packages can reach it; not meant for
 * applications, and it may change in any release.
 */
public final class JsonResponses {

  private final ObjectMapper mapper;
  private final @Nullable Validator strictValidator;
  private final ErrorMapper errors;
  private final SafeText safe;

  /**
   * Creates the decoder of one client.
   *
   * @param mapper the client's JSON mapper
   * @param strictValidator checks decoded bodies; null to decode leniently
   * @param errors the client's error mapper
   * @param safe cleans text of the client's token and of control characters
   */
  public JsonResponses(ObjectMapper mapper, @Nullable Validator strictValidator, ErrorMapper errors, SafeText safe) {
    this.mapper = mapper;
    this.strictValidator = strictValidator;
    this.errors = errors;
    this.safe = safe;
  }

  /**
   * Decodes a response's body.
   *
   * @param response a 2xx response read whole
   * @param type the type to decode into
   * @return the value, never null
   * @throws io.github.realtimekit.client.errors.ResponseDecodingException if the body does not decode
   * @throws io.github.realtimekit.client.errors.ResponseValidationException in strict mode, if the
   *     value breaks the spec's constraints
   */
  public Object decode(HttpResponse response, Type type) {
    String operation = response.request().operation().getName();
    String contentType = response.header("content-type");
    if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
      String excerpt = ErrorText.excerpt(safe, response.bodyArray(), response.bodyLength());
      throw errors.decodingFailure(response, "Expected JSON from " + operation + " but got "
          + safe.clean(contentType) + (excerpt.isEmpty() ? "" : ": " + excerpt), true, null);
    }
    if (response.bodyLength() == 0) {
      throw errors.decodingFailure(response, "Empty response body from " + operation, false, null);
    }
    Object value;
    try {
      value = mapper.readValue(response.bodyArray(), 0, response.bodyLength(), mapper.constructType(type));
    } catch (IOException e) {
      String reason = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
          : e.getMessage();
      boolean misfit = e instanceof ValueInstantiationException || e instanceof InvalidFormatException;
      String message = (misfit ? "The response of " + operation + " does not fit the spec's model: "
          : "Malformed JSON in the response of " + operation + ": ")
          + safe.clean(String.valueOf(reason).lines().findFirst().orElse(""));
      throw errors.decodingFailure(response, message, true, e);
    }
    if (value == null) {
      throw ErrorMapper.missingContent(response.request().operation(), response.status(),
          "The response of " + operation + " is JSON null", "null");
    }
    if (strictValidator != null) {
      List<String> violations = strictValidator.validate(value).stream()
          .map(v -> v.getPropertyPath() + " " + v.getMessage() + " (was "
              + safe.clean(String.valueOf(v.getInvalidValue())) + ")")
          .sorted()
          .toList();
      if (!violations.isEmpty()) {
        throw errors.validationFailure(response, violations);
      }
    }
    return value;
  }
}
