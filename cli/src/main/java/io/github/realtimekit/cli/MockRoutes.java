package io.github.realtimekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.realtimekit.fixtures.SpecOperations;
import io.github.realtimekit.fixtures.SpecOperations.Documented;
import io.github.realtimekit.fixtures.SpecOperations.Operation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The mock's route table, built from a spec: one route per operation, answered with the operation's
 * documented example. The rules are described on {@link MockServer}.
 */
final class MockRoutes {

  /**
   * What the mock answers.
   *
   * @param status the status code
   * @param body the body, or null for none
   * @param allow for a 405, the methods the path has
   */
  record Answer(int status, JsonNode body, String allow) {
  }

  /** One operation: its documented answer and how to adapt it to a request. */
  private record Route(Operation operation, Documented documented, boolean paged, List<String> uuidParams,
      JsonNode rule) {
  }

  /** A path template: its segments (null where a parameter stands), the parameters, its operations. */
  private record Template(String path, List<String> literals, List<String> names, Map<String, Route> routes) {
  }

  /** Literal segments before parameters, so that {@code /recordings/active} wins over {@code /recordings/{id}}. */
  private static final Comparator<Template> MOST_SPECIFIC_FIRST = (a, b) -> {
    for (int i = 0; i < Math.min(a.literals.size(), b.literals.size()); i++) {
      boolean aLiteral = a.literals.get(i) != null;
      if (aLiteral != (b.literals.get(i) != null)) {
        return aLiteral ? -1 : 1;
      }
    }
    return Integer.compare(a.literals.size(), b.literals.size());
  };

  private final JsonNode spec;
  private final List<Template> templates;
  private final Consumer<ObjectNode> rewrite;
  private final MockLifecycle lifecycle;

  private MockRoutes(JsonNode spec, List<Template> templates, Consumer<ObjectNode> rewrite, MockLifecycle lifecycle) {
    this.spec = spec;
    this.templates = templates;
    this.rewrite = rewrite;
    this.lifecycle = lifecycle;
  }

  /**
   * Builds the routes of every operation of a spec.
   *
   * @param spec the spec
   * @param rewrite changes each object of a success answer's {@code data} (the object, or each item of
   *     the array) after the path parameters are echoed
   * @param lifecycle plays the operations' {@code x-realtimekit-mock} rules
   * @return the routes
   */
  static MockRoutes of(JsonNode spec, Consumer<ObjectNode> rewrite, MockLifecycle lifecycle) {
    Map<String, Template> byPath = new LinkedHashMap<>();
    for (Operation operation : SpecOperations.operations(spec)) {
      Template template = byPath.computeIfAbsent(operation.path(), MockRoutes::template);
      Documented documented = SpecOperations.successExample(spec, operation).orElse(null);
      List<String> uuids = operation.parameters().stream().filter(p -> p.path("in").asText().equals("path"))
          .filter(p -> SpecOperations.resolve(spec, p.path("schema")).path("format").asText().equals("uuid"))
          .map(p -> p.path("name").asText()).toList();
      template.routes.put(operation.method(),
          new Route(operation, documented, paged(operation, documented), uuids,
              operation.node().path("x-realtimekit-mock").isObject() ? operation.node().get("x-realtimekit-mock") : null));
    }
    List<Template> templates = new ArrayList<>(byPath.values());
    templates.sort(MOST_SPECIFIC_FIRST);
    return new MockRoutes(spec, List.copyOf(templates), rewrite, lifecycle);
  }

  private static Template template(String path) {
    List<String> literals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String segment : segments(path)) {
      boolean parameter = segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
      literals.add(parameter ? null : segment);
      names.add(parameter ? segment.substring(1, segment.length() - 1) : null);
    }
    return new Template(path, literals, names, new LinkedHashMap<>());
  }

  private static boolean paged(Operation operation, Documented documented) {
    JsonNode body = documented == null ? null : documented.body();
    boolean shaped = body != null && body.path("paging").isObject() && body.path("data").isArray();
    return shaped && (operation.parameter("query", "page_no").isPresent()
        || operation.node().path("x-realtimekit-paged").asBoolean(false));
  }

  /**
   * Answers a request.
   *
   * @param method the request's method
   * @param rawPath the request's path, as sent (percent-encoded)
   * @param rawQuery the request's query, as sent, or null
   * @param body the request's body, empty for none
   * @return the answer: the operation's example, played by its rule if it has one, or a 400, 404, 405
   *     or 409 in RealtimeKit's error envelope
   */
  Answer answer(String method, String rawPath, String rawQuery, byte[] body) {
    if (!rawPath.startsWith(MockServer.BASE_PATH + "/")) {
      return notFound(method, rawPath);
    }
    List<String> segments;
    try {
      segments = segments(rawPath.substring(MockServer.BASE_PATH.length())).stream().map(s -> URLDecoder.decode(s.replace("+", "%2B"),
          StandardCharsets.UTF_8)).toList();
    } catch (IllegalArgumentException badEscape) {
      return notFound(method, rawPath);
    }
    for (Template template : templates) {
      Map<String, String> params = match(template, segments);
      if (params == null) {
        continue;
      }
      Route route = template.routes.get(method);
      if (route == null) {
        return new Answer(405, error(405, "Method " + method + " not allowed on " + rawPath),
            String.join(", ", template.routes.keySet()));
      }
      return answer(template, route, params, rawQuery, body);
    }
    return notFound(method, rawPath);
  }

  private static Map<String, String> match(Template template, List<String> segments) {
    if (segments.size() != template.literals.size()) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String literal = template.literals.get(i);
      if (literal == null ? segments.get(i).isEmpty() : !literal.equals(segments.get(i))) {
        return null;
      }
      if (literal == null) {
        params.put(template.names.get(i), segments.get(i));
      }
    }
    return params;
  }

  private Answer answer(Template template, Route route, Map<String, String> params, String rawQuery, byte[] request) {
    for (Map.Entry<String, String> param : params.entrySet()) {
      if (route.uuidParams.contains(param.getKey()) && !isUuid(param.getValue())) {
        return new Answer(404, error(404, noun(param.getKey()) + " not found"), null);
      }
    }
    MockBodies.Checked checked = MockBodies.check(spec, route.operation.node(), request);
    if (checked.problem() != null) {
      return new Answer(400, error(400, checked.problem()), null);
    }
    if (route.documented == null || route.documented.body() == null) {
      return route.documented != null && route.documented.status() == 204
          ? new Answer(204, null, null)
          : new Answer(501, error(501, "The spec documents no example for " + route.operation), null);
    }
    JsonNode body = route.documented.body().deepCopy();
    if (route.rule != null) {
      Answer played = lifecycle.play(route.rule, route.operation.node(), params, rawQuery, checked.body(), body);
      if (played != null) {
        return played;
      }
    }
    if (route.paged) {
      page((ObjectNode) body, MockQueries.pageNo(rawQuery));
    }
    if (body.path("data").isObject() || body.path("data").isArray()) {
      String last = identifies(template) ? template.names.get(template.names.size() - 1) : null;
      for (JsonNode item : body.path("data").isObject() ? List.of(body.get("data")) : body.get("data")) {
        if (item instanceof ObjectNode object) {
          echo(object, params, body.get("data").isObject() ? last : null);
          rewrite.accept(object);
        }
      }
    }
    return new Answer(route.documented.status(), body, null);
  }

  /**
   * Tells whether the path names one resource by its id: its last segment is a parameter
   * {@code <x>_id} right after the collection {@code <x>s} ({@code /recordings/{recording_id}}), not
   * an id of something else ({@code /recordings/active-recording/{meeting_id}}).
   */
  private static boolean identifies(Template template) {
    int n = template.names.size();
    String last = template.names.get(n - 1);
    if (last == null || !last.endsWith("_id") || n < 2 || template.literals.get(n - 2) == null) {
      return false;
    }
    String noun = last.substring(0, last.length() - 3).replace('_', '-');
    String collection = template.literals.get(n - 2);
    return collection.equals(noun + "s") || collection.equals(noun);
  }

  /**
   * Puts the path parameters in a {@code data} object: each into the field of its name, and the last
   * segment, when the path {@linkplain #identifies identifies} a resource, into {@code id}; only where
   * the field is.
   */
  private static void echo(ObjectNode data, Map<String, String> params, String last) {
    if (last != null && last.endsWith("_id") && data.has("id")) {
      data.put("id", params.get(last));
    }
    params.forEach((name, value) -> {
      if (data.has(name)) {
        data.put(name, value);
      }
    });
  }

  /** Page 1 is the example; later pages are empty. Offsets count from 1 and are inclusive. */
  private static void page(ObjectNode body, int pageNo) {
    ArrayNode data = (ArrayNode) body.get("data");
    int all = data.size();
    if (pageNo > 1) {
      data.removeAll();
    }
    long start = pageNo > 1 ? all + 1 : 1;
    ObjectNode paging = (ObjectNode) body.get("paging");
    paging.put("end_offset", start + data.size() - 1);
    paging.put("start_offset", start);
    paging.put("total_count", all);
  }

  private static boolean isUuid(String text) {
    try {
      return UUID.fromString(text).toString().equalsIgnoreCase(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code recording_id} → {@code Recording}. */
  static String noun(String name) {
    String words = (name.endsWith("_id") ? name.substring(0, name.length() - 3) : name).replace('_', ' ');
    return words.isEmpty() ? name : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  private static Answer notFound(String method, String path) {
    return new Answer(404, error(404, "No such resource: " + method + " " + path), null);
  }

  /**
   * Returns an error in RealtimeKit's envelope.
   *
   * @param status the status code, which is also the error's code
   * @param message what went wrong
   * @return the body
   */
  static ObjectNode error(int status, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("success", false);
    ObjectNode error = body.putObject("error");
    error.put("code", status);
    error.put("message", message);
    return body;
  }

  /** Splits a path on {@code /}, without the leading one and one trailing one. */
  private static List<String> segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    trimmed = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    return Arrays.asList(trimmed.split("/", -1));
  }
}
