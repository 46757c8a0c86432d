package io.github.realtimekit.client.core;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Header maps: one case-insensitive lookup, and immutable copies. */
final class Headers {

  private Headers() {
  }

  /** The first value of a header in any header map, its name matched without regard to case; or null. */
  static @Nullable String first(Map<String, ? extends Collection<String>> headers, String name) {
    Collection<String> values = headers.get(name);
    if (values == null) {
      for (Map.Entry<String, ? extends Collection<String>> header : headers.entrySet()) {
        if (header.getKey().equalsIgnoreCase(name)) {
          values = header.getValue();
          break;
        }
      }
    }
    return values == null || values.isEmpty() ? null : values.iterator().next();
  }

  /** An immutable, case-insensitive copy. */
  static Map<String, List<String>> immutableCopyOf(Map<String, ? extends Collection<String>> headers) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }
}
