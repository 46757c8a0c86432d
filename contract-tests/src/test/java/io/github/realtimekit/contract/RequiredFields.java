package io.github.realtimekit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.realtimekit.fixtures.SpecExamples;
import io.github.realtimekit.fixtures.SpecOperations;

/**
 * A request body built from a schema when the spec documents no example of it: every required
 * property, each with a value its schema accepts (the first enum value, the minimum, a UUID where the
 * format says so), nested objects likewise; optional properties left out.
 */
final class RequiredFields {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private RequiredFields() {
  }

  static JsonNode sample(JsonNode spec, JsonNode schema) {
    return sample(spec, schema, 0);
  }

  private static JsonNode sample(JsonNode spec, JsonNode node, int depth) {
    JsonNode schema = SpecOperations.resolve(spec, node);
    if (depth > 16) {
      throw new IllegalStateException("The schema nests too deep to build a body from: " + schema);
    }
    if (schema.has("allOf")) {
      return sample(spec, schema.get("allOf").get(0), depth + 1);
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    switch (schema.path("type").asText("object")) {
      case "string":
        if ("uuid".equals(schema.path("format").asText())) {
          return JSON.textNode(SpecExamples.nthId(1).toString());
        }
        if ("date-time".equals(schema.path("format").asText())) {
          return JSON.textNode("2024-01-01T10:00:00Z");
        }
        if ("uri".equals(schema.path("format").asText())) {
          return JSON.textNode("https://example.com/");
        }
        return JSON.textNode("x".repeat(Math.max(1, schema.path("minLength").asInt(1))));
      case "integer":
      case "number":
        return JSON.numberNode(schema.path("minimum").asLong(1));
      case "boolean":
        return JSON.booleanNode(false);
      case "array":
        return JSON.arrayNode().add(sample(spec, schema.path("items"), depth + 1));
      default:
        ObjectNode object = JSON.objectNode();
        for (JsonNode name : schema.path("required")) {
          object.set(name.asText(), sample(spec, schema.path("properties").path(name.asText()), depth + 1));
        }
        return object;
    }
  }
}
