package io.github.realtimekit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The spec, read from the realtimekit-openapi artifact: the one source of the documented examples. */
final class Spec {

  static final String RESOURCE = "/io/github/realtimekit/openapi/realtimekit-recordings.yaml";

  private static final String TEXT = loadText();
  private static final JsonNode ROOT = parse(TEXT);

  private Spec() {
  }

  /** The spec as written. */
  static String text() {
    return TEXT;
  }

  /** The whole spec as a tree. */
  static JsonNode root() {
    return ROOT;
  }

  /** The value of a named example under components/examples, as a tree. */
  static JsonNode example(String name) {
    JsonNode value = ROOT.path("components").path("examples").path(name).path("value");
    if (value.isMissingNode()) {
      throw new IllegalArgumentException("the spec has no example named " + name);
    }
    return value;
  }

  /** The value of a named example as JSON text, as a server would send it. */
  static String exampleJson(String name) {
    try {
      return new ObjectMapper().writeValueAsString(example(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String loadText() {
    try (InputStream in = Spec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("spec not on the class path: " + RESOURCE);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return new YAMLMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
