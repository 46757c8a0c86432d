package io.github.realtimekit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.realtimekit.fixtures.SpecOperations;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a request body against the schema an operation documents for it, as the real API would
 * before acting: JSON, the required fields, types, enums, bounds, lengths, patterns, {@code uuid}
 * and {@code uri} formats, item counts and nested objects. The first violation found is the answer,
 * naming the field by its path in the body ({@code video_config.width}).
 */
final class MockBodies {

  /** Bodies are small; deep nesting is refused before it costs a deep recursion. */
  private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build()).build();

  private MockBodies() {
  }

  /**
   * Checks a request's body.
   *
   * @param spec the spec
   * @param operation the operation's tree
   * @param bytes the body as received (empty for none)
   * @return the parsed body, or, for a body the operation does not accept, a message naming what is wrong
   */
  static Checked check(JsonNode spec, JsonNode operation, byte[] bytes) {
    JsonNode requestBody = operation.path("requestBody");
    if (requestBody.isMissingNode()) {
      return new Checked(null, null);
    }
    requestBody = SpecOperations.resolve(spec, requestBody);
    if (bytes.length == 0) {
      return requestBody.path("required").asBoolean(false)
          ? new Checked(null, "A request body is required") : new Checked(null, null);
    }
    JsonNode body;
    try {
      body = JSON.readTree(bytes);
    } catch (IOException e) {
      return new Checked(null, "The request body is not JSON");
    }
    JsonNode schema = requestBody.path("content").path("application/json").path("schema");
    String problem = schema.isMissingNode() ? null : violation(spec, schema, body, "");
    return new Checked(body, problem);
  }

  /**
   * A checked body.
   *
   * @param body the parsed body, or null when none was sent or it is no JSON
   * @param problem what is wrong with it, or null when it is acceptable
   */
  record Checked(JsonNode body, String problem) {
  }

  /** The first way {@code value} breaks {@code schema}, or null. */
  static String violation(JsonNode spec, JsonNode schemaRef, JsonNode value, String at) {
    JsonNode schema = SpecOperations.resolve(spec, schemaRef);
    String name = at.isEmpty() ? "the body" : at;
    if (value.isNull()) {
      return schema.path("nullable").asBoolean(false) ? null : name + " must not be null";
    }
    for (JsonNode part : schema.path("allOf")) {
      String problem = violation(spec, part, value, at);
      if (problem != null) {
        return problem;
      }
    }
    String type = schema.path("type").asText("");
    String typeProblem = typeViolation(type, value, name);
    if (typeProblem != null) {
      return typeProblem;
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode allowed : schema.get("enum")) {
        listed |= allowed.equals(value);
      }
      if (!listed) {
        return name + " must be one of " + schema.get("enum");
      }
    }
    if (value.isNumber()) {
      return numberViolation(schema, value.decimalValue(), name);
    }
    if (value.isTextual()) {
      return textViolation(schema, value.asText(), name);
    }
    if (value.isArray()) {
      if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
        return name + " must have at least " + schema.get("minItems").asInt() + " items";
      }
      if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
        return name + " must have at most " + schema.get("maxItems").asInt() + " items";
      }
      for (int i = 0; i < value.size(); i++) {
        String problem = violation(spec, schema.path("items"), value.get(i), name + "[" + i + "]");
        if (problem != null) {
          return problem;
        }
      }
    }
    return value.isObject() ? objectViolation(spec, schema, value, at) : null;
  }

  private static String objectViolation(JsonNode spec, JsonNode schema, JsonNode value, String at) {
    String prefix = at.isEmpty() ? "" : at + ".";
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        return prefix + required.asText() + " is required";
      }
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.path("additionalProperties");
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      JsonNode fieldSchema = properties.has(field.getKey()) ? properties.get(field.getKey())
          : additional.isObject() ? additional : null;
      if (fieldSchema == null && additional.isBoolean() && !additional.asBoolean()) {
        return prefix + field.getKey() + " is not a field of this body";
      }
      String problem = fieldSchema == null ? null : violation(spec, fieldSchema, field.getValue(), prefix + field.getKey());
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String typeViolation(String type, JsonNode value, String name) {
    boolean ok = switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "boolean" -> value.isBoolean();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      default -> true;
    };
    return ok ? null : name + " must be " + (type.equals("integer") || type.equals("array") || type.equals("object")
        ? "an " : "a ") + type;
  }

  private static String numberViolation(JsonNode schema, BigDecimal number, String name) {
    if (schema.has("minimum") && number.compareTo(schema.get("minimum").decimalValue()) < 0) {
      return name + " must be at least " + schema.get("minimum").asText();
    }
    if (schema.has("maximum") && number.compareTo(schema.get("maximum").decimalValue()) > 0) {
      return name + " must be at most " + schema.get("maximum").asText();
    }
    String format = schema.path("format").asText("");
    boolean fits = switch (format) {
      case "int32" -> number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
          && number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
      case "int64" -> number.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
          && number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
      default -> true;
    };
    return fits ? null : name + " must fit in " + format;
  }

  private static String textViolation(JsonNode schema, String text, String name) {
    int length = text.codePointCount(0, text.length());
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      return name + " must have at least " + schema.get("minLength").asInt() + " characters";
    }
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      return name + " must have at most " + schema.get("maxLength").asInt() + " characters";
    }
    if (schema.has("pattern")) {
      try {
        if (!Pattern.compile(schema.get("pattern").asText(), Pattern.UNICODE_CHARACTER_CLASS).matcher(text).find()) {
          return name + " must match " + schema.get("pattern").asText();
        }
      } catch (PatternSyntaxException notJava) {
        // A pattern Java cannot read is not checked.
      }
    }
    switch (schema.path("format").asText("")) {
      case "uuid":
        try {
          if (!UUID.fromString(text).toString().equalsIgnoreCase(text)) {
            return name + " must be a UUID";
          }
        } catch (IllegalArgumentException e) {
          return name + " must be a UUID";
        }
        return null;
      case "uri":
        try {
          if (!new URI(text).isAbsolute()) {
            return name + " must be an absolute URI";
          }
        } catch (URISyntaxException e) {
          return name + " must be an absolute URI";
        }
        return null;
      default:
        return null;
    }
  }
}
