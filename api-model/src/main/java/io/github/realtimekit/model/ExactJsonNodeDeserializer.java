package io.github.realtimekit.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads the value of a JSON property newer than the spec as a tree that writes back out as it came
 * in, whatever the mapper's settings: numbers keep every digit (a fraction as a {@code BigDecimal}
 * with its scale, an integer as an int, a long or a {@code BigInteger}), {@code null} stays JSON null.
 */
final class ExactJsonNodeDeserializer extends StdDeserializer<JsonNode> {

  private static final long serialVersionUID = 1L;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  ExactJsonNodeDeserializer() {
    super(JsonNode.class);
  }

  @Override
  public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    return read(p, p.currentToken(), ctxt);
  }

  @Override
  public JsonNode getNullValue(DeserializationContext ctxt) {
    return NODES.nullNode();
  }

  private static JsonNode read(JsonParser p, JsonToken token, DeserializationContext ctxt) throws IOException {
    switch (token) {
      case START_OBJECT:
      case FIELD_NAME: {
        ObjectNode object = NODES.objectNode();
        for (JsonToken t = token == JsonToken.FIELD_NAME ? token : p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
          String name = p.currentName();
          object.set(name, read(p, p.nextToken(), ctxt));
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          array.add(read(p, t, ctxt));
        }
        return array;
      }
      case END_OBJECT:
        return NODES.objectNode();
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return DecimalNode.valueOf(p.getDecimalValue()); // as written: the factory would strip trailing zeros
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      case VALUE_EMBEDDED_OBJECT:
        return NODES.pojoNode(p.getEmbeddedObject());
      default:
        return (JsonNode) ctxt.handleUnexpectedToken(JsonNode.class, p);
    }
  }
}
