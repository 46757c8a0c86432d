package io.github.realtimekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI spec the client is generated from, read from the {@code realtimekit-openapi} artifact on
 * the class path: the source of the mock server's answers and of which fields are secrets.
 */
final class ApiSpec {

  /** Where the {@code realtimekit-openapi} artifact keeps the spec. */
  static final String RESOURCE = "io/github/realtimekit/openapi/realtimekit-recordings.yaml";

  private final JsonNode root;
  private final Set<String> secretProperties;

  private ApiSpec(JsonNode root) {
    this.root = root;
    Set<String> secrets = new TreeSet<>();
    collectSecrets(root, secrets);
    this.secretProperties = Set.copyOf(secrets);
  }

  /**
   * Returns the spec, parsed once per process.
   *
   * @return the spec
   * @throws IllegalStateException if the spec is missing from the class path
   */
  static ApiSpec get() {
    return Holder.SPEC;
  }

  /**
   * Returns a documented example, {@code components/examples/NAME/value}.
   *
   * @param name the example's name, such as {@code GetOneRecording}
   * @return a copy the caller may change
   * @throws IllegalStateException if the spec has no such example
   */
  JsonNode example(String name) {
    JsonNode value = root.path("components").path("examples").path(name).path("value");
    if (value.isMissingNode()) {
      throw new IllegalStateException("The spec " + RESOURCE + " has no example " + name);
    }
    return value.deepCopy();
  }

  /**
   * Returns the names of the properties the spec marks {@code x-sensitive: true} or
   * {@code writeOnly: true}, in any schema.
   *
   * @return the property names, such as {@code password}
   */
  Set<String> secretProperties() {
    return secretProperties;
  }

  private static void collectSecrets(JsonNode node, Set<String> into) {
    if (node.isObject()) {
      JsonNode properties = node.get("properties");
      if (properties != null && properties.isObject()) {
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
          JsonNode schema = property.getValue();
          if (schema.path("x-sensitive").asBoolean(false) || schema.path("writeOnly").asBoolean(false)) {
            into.add(property.getKey());
          }
        }
      }
    }
    for (JsonNode child : node) {
      collectSecrets(child, into);
    }
  }

  private static ApiSpec load() {
    ClassLoader loader = ApiSpec.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The spec " + RESOURCE + " is not on the class path");
      }
      return new ApiSpec(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the spec " + RESOURCE, e);
    }
  }

  private static final class Holder {
    static final ApiSpec SPEC = load();
  }
}
