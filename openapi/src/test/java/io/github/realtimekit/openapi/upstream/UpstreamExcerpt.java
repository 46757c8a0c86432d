package io.github.realtimekit.openapi.upstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cuts the excerpt of Cloudflare's API schema that the drift check compares the spec with: the
 * spec's operations, found by their operationIds, and every component they reference, directly or
 * through other components.
 *
 * <p>Run it on a freshly downloaded {@code openapi.yaml} of {@code cloudflare/api-schemas}:
 *
 * <pre>
 * ./mvnw -q -pl openapi test-compile exec:java -Dupstream.schema=openapi.yaml -Dupstream.commit=SHA
 * </pre>
 *
 * <p>which writes {@code openapi/upstream/cloudflare-recordings.yaml}, with the commit in
 * {@code info.x-source}. Paths, operations and components keep the schema's own order, so a refresh
 * shows only what Cloudflare changed.
 */
public final class UpstreamExcerpt {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private UpstreamExcerpt() {
  }

  /**
   * Cuts the excerpt from a downloaded schema and writes it.
   *
   * @param args the downloaded {@code openapi.yaml}, the {@code cloudflare/api-schemas} commit it
   *     comes from, the file to write, and the spec whose operations it keeps
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 4 || args[0].isBlank() || args[0].startsWith("${")) {
      throw new IllegalArgumentException("usage: -Dupstream.schema=<the downloaded openapi.yaml>[,<more sources>] "
          + "-Dupstream.commit=<the commit of cloudflare/api-schemas it comes from>[,...] (a source whose "
          + "info.x-source says where it comes from needs none)");
    }
    String[] files = args[0].split(",", -1);
    String[] commits = args[1].startsWith("${") ? new String[0] : args[1].split(",", -1);
    List<UpstreamSources.Source> sources = new ArrayList<>();
    for (int i = 0; i < files.length; i++) {
      Path file = Path.of(files[i].trim());
      String commit = i < commits.length && !commits[i].isBlank() ? commits[i].trim() : null;
      sources.add(UpstreamSources.of(Yaml12.read(file), file.getFileName().toString(), commit));
    }
    Path target = Path.of(args[2]);
    String text = cut(UpstreamSources.join(sources), null, operationIds(Yaml12.read(Path.of(args[3]))));
    Files.writeString(target, text, StandardCharsets.UTF_8);
    System.out.println("wrote " + target + " (" + text.length() + " characters) from " + args[0]
        + "; now run ./mvnw verify and read openapi/target/upstream-drift.md");
  }

  /**
   * The operationIds of a document (the spec), sorted: the operations the excerpt keeps.
   *
   * @param document an OpenAPI document, as read by {@link Yaml12}
   * @return its operationIds, in alphabetical order
   */
  static List<String> operationIds(Map<String, Object> document) {
    Set<String> ids = new TreeSet<>();
    map(document.getOrDefault("paths", Map.of()), "paths").forEach((path, item) ->
        map(item, "paths." + path).forEach((method, operation) -> {
          if (METHODS.contains(method)) {
            Object id = map(operation, path + " " + method).get("operationId");
            if (!(id instanceof String) || !ids.add((String) id)) {
              throw new IllegalArgumentException(path + " " + method + " has no operationId, or one used twice: " + id);
            }
          }
        }));
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("the spec has no operations");
    }
    return List.copyOf(ids);
  }

  /**
   * The excerpt's title, naming the operations it holds.
   *
   * @param operations the operationIds, as {@link #operationIds} lists them
   * @return {@code Cloudflare API (excerpt: RealtimeKit, a, b and c)}
   */
  static String title(List<String> operations) {
    String names = operations.size() == 1 ? operations.get(0)
        : String.join(", ", operations.subList(0, operations.size() - 1)) + " and " + operations.get(operations.size() - 1);
    return "Cloudflare API (excerpt: RealtimeKit, " + names + ")";
  }

  /**
   * Cuts the excerpt.
   *
   * @param schema the whole schema, as read by {@link Yaml12}, or sources joined by {@link UpstreamSources#join}
   * @param commit the commit of {@code cloudflare/api-schemas} it comes from; unused (may be null) when the
   *     schema's {@code info.x-source} says where it comes from
   * @param operations the operationIds to keep: the spec's, as {@link #operationIds} lists them
   * @return the excerpt as YAML
   */
  static String cut(Map<String, Object> schema, String commit, List<String> operations) {
    UpstreamSources.Source source = UpstreamSources.of(schema, "openapi.yaml", commit);
    Set<String> notHeld = UpstreamSources.notInExcerpt(schema);
    Map<String, Object> paths = map(schema.get("paths"), "paths");
    Map<String, Object> keptPaths = new LinkedHashMap<>();
    Set<String> found = new LinkedHashSet<>();
    Set<String> securitySchemes = new LinkedHashSet<>();
    Deque<String> refs = new ArrayDeque<>();
    for (Map.Entry<String, Object> path : paths.entrySet()) {
      Map<String, Object> item = map(path.getValue(), "paths." + path.getKey());
      Map<String, Object> keptItem = new LinkedHashMap<>();
      for (Map.Entry<String, Object> entry : item.entrySet()) {
        if (METHODS.contains(entry.getKey())) {
          Map<String, Object> operation = map(entry.getValue(), path.getKey() + " " + entry.getKey());
          Object id = operation.get("operationId");
          if (operations.contains(id)) {
            if (!found.add((String) id)) {
              throw new IllegalArgumentException("operationId " + id + " occurs twice");
            }
            keptItem.put(entry.getKey(), operation);
            collectSecuritySchemes(operation.containsKey("security") ? operation.get("security") : schema.get("security"),
                securitySchemes);
          }
        }
      }
      if (!keptItem.isEmpty()) {
        // What the path item declares for all its operations (parameters, servers) belongs to the cut ones too.
        Map<String, Object> whole = new LinkedHashMap<>();
        item.forEach((key, value) -> {
          if (!METHODS.contains(key) || keptItem.containsKey(key)) {
            whole.put(key, value);
          }
        });
        keptPaths.put(path.getKey(), whole);
        collectRefs(whole, refs);
      }
    }
    if (!found.containsAll(operations)) {
      Set<String> missing = new LinkedHashSet<>(operations);
      missing.removeAll(found);
      throw new IllegalArgumentException("the schema has no operation " + String.join(", ", missing));
    }

    Map<String, Object> components = map(schema.getOrDefault("components", Map.of()), "components");
    Set<String> kept = new LinkedHashSet<>();
    Set<String> notReached = new LinkedHashSet<>();
    while (!refs.isEmpty()) {
      String ref = refs.pop();
      if (notHeld.contains(ref) && !holds(components, ref)) {
        notReached.add(ref);
      } else if (kept.add(ref)) {
        collectRefs(component(components, ref), refs);
      }
    }
    for (String scheme : securitySchemes) {
      String ref = "#/components/securitySchemes/" + escape(scheme);
      if (notHeld.contains(ref) && !holds(components, ref)) {
        notReached.add(ref);
      } else {
        kept.add(ref);
      }
    }

    Map<String, Object> keptComponents = new LinkedHashMap<>();
    for (Map.Entry<String, Object> type : components.entrySet()) {
      Map<String, Object> keptOfType = new LinkedHashMap<>();
      map(type.getValue(), "components." + type.getKey()).forEach((name, value) -> {
        if (kept.contains("#/components/" + type.getKey() + "/" + escape(name))) {
          keptOfType.put(name, value);
        }
      });
      if (!keptOfType.isEmpty()) {
        keptComponents.put(type.getKey(), keptOfType);
      }
    }
    for (String ref : kept) {
      component(components, ref);
    }

    Map<String, Object> info = new LinkedHashMap<>();
    info.put("title", title(operations));
    Map<String, Object> sourceInfo = map(schema.getOrDefault("info", Map.of()), "info");
    if (sourceInfo.containsKey("version")) {
      info.put("version", sourceInfo.get("version"));
    }
    List<String> provenance = source.provenance();
    info.put("x-source", provenance.size() == 1 ? provenance.get(0) : provenance);
    if (!notReached.isEmpty()) {
      // Components the definitions reference that no source held: the excerpt says so rather than guess them.
      info.put(UpstreamSources.NOT_IN_EXCERPT, List.copyOf(notReached));
    }

    Map<String, Object> excerpt = new LinkedHashMap<>();
    excerpt.put("openapi", schema.get("openapi"));
    excerpt.put("info", info);
    if (schema.containsKey("servers")) {
      excerpt.put("servers", schema.get("servers"));
    }
    excerpt.put("paths", keptPaths);
    excerpt.put("components", keptComponents);
    return Yaml12.write(excerpt);
  }

  private static void collectSecuritySchemes(Object security, Set<String> names) {
    if (security instanceof List) {
      for (Object requirement : (List<?>) security) {
        if (requirement instanceof Map) {
          ((Map<?, ?>) requirement).keySet().forEach(name -> names.add(String.valueOf(name)));
        }
      }
    }
  }

  /** Every {@code $ref} under a node, in document order. */
  private static void collectRefs(Object node, Deque<String> refs) {
    if (node instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) node).entrySet()) {
        if ("$ref".equals(entry.getKey()) && entry.getValue() instanceof String) {
          String ref = (String) entry.getValue();
          if (!ref.startsWith("#/components/") || ref.substring("#/components/".length()).split("/", -1).length != 2) {
            throw new IllegalArgumentException("cannot follow the reference " + ref
                + ": only references to #/components/<type>/<name> within the file are supported");
          }
          refs.add(ref);
        } else {
          collectRefs(entry.getValue(), refs);
        }
      }
    } else if (node instanceof List) {
      ((List<?>) node).forEach(item -> collectRefs(item, refs));
    }
  }

  private static boolean holds(Map<String, Object> components, String ref) {
    String[] parts = ref.substring("#/components/".length()).split("/", -1);
    Object ofType = components.get(parts[0]);
    return ofType instanceof Map && ((Map<?, ?>) ofType).containsKey(unescape(parts[1]));
  }

  private static Object component(Map<String, Object> components, String ref) {
    String[] parts = ref.substring("#/components/".length()).split("/", -1);
    Object ofType = components.get(parts[0]);
    Object target = ofType instanceof Map ? ((Map<?, ?>) ofType).get(unescape(parts[1])) : null;
    if (target == null) {
      throw new IllegalArgumentException("the reference " + ref + " points at nothing in the schema");
    }
    return target;
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node, String where) {
    if (!(node instanceof Map)) {
      throw new IllegalArgumentException(where + " is not a mapping");
    }
    return (Map<String, Object>) node;
  }
}
