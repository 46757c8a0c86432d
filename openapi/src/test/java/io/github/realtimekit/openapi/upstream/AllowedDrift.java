package io.github.realtimekit.openapi.upstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The differences from Cloudflare's schema that the spec makes on purpose, each with its reason:
 * {@code openapi/upstream/allowed-drift.txt}. One entry a line, the difference exactly as the drift
 * report names it, then {@code " -- "} and the reason; {@code #} starts a comment line. An entry whose
 * location starts with {@code *} where the report names an operation ({@code *?page_no ...},
 * {@code * response 4XX ...}) allows that difference in every operation, so a convention of the
 * spec holds for an operation added to it without an entry of its own.
 *
 * @param entries the reason of each allowed difference, by its id, in file order
 */
record AllowedDrift(Map<String, String> entries) {

  static final String SEPARATOR = " -- ";

  static AllowedDrift read(Path file) throws IOException {
    return parse(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  static AllowedDrift parse(String name, List<String> lines) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int arrow = line.indexOf(" => ");
      int separator = arrow < 0 ? -1 : line.indexOf(SEPARATOR, arrow);
      String where = name + " line " + (i + 1);
      if (separator < 0) {
        throw new IllegalArgumentException(where + ": expected '<location> <aspect>: <Cloudflare's> => <the spec's>"
            + SEPARATOR + "<reason>', was: " + line);
      }
      String id = line.substring(0, separator).strip();
      String reason = line.substring(separator + SEPARATOR.length()).strip();
      if (id.startsWith(UpstreamDrift.ANY_OPERATION) && !id.startsWith(UpstreamDrift.ANY_OPERATION + "?")
          && !id.startsWith(UpstreamDrift.ANY_OPERATION + " ")) {
        throw new IllegalArgumentException(where + ": '*' stands for an operation, and is followed by '?<parameter>'"
            + " or ' response <code>', was: " + id);
      }
      if (reason.isEmpty()) {
        throw new IllegalArgumentException(where + ": the entry for '" + id + "' gives no reason");
      }
      if (entries.put(id, reason) != null) {
        throw new IllegalArgumentException(where + ": '" + id + "' is listed twice");
      }
    }
    return new AllowedDrift(Collections.unmodifiableMap(entries));
  }

  boolean allows(UpstreamDrift.Difference difference) {
    return entry(difference) != null;
  }

  String reason(UpstreamDrift.Difference difference) {
    String entry = entry(difference);
    return entry == null ? null : entries.get(entry);
  }

  /** The entry that allows a difference: the one naming it exactly, else the one naming it in any operation. */
  String entry(UpstreamDrift.Difference difference) {
    if (entries.containsKey(difference.id())) {
      return difference.id();
    }
    String any = difference.anyOperationId();
    return any != null && entries.containsKey(any) ? any : null;
  }
}
