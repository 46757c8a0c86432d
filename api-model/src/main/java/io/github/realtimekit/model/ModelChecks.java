package io.github.realtimekit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the generated models share: required-property checks, immutable copies and masking. */
final class ModelChecks {

  private ModelChecks() {
  }

  /**
   * Returns a property's value, refusing a missing one.
   *
   * @throws IllegalStateException naming the property, as in {@code Recording.status is required}
   */
  static <T> T required(@Nullable T value, String model, String property) {
    if (value == null) {
      throw new IllegalStateException(model + "." + property + " is required");
    }
    return value;
  }

  /**
   * Returns an immutable copy of a list whose items may not be null.
   *
   * @throws IllegalStateException naming the property and the index of a null item
   */
  static <T> List<T> copyOf(List<T> list, String model, String property) {
    int index = 0;
    for (Object item : list) {
      if (item == null) {
        throw new IllegalStateException(model + "." + property + "[" + index + "] is null");
      }
      index++;
    }
    return List.copyOf(list);
  }

  /** Returns an immutable copy of a list whose items may be null. */
  static <T> List<@Nullable T> copyOfWithNulls(List<@Nullable T> list, String model, String property) {
    return Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** Returns an immutable copy of a map property, in the same order; a null key or value is refused. */
  static <T> Map<String, T> copyOfMap(Map<String, T> map, String model, String property) {
    Map<String, T> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> {
      if (key == null || value == null) {
        throw new IllegalStateException(model + "." + property + "[" + key + "] is null");
      }
      copy.put(key, value);
    });
    return Collections.unmodifiableMap(copy);
  }

  /** Returns an immutable copy, in the same order, of properties newer than the spec, each value copied. */
  static Map<String, JsonNode> copyOfAdditional(Map<String, JsonNode> properties) {
    if (properties.isEmpty()) {
      return Map.of();
    }
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    properties.forEach((name, value) -> copy.put(name, value.deepCopy()));
    return Collections.unmodifiableMap(copy);
  }

  /** Returns a copy of a JSON value that later changes to the original cannot reach; JSON null for null. */
  static JsonNode copyOf(@Nullable JsonNode value) {
    return value == null ? NullNode.getInstance() : value.deepCopy();
  }

  /**
   * Returns how {@code toString()} prints a URL: without its query, user information and fragment,
   * each replaced by {@code ***}, since a pre-signed URL's query is its signature. {@code null} when
   * there is none.
   */
  static String withoutQuery(@Nullable URI url) {
    if (url == null) {
      return "null";
    }
    if (url.isOpaque() || (url.getRawQuery() == null && url.getRawUserInfo() == null && url.getRawFragment() == null)) {
      return url.isOpaque() ? url.getScheme() + ":***" : url.toString();
    }
    StringBuilder b = new StringBuilder();
    if (url.getScheme() != null) {
      b.append(url.getScheme()).append(':');
    }
    if (url.getRawAuthority() != null) {
      b.append("//");
      if (url.getRawUserInfo() != null) {
        b.append("***@");
      }
      b.append(url.getHost() != null ? url.getHost() : "***");
      if (url.getPort() >= 0) {
        b.append(':').append(url.getPort());
      }
    }
    b.append(url.getRawPath() == null ? "" : url.getRawPath());
    if (url.getRawQuery() != null) {
      b.append("?***");
    }
    if (url.getRawFragment() != null) {
      b.append("#***");
    }
    return b.toString();
  }

  /** Returns how {@code toString()} prints a secret: {@code ***}, or {@code null} when there is none. */
  static String mask(@Nullable Object value) {
    return value == null ? "null" : "***";
  }
}
