package io.github.realtimekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.realtimekit.fixtures.SpecOperations;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Plays an operation's {@code x-realtimekit-mock} rule on the mock's recordings ({@link MockState}):
 * {@code create}, {@code read}, {@code find}, {@code transition} and {@code list}, as the spec's
 * comment at the rule's first use describes. No operation is known here by name; an effect this
 * class does not know leaves the documented example as the answer.
 */
final class MockLifecycle {

  private final JsonNode spec;
  private final MockState state;
  private final Function<String, String> fileUrl;

  /**
   * The lifecycle of a spec's operations.
   *
   * @param spec the spec
   * @param state the recordings
   * @param fileUrl the URL the mock serves a recording's file at, by the recording's id
   */
  MockLifecycle(JsonNode spec, MockState state, Function<String, String> fileUrl) {
    this.spec = spec;
    this.state = state;
    this.fileUrl = fileUrl;
  }

  /**
   * Plays a rule: puts the recording it concerns into the answer, or answers an error.
   *
   * @param rule the operation's {@code x-realtimekit-mock}
   * @param operation the operation's tree
   * @param params the request's path parameters
   * @param rawQuery the request's query, or null
   * @param request the request's body, checked against the spec, or null
   * @param answer a copy of the documented example, changed in place
   * @return an error answer, or null to answer {@code answer}
   */
  MockRoutes.Answer play(JsonNode rule, JsonNode operation, Map<String, String> params, String rawQuery,
      JsonNode request, JsonNode answer) {
    String at = rule.path("at").asText("data");
    synchronized (state) {
      List<MockState.Kept> all = state.all(fileUrl);
      switch (rule.path("effect").asText("")) {
        case "create":
          return create(rule, at, request, answer, all);
        case "read": {
          MockState.Kept found = first(all, rule.path("by"), params, null);
          if (found != null) {
            place(answer, at, found.object);
          }
          return null;
        }
        case "find": {
          MockState.Kept found = first(all, rule.path("by"), params, rule.path("status"));
          if (found == null) {
            return documented(operation, 404, "Nothing found for " + describe(rule.path("by"), params));
          }
          place(answer, at, found.object);
          return null;
        }
        case "transition":
          return transition(rule, at, params, request, answer, all);
        case "list":
          list(rule, at, query(rawQuery), answer, all);
          return null;
        default:
          return null;
      }
    }
  }

  private MockRoutes.Answer create(JsonNode rule, String at, JsonNode request, JsonNode answer,
      List<MockState.Kept> all) {
    JsonNode body = request == null ? JsonNodeFactory.instance.objectNode() : request;
    JsonNode unique = rule.path("unique");
    if (unique.isObject() && !body.path(unique.path("unless").asText("")).asBoolean(false)) {
      String by = unique.path("by").asText("");
      for (MockState.Kept k : all) {
        if (body.path(by).asText("").equalsIgnoreCase(k.keys.getOrDefault(by, "\0"))
            && contains(unique.path("while"), k.status())) {
          return error(409, unique.path("message").asText("A conflicting " + by + " exists: " + body.path(by).asText()));
        }
      }
    }
    JsonNode example = answer.at(pointer(at));
    ObjectNode object = example.isObject() ? ((ObjectNode) example).deepCopy() : JsonNodeFactory.instance.objectNode();
    Instant now = state.now();
    JsonNode set = rule.path("set");
    // Ids first, so that a text may name {id}.
    set.properties().stream().filter(e -> e.getValue().asText("").equals("uuid"))
        .forEach(e -> MockState.set(object, e.getKey(), e.getValue(), now, fileUrl));
    set.properties().stream().filter(e -> !e.getValue().asText("").equals("uuid"))
        .forEach(e -> MockState.set(object, e.getKey(), e.getValue(), now, fileUrl));
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("id", object.path("id").asText(""));
    rule.path("keep").forEach(field -> keys.put(field.asText(), body.path(field.asText()).asText("")));
    MockState.Kept created = new MockState.Kept(object, keys, rule, now);
    state.enter(created, created.status(), now, fileUrl);
    state.add(created);
    place(answer, at, object);
    return null;
  }

  private MockRoutes.Answer transition(JsonNode rule, String at, Map<String, String> params, JsonNode request,
      JsonNode answer, List<MockState.Kept> all) {
    MockState.Kept found = first(all, rule.path("by"), params, null);
    if (found == null) {
      return error(404, describe(rule.path("by"), params) + " not found");
    }
    String field = rule.path("field").asText("");
    String choice = request == null ? "" : request.path(field).asText("");
    JsonNode to = rule.path("to").path(choice);
    if (!to.isTextual()) {
      return error(400, field + " must be one of " + rule.path("to").properties().stream().map(Map.Entry::getKey).toList());
    }
    if (rule.has("while") && !contains(rule.path("while"), found.status())) {
      return error(409, "Cannot " + choice + " " + describe(rule.path("by"), params) + ": its status is "
          + found.status());
    }
    if (!to.asText().equals(found.status())) {
      state.enter(found, to.asText(), state.now(), fileUrl);
      state.save();
    }
    place(answer, at, found.object);
    return null;
  }

  private static void list(JsonNode rule, String at, Map<String, String> query, JsonNode answer,
      List<MockState.Kept> all) {
    if (!(answer.at(pointer(at)) instanceof ArrayNode items)) {
      return;
    }
    int index = 0;
    for (MockState.Kept k : all) {
      boolean matches = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = rule.path("filter").properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> filter = it.next();
        String wanted = query.get(filter.getKey());
        matches &= wanted == null || wanted.equalsIgnoreCase(k.keys.getOrDefault(filter.getValue().asText(), ""));
      }
      if (matches) {
        items.insert(index++, k.object.deepCopy());
      }
    }
  }

  /** The newest recording whose kept fields match the path parameters {@code by} names, with a status listed. */
  private static MockState.Kept first(List<MockState.Kept> all, JsonNode by, Map<String, String> params,
      JsonNode statuses) {
    for (MockState.Kept k : all) {
      boolean matches = by.size() > 0;
      for (Map.Entry<String, JsonNode> pair : by.properties()) {
        String value = params.get(pair.getKey());
        matches &= value != null && value.equalsIgnoreCase(k.keys.get(pair.getValue().asText()));
      }
      if (matches && (statuses == null || contains(statuses, k.status()))) {
        return k;
      }
    }
    return null;
  }

  /** {@code Recording 3f25...} for {@code {recording_id: id}}. */
  private static String describe(JsonNode by, Map<String, String> params) {
    Map.Entry<String, JsonNode> first = by.properties().stream().findFirst().orElse(null);
    if (first == null) {
      return "resource";
    }
    return first.getValue().asText().equals("id")
        ? MockRoutes.noun(first.getKey()) + " " + params.get(first.getKey())
        : first.getKey() + " " + params.get(first.getKey());
  }

  /** The operation's documented answer for a status, else an error in RealtimeKit's envelope. */
  private MockRoutes.Answer documented(JsonNode operation, int status, String message) {
    JsonNode response = operation.path("responses").path(Integer.toString(status));
    if (!response.isMissingNode()) {
      JsonNode json = SpecOperations.resolve(spec, response).path("content").path("application/json");
      Iterator<JsonNode> examples = json.path("examples").elements();
      JsonNode value = examples.hasNext() ? SpecOperations.resolve(spec, examples.next()).get("value") : json.get("example");
      if (value != null) {
        return new MockRoutes.Answer(status, value.deepCopy(), null);
      }
    }
    return error(status, message);
  }

  private static MockRoutes.Answer error(int status, String message) {
    return new MockRoutes.Answer(status, MockRoutes.error(status, message), null);
  }

  /** Sets the object at a dotted path ({@code data.recording}) of the answer, creating the objects on the way. */
  private static void place(JsonNode answer, String at, ObjectNode object) {
    String[] names = at.split("\\.");
    ObjectNode parent = (ObjectNode) answer;
    for (int i = 0; i < names.length - 1; i++) {
      parent = parent.path(names[i]).isObject() ? (ObjectNode) parent.get(names[i]) : parent.putObject(names[i]);
    }
    parent.set(names[names.length - 1], object.deepCopy());
  }

  private static String pointer(String at) {
    return "/" + at.replace("~", "~0").replace("/", "~1").replace('.', '/');
  }

  private static boolean contains(JsonNode list, String value) {
    for (JsonNode item : list) {
      if (item.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        try {
          if (eq > 0) {
            query.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
          }
        } catch (IllegalArgumentException badEscape) {
          // Ignored, as every other query parameter.
        }
      }
    }
    return query;
  }
}
