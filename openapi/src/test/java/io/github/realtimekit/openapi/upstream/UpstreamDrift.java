package io.github.realtimekit.openapi.upstream;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the spec with Cloudflare's schema, field by field, and lists every difference: each
 * operation, response, parameter, property, enum value, type, required or nullable flag and
 * constraint that one of them states and the other lacks or states differently.
 *
 * <p>Both documents are walked from their operations, matched by method and path: parameters by
 * where they go and their name, request bodies by media type, responses by status code and media
 * type, schemas with their {@code $ref}s
 * resolved and {@code allOf}s merged (so Cloudflare's one {@code Recording} extended per operation
 * meets the spec's one {@code Recording}). A difference is named after the spec's component where
 * there is one ({@code Recording.file_size}), else after the operation ({@code get_all_recordings?search},
 * {@code start_recording request body}, path parameters as {@code {app_id}}).
 *
 * <p>Compared for each schema: {@code type} with {@code format}, {@code nullable}, {@code enum}
 * values, properties and {@code required}, {@code items}, {@code minimum}, {@code maximum},
 * {@code exclusiveMinimum}, {@code exclusiveMaximum}, {@code multipleOf}, {@code minLength},
 * {@code maxLength}, {@code pattern}, {@code minItems}, {@code maxItems}, {@code uniqueItems},
 * {@code minProperties}, {@code maxProperties}, {@code writeOnly}, {@code x-sensitive} and the
 * number of {@code oneOf}/{@code anyOf} alternatives; for each parameter also {@code required},
 * {@code style}, {@code explode} and {@code allowEmptyValue}, with OpenAPI's defaults filled in;
 * for each request body also {@code required}. Not compared: descriptions, titles, examples,
 * defaults, {@code readOnly} and tags.
 *
 * <p>openapi-diff, which the breaking-change gate uses, is not used here: it stops comparing a
 * schema at its first type or format difference, and Cloudflare's {@code number} against the spec's
 * {@code integer} is one of the deliberate ones, behind which every bound and nullable flag of the
 * same field would go unchecked.
 */
final class UpstreamDrift {

  /** Keywords compared as they are written, absent on one side meaning unconstrained. */
  private static final List<String> CONSTRAINTS = List.of("minimum", "maximum", "multipleOf", "minLength", "maxLength",
      "pattern", "minItems", "maxItems", "minProperties", "maxProperties");

  /** Boolean keywords whose absence means false. */
  private static final List<String> FLAGS = List.of("nullable", "exclusiveMinimum", "exclusiveMaximum", "uniqueItems",
      "writeOnly", "x-sensitive");

  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  static final String NONE = "none";
  static final String PRESENT = "present";
  static final String ABSENT = "absent";
  /** What a definition the excerpt lists in {@code info.x-not-in-excerpt} is reported as. */
  static final String NOT_IN_EXCERPT = "not in the excerpt";
  /** Stands for any operation at the start of an allow-list entry. */
  static final String ANY_OPERATION = "*";

  /**
   * One difference.
   *
   * @param location where: a spec component and property path, an operation, or a parameter
   * @param aspect what differs: {@code property}, {@code type}, {@code enum ERRORED}, {@code maxLength}, ...
   * @param upstream what Cloudflare's schema says
   * @param spec what the spec says
   * @param operations the operations whose walk met it
   */
  record Difference(String location, String aspect, String upstream, String spec, Set<String> operations) {

    /** The difference in one line, as the report and the allow-list name it. */
    String id() {
      return location + " " + aspect + ": " + upstream + " => " + spec;
    }

    /**
     * The id with the operation its location begins with written {@code *}
     * ({@code *?page_no type: number => integer (int32)}, {@code * response 4XX: absent => present}):
     * how the allow-list names a difference it allows in every operation. Null when the location
     * names no operation (a component, a path parameter) or the difference is a whole operation.
     */
    String anyOperationId() {
      if ("operation".equals(aspect)) {
        return null;
      }
      String id = id();
      for (String operation : operations) {
        if (id.length() > operation.length() && id.startsWith(operation)
            && (id.charAt(operation.length()) == '?' || id.charAt(operation.length()) == ' ')) {
          return ANY_OPERATION + id.substring(operation.length());
        }
      }
      return null;
    }
  }

  private final Map<String, Object> upstreamRoot;
  private final Map<String, Object> specRoot;
  private final Map<String, Difference> found = new LinkedHashMap<>();
  private final Deque<String> specComponents = new ArrayDeque<>();
  private final Set<String> notInExcerpt;

  private UpstreamDrift(Map<String, Object> upstreamRoot, Map<String, Object> specRoot) {
    this.upstreamRoot = upstreamRoot;
    this.specRoot = specRoot;
    this.notInExcerpt = UpstreamSources.notInExcerpt(upstreamRoot);
  }

  /**
   * Lists the differences between two OpenAPI 3.0 documents.
   *
   * @param upstream Cloudflare's schema, or the excerpt of it
   * @param spec the spec
   * @return every difference once, in the order of the walk
   */
  static List<Difference> compare(Map<String, Object> upstream, Map<String, Object> spec) {
    UpstreamDrift drift = new UpstreamDrift(upstream, spec);
    drift.comparePaths();
    return List.copyOf(drift.found.values());
  }

  private void comparePaths() {
    Map<String, Object> upstreamPaths = map(upstreamRoot.get("paths"));
    Map<String, Object> specPaths = map(specRoot.get("paths"));
    for (String path : union(upstreamPaths.keySet(), specPaths.keySet())) {
      Map<String, Object> upstreamItem = map(upstreamPaths.get(path));
      Map<String, Object> specItem = map(specPaths.get(path));
      for (String method : METHODS) {
        Map<String, Object> u = map(upstreamItem.get(method));
        Map<String, Object> s = map(specItem.get(method));
        String where = method.toUpperCase(Locale.ROOT) + " " + path;
        if (u.isEmpty() && s.isEmpty()) {
          continue;
        }
        if (u.isEmpty() || s.isEmpty()) {
          add(where, "operation", presence(u), presence(s), where);
          continue;
        }
        String operation = String.valueOf(u.getOrDefault("operationId", where));
        same(where, "operationId", text(u.get("operationId")), text(s.get("operationId")), operation);
        compareParameters(operation, upstreamItem, u, specItem, s);
        compareRequestBodies(operation, map(u.get("requestBody")), map(s.get("requestBody")));
        compareResponses(operation, map(u.get("responses")), map(s.get("responses")));
      }
    }
  }

  private void compareParameters(String operation, Map<String, Object> upstreamItem, Map<String, Object> u,
      Map<String, Object> specItem, Map<String, Object> s) {
    Map<String, Map<String, Object>> upstream = parameters(upstreamRoot, upstreamItem, u);
    Map<String, Map<String, Object>> spec = parameters(specRoot, specItem, s);
    for (String key : union(upstream.keySet(), spec.keySet())) {
      Map<String, Object> up = upstream.get(key);
      Map<String, Object> sp = spec.get(key);
      Map<String, Object> any = up != null ? up : sp;
      String in = String.valueOf(any.get("in"));
      String name = String.valueOf(any.get("name"));
      String where = "path".equals(in) ? "{" + name + "}" : "query".equals(in) ? operation + "?" + name
          : operation + " " + in + " " + name;
      if (up == null || sp == null) {
        add(where, "parameter", up == null ? ABSENT : PRESENT, sp == null ? ABSENT : PRESENT, operation);
        continue;
      }
      same(where, "required", requiredText(up), requiredText(sp), operation);
      same(where, "style", style(up), style(sp), operation);
      same(where, "explode", explode(up), explode(sp), operation);
      same(where, "allowEmptyValue", flag(up.get("allowEmptyValue")), flag(sp.get("allowEmptyValue")), operation);
      compareSchemas(where, up.get("schema"), sp.get("schema"), operation);
    }
  }

  private void compareRequestBodies(String operation, Map<String, Object> upstream, Map<String, Object> spec) {
    Map<String, Object> u = resolve(upstreamRoot, upstream);
    Map<String, Object> s = resolve(specRoot, spec);
    if (u.isEmpty() && s.isEmpty()) {
      return;
    }
    if (u.isEmpty() || s.isEmpty()) {
      add(operation, "request body", presence(u), presence(s), operation);
      return;
    }
    same(operation + " request body", "required", flag(u.get("required")), flag(s.get("required")), operation);
    compareContent(operation, "request body", operation + " request body", u, s);
  }

  private void compareResponses(String operation, Map<String, Object> upstream, Map<String, Object> spec) {
    for (String code : union(upstream.keySet(), spec.keySet())) {
      Map<String, Object> u = resolve(upstreamRoot, map(upstream.get(code)));
      Map<String, Object> s = resolve(specRoot, map(spec.get(code)));
      if (u.isEmpty() || s.isEmpty()) {
        add(operation, "response " + code, presence(u), presence(s), operation);
        continue;
      }
      compareContent(operation, "response " + code, operation + " " + code, u, s);
    }
  }

  /** The schemas of a request body's or a response's media types, matched by media type. */
  private void compareContent(String operation, String what, String location, Map<String, Object> upstream,
      Map<String, Object> spec) {
    Map<String, Object> upstreamContent = map(upstream.get("content"));
    Map<String, Object> specContent = map(spec.get("content"));
    for (String mediaType : union(upstreamContent.keySet(), specContent.keySet())) {
      Map<String, Object> um = map(upstreamContent.get(mediaType));
      Map<String, Object> sm = map(specContent.get(mediaType));
      if (um.isEmpty() || sm.isEmpty()) {
        add(operation, what + " " + mediaType, presence(um), presence(sm), operation);
        continue;
      }
      compareSchemas(location, um.get("schema"), sm.get("schema"), operation);
    }
  }

  private void compareSchemas(String location, Object upstreamSchema, Object specSchema, String operation) {
    String component = componentName(specSchema);
    if (component != null && specComponents.contains(component)) {
      return; // A recursive schema: compared once on the way down.
    }
    String where = component != null ? component : location;
    Object upstreamRef = map(upstreamSchema).get("$ref");
    if (upstreamRef != null && notInExcerpt.contains(String.valueOf(upstreamRef))) {
      // The excerpt says it lacks this definition: what lies behind it cannot be compared, and the report says so.
      add(where, "schema", NOT_IN_EXCERPT, presence(flatten(specRoot, specSchema)), operation);
      return;
    }
    if (component != null) {
      specComponents.push(component);
    }
    try {
      Map<String, Object> u = flatten(upstreamRoot, upstreamSchema);
      Map<String, Object> s = flatten(specRoot, specSchema);
      same(where, "type", typeOf(u), typeOf(s), operation);
      for (String flag : FLAGS) {
        same(where, flag, flag(u.get(flag)), flag(s.get(flag)), operation);
      }
      for (String constraint : CONSTRAINTS) {
        same(where, constraint, text(u.get(constraint)), text(s.get(constraint)), operation);
      }
      for (String composition : List.of("oneOf", "anyOf")) {
        same(where, composition, count(u.get(composition)), count(s.get(composition)), operation);
      }
      Set<String> upstreamEnum = enumValues(u);
      Set<String> specEnum = enumValues(s);
      if (upstreamEnum != null && specEnum != null) {
        for (String value : union(upstreamEnum, specEnum)) {
          same(where, "enum " + value, upstreamEnum.contains(value) ? PRESENT : ABSENT,
              specEnum.contains(value) ? PRESENT : ABSENT, operation);
        }
      } else if (upstreamEnum != null || specEnum != null) {
        add(where, "enum", upstreamEnum == null ? NONE : String.join(", ", upstreamEnum),
            specEnum == null ? NONE : String.join(", ", specEnum), operation);
      }
      Map<String, Object> upstreamProperties = map(u.get("properties"));
      Map<String, Object> specProperties = map(s.get("properties"));
      Set<String> upstreamRequired = stringSet(u.get("required"));
      Set<String> specRequired = stringSet(s.get("required"));
      for (String name : union(upstreamProperties.keySet(), specProperties.keySet())) {
        String property = where + "." + name;
        if (!upstreamProperties.containsKey(name) || !specProperties.containsKey(name)) {
          add(property, "property", upstreamProperties.containsKey(name) ? PRESENT : ABSENT,
              specProperties.containsKey(name) ? PRESENT : ABSENT, operation);
          continue;
        }
        same(property, "required", upstreamRequired.contains(name) ? "required" : "optional",
            specRequired.contains(name) ? "required" : "optional", operation);
        compareSchemas(property, upstreamProperties.get(name), specProperties.get(name), operation);
      }
      if (u.containsKey("items") || s.containsKey("items")) {
        if (!u.containsKey("items") || !s.containsKey("items")) {
          add(where, "items", presence(map(u.get("items"))), presence(map(s.get("items"))), operation);
        } else {
          compareSchemas(where + "[]", u.get("items"), s.get("items"), operation);
        }
      }
    } finally {
      if (component != null) {
        specComponents.pop();
      }
    }
  }

  private void same(String location, String aspect, String upstream, String spec, String operation) {
    if (!Objects.equals(upstream, spec)) {
      add(location, aspect, upstream, spec, operation);
    }
  }

  private void add(String location, String aspect, String upstream, String spec, String operation) {
    Difference difference = new Difference(location, aspect, upstream, spec, new TreeSet<>());
    found.computeIfAbsent(difference.id(), id -> difference).operations().add(operation);
  }

  // --- Resolving and merging -------------------------------------------------------------------

  /** The parameters of an operation and its path item, by where they go and their name. */
  private static Map<String, Map<String, Object>> parameters(Map<String, Object> root, Map<String, Object> item,
      Map<String, Object> operation) {
    Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
    for (Object declared : concat(list(item.get("parameters")), list(operation.get("parameters")))) {
      Map<String, Object> parameter = resolve(root, map(declared));
      parameters.put(parameter.get("in") + " " + parameter.get("name"), parameter);
    }
    return parameters;
  }

  /** A schema with its {@code $ref} followed and its {@code allOf} merged into one. */
  private static Map<String, Object> flatten(Map<String, Object> root, Object schema) {
    Map<String, Object> resolved = resolve(root, map(schema));
    Map<String, Object> merged = new LinkedHashMap<>();
    for (Object part : list(resolved.get("allOf"))) {
      merge(root, merged, flatten(root, part));
    }
    Map<String, Object> own = new LinkedHashMap<>(resolved);
    own.remove("allOf");
    merge(root, merged, own);
    return merged;
  }

  /** Merges what {@code allOf} joins: properties and required names add up, a flag set anywhere holds. */
  private static void merge(Map<String, Object> root, Map<String, Object> into, Map<String, Object> from) {
    for (Map.Entry<String, Object> entry : from.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      Object existing = into.get(key);
      if ("properties".equals(key) && existing != null) {
        Map<String, Object> properties = new LinkedHashMap<>(map(existing));
        map(value).forEach((name, schema) -> properties.merge(name, schema, (a, b) -> {
          Map<String, Object> both = flatten(root, a);
          merge(root, both, flatten(root, b));
          return both;
        }));
        into.put(key, properties);
      } else if ("required".equals(key) && existing != null) {
        Set<String> required = new LinkedHashSet<>(stringSet(existing));
        required.addAll(stringSet(value));
        into.put(key, new ArrayList<>(required));
      } else if ("items".equals(key) && existing != null) {
        Map<String, Object> items = flatten(root, existing);
        merge(root, items, flatten(root, value));
        into.put(key, items);
      } else if (FLAGS.contains(key) && existing != null) {
        into.put(key, Boolean.TRUE.equals(existing) || Boolean.TRUE.equals(value));
      } else {
        into.put(key, value);
      }
    }
  }

  /** An object, or the component its {@code $ref} points at (followed until it is no reference). */
  private static Map<String, Object> resolve(Map<String, Object> root, Map<String, Object> node) {
    Map<String, Object> current = node;
    for (int hops = 0; current.containsKey("$ref"); hops++) {
      String ref = String.valueOf(current.get("$ref"));
      if (hops > 16 || !ref.startsWith("#/")) {
        throw new IllegalArgumentException("cannot follow the reference " + ref);
      }
      Object target = root;
      for (String token : ref.substring(2).split("/", -1)) {
        target = map(target).get(token.replace("~1", "/").replace("~0", "~"));
      }
      if (!(target instanceof Map)) {
        throw new IllegalArgumentException("the reference " + ref + " points at nothing");
      }
      current = map(target);
    }
    return current;
  }

  /** The spec's component a schema is: its {@code $ref}, or the single reference of its {@code allOf}. */
  private static String componentName(Object schema) {
    Map<String, Object> node = map(schema);
    Object ref = node.get("$ref");
    if (ref == null) {
      List<Object> allOf = list(node.get("allOf"));
      if (allOf.size() == 1) {
        ref = map(allOf.get(0)).get("$ref");
      }
    }
    return ref == null ? null : String.valueOf(ref).substring(String.valueOf(ref).lastIndexOf('/') + 1);
  }

  // --- Values as the report shows them -----------------------------------------------------------

  private static String typeOf(Map<String, Object> schema) {
    Object type = schema.get("type");
    if (type == null && schema.containsKey("properties")) {
      type = "object";
    }
    Object format = schema.get("format");
    return (type == null ? NONE : String.valueOf(type)) + (format == null ? "" : " (" + format + ")");
  }

  private static String requiredText(Map<String, Object> parameter) {
    return "path".equals(parameter.get("in")) || Boolean.TRUE.equals(parameter.get("required")) ? "required" : "optional";
  }

  private static String style(Map<String, Object> parameter) {
    Object style = parameter.get("style");
    if (style != null) {
      return String.valueOf(style);
    }
    Object in = parameter.get("in");
    return "query".equals(in) || "cookie".equals(in) ? "form" : "simple";
  }

  private static String explode(Map<String, Object> parameter) {
    Object explode = parameter.get("explode");
    return explode != null ? String.valueOf(explode) : String.valueOf("form".equals(style(parameter)));
  }

  private static String flag(Object value) {
    return String.valueOf(Boolean.TRUE.equals(value));
  }

  private static String count(Object alternatives) {
    return alternatives == null ? NONE : String.valueOf(list(alternatives).size());
  }

  /** A scalar as text; numbers compare by value, so 600 and 600.0 are the same bound. */
  static String text(Object value) {
    if (value == null) {
      return NONE;
    }
    if (value instanceof Number) {
      return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  private static Set<String> enumValues(Map<String, Object> schema) {
    if (!schema.containsKey("enum")) {
      return null;
    }
    Set<String> values = new LinkedHashSet<>();
    list(schema.get("enum")).forEach(value -> values.add(text(value)));
    return values;
  }

  private static String presence(Map<String, Object> node) {
    return node.isEmpty() ? ABSENT : PRESENT;
  }

  // --- Plain tree helpers ------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    return node instanceof Map ? (Map<String, Object>) node : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object node) {
    return node instanceof List ? (List<Object>) node : List.of();
  }

  private static Set<String> stringSet(Object node) {
    Set<String> values = new LinkedHashSet<>();
    list(node).forEach(value -> values.add(String.valueOf(value)));
    return values;
  }

  private static <T> Set<T> union(Collection<T> first, Collection<T> second) {
    Set<T> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return all;
  }

  private static List<Object> concat(List<Object> first, List<Object> second) {
    List<Object> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
