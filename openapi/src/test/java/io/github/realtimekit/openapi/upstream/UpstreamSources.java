package io.github.realtimekit.openapi.upstream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Joins the documents the excerpt is cut from into one: a whole downloaded {@code openapi.yaml}, or
 * several documents each holding some of Cloudflare's definitions (a committed excerpt, or a partial
 * document assembled from the published definitions of single operations and schemas).
 *
 * <p>Each source says where it comes from: its own {@code info.x-source} when it has one (an excerpt,
 * a partial document), else {@code cloudflare/api-schemas <file> @ <commit>}. A partial source lists
 * in {@code info.x-not-in-excerpt} the components its definitions reference but it does not hold;
 * those another source holds are taken from there, the others stay listed in the excerpt, and the
 * drift check reports whatever it cannot compare behind them.
 */
final class UpstreamSources {

  static final String NOT_IN_EXCERPT = "x-not-in-excerpt";

  private UpstreamSources() {
  }

  /**
   * One source document.
   *
   * @param schema the document, as read by {@link Yaml12}
   * @param provenance where it comes from, one line per origin
   */
  record Source(Map<String, Object> schema, List<String> provenance) {
  }

  /**
   * A source with where it comes from.
   *
   * @param schema the document
   * @param fileName the name of the file it was read from ({@code openapi.yaml}, {@code openapi.json})
   * @param commit the commit of {@code cloudflare/api-schemas} it comes from, when it does not say itself
   * @return the source
   */
  static Source of(Map<String, Object> schema, String fileName, String commit) {
    Object own = map(schema.getOrDefault("info", Map.of()), "info").get("x-source");
    if (own instanceof String) {
      return new Source(schema, List.of((String) own));
    }
    if (own instanceof List) {
      List<String> lines = new ArrayList<>();
      ((List<?>) own).forEach(line -> lines.add(String.valueOf(line)));
      return new Source(schema, List.copyOf(lines));
    }
    if (commit == null || !commit.matches("[0-9a-f]{7,40}")) {
      throw new IllegalArgumentException("upstream.commit must be a commit id of cloudflare/api-schemas (hex), was '"
          + commit + "'");
    }
    String file = fileName.endsWith(".json") ? "openapi.json" : "openapi.yaml";
    return new Source(schema, List.of("cloudflare/api-schemas " + file + " @ " + commit));
  }

  /**
   * Joins sources into one document: the paths of each in turn, the components of all (a component
   * two sources hold must be the same in both), the first source's {@code openapi}, {@code servers}
   * and {@code info.version}, and in {@code info} every source's origin and the components no source
   * holds.
   *
   * @param sources the sources, in the order their paths are to come
   * @return the joined document; a single source as it is, with where it comes from in {@code info.x-source}
   */
  static Map<String, Object> join(List<Source> sources) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no source to cut the excerpt from");
    }
    if (sources.size() == 1) {
      Source only = sources.get(0);
      Map<String, Object> info = new LinkedHashMap<>(map(only.schema().getOrDefault("info", Map.of()), "info"));
      info.put("x-source", only.provenance().size() == 1 ? only.provenance().get(0) : only.provenance());
      Map<String, Object> document = new LinkedHashMap<>(only.schema());
      document.put("info", info);
      return document;
    }
    Map<String, Object> first = sources.get(0).schema();
    Map<String, Object> paths = new LinkedHashMap<>();
    Map<String, Map<String, Object>> components = new LinkedHashMap<>();
    List<String> provenance = new ArrayList<>();
    Set<String> notHeld = new LinkedHashSet<>();
    for (Source source : sources) {
      provenance.addAll(source.provenance());
      map(source.schema().getOrDefault("paths", Map.of()), "paths").forEach((path, item) -> {
        Map<String, Object> joined = new LinkedHashMap<>(map(paths.getOrDefault(path, Map.of()), path));
        map(item, path).forEach((key, value) -> {
          if (joined.containsKey(key) && !Objects.equals(joined.get(key), value)) {
            throw new IllegalArgumentException(path + " " + key + " differs between the sources");
          }
          joined.put(key, value);
        });
        paths.put(path, joined);
      });
      map(source.schema().getOrDefault("components", Map.of()), "components").forEach((type, ofType) ->
          map(ofType, "components." + type).forEach((name, value) -> {
            Map<String, Object> joined = components.computeIfAbsent(type, t -> new LinkedHashMap<>());
            if (joined.containsKey(name) && !Objects.equals(joined.get(name), value)) {
              throw new IllegalArgumentException("#/components/" + type + "/" + name + " differs between the sources");
            }
            joined.put(name, value);
          }));
      notHeld.addAll(notInExcerpt(source.schema()));
    }
    notHeld.removeIf(ref -> {
      String[] parts = ref.substring("#/components/".length()).split("/", -1);
      return components.getOrDefault(parts[0], Map.of()).containsKey(parts[1]);
    });
    Map<String, Object> info = new LinkedHashMap<>();
    Object version = map(first.getOrDefault("info", Map.of()), "info").get("version");
    if (version != null) {
      info.put("version", version);
    }
    info.put("x-source", provenance);
    if (!notHeld.isEmpty()) {
      info.put(NOT_IN_EXCERPT, new ArrayList<>(notHeld));
    }
    Map<String, Object> joined = new LinkedHashMap<>();
    joined.put("openapi", first.get("openapi"));
    joined.put("info", info);
    if (first.containsKey("servers")) {
      joined.put("servers", first.get("servers"));
    }
    joined.put("paths", paths);
    joined.put("components", new LinkedHashMap<>(components));
    return joined;
  }

  /**
   * The components a document says it references but does not hold ({@code info.x-not-in-excerpt}).
   *
   * @param document a source or an excerpt
   * @return the references, as {@code #/components/<type>/<name>}
   */
  static Set<String> notInExcerpt(Map<String, Object> document) {
    Object listed = map(document.getOrDefault("info", Map.of()), "info").get(NOT_IN_EXCERPT);
    Set<String> refs = new LinkedHashSet<>();
    if (listed instanceof List) {
      for (Object ref : (List<?>) listed) {
        String text = String.valueOf(ref);
        if (!text.startsWith("#/components/") || text.substring("#/components/".length()).split("/", -1).length != 2) {
          throw new IllegalArgumentException(NOT_IN_EXCERPT + " lists " + text
              + ", which is no reference to #/components/<type>/<name>");
        }
        refs.add(text);
      }
    }
    return refs;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node, String where) {
    if (!(node instanceof Map)) {
      throw new IllegalArgumentException(where + " is not a mapping");
    }
    return (Map<String, Object>) node;
  }
}
