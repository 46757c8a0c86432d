package io.github.realtimekit.openapi.upstream;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of one drift check: every difference, which the allow-list explains, which it does
 * not, and the allow-list entries that no longer match anything.
 *
 * @param source where the compared excerpt comes from ({@code info.x-source})
 * @param differences every difference found
 * @param allowed the allow-list
 */
record DriftReport(String source, List<UpstreamDrift.Difference> differences, AllowedDrift allowed) {

  /** The differences the allow-list does not explain: drift. */
  List<UpstreamDrift.Difference> drift() {
    return differences.stream().filter(d -> !allowed.allows(d)).collect(Collectors.toList());
  }

  /** Allow-list entries that match no difference: Cloudflare or the spec moved, and the entry is stale. */
  List<String> stale() {
    Set<String> ids = differences.stream().map(allowed::entry).collect(Collectors.toSet());
    return allowed.entries().keySet().stream().filter(id -> !ids.contains(id)).collect(Collectors.toList());
  }

  boolean passes() {
    return drift().isEmpty() && stale().isEmpty();
  }

  /** The failure message: names every drifted item and every stale entry. */
  String failureMessage() {
    StringBuilder message = new StringBuilder();
    List<UpstreamDrift.Difference> drift = drift();
    if (!drift.isEmpty()) {
      message.append("Upstream drift: the spec differs from Cloudflare's schema (").append(source).append(") in ")
          .append(drift.size()).append(drift.size() == 1 ? " item" : " items")
          .append(" that the allow-list does not explain (location aspect: Cloudflare's => the spec's):\n");
      drift.forEach(d -> message.append("  - drift: ").append(d.id()).append("   [").append(String.join(", ", d.operations()))
          .append("]\n"));
      message.append("Bring the spec in line, or copy the line into openapi/upstream/allowed-drift.txt followed by '")
          .append(AllowedDrift.SEPARATOR).append("<why the spec differs>'.\n");
    }
    List<String> stale = stale();
    if (!stale.isEmpty()) {
      message.append("Stale drift allow-list entries, matching no difference any more (remove them from")
          .append(" openapi/upstream/allowed-drift.txt):\n");
      stale.forEach(id -> message.append("  - ").append(id).append('\n'));
    }
    return message.toString();
  }

  /** The Markdown report. */
  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Drift from Cloudflare's schema\n\n");
    md.append("Compared `openapi/upstream/cloudflare-recordings.yaml` (").append(source).append(") with the spec. ")
        .append("Each line reads `location aspect: Cloudflare's => the spec's`.\n\n");
    List<UpstreamDrift.Difference> drift = drift();
    List<String> stale = stale();
    md.append(differences.size()).append(" differences: ").append(differences.size() - drift.size())
        .append(" allowed, ").append(drift.size()).append(" not allowed (drift); ")
        .append(stale.size()).append(" stale allow-list entries.\n");
    if (!drift.isEmpty()) {
      md.append("\n## Drift: not in the allow-list\n\n| difference | operations |\n| --- | --- |\n");
      drift.forEach(d -> md.append("| ").append(cell(d.id())).append(" | ").append(String.join(", ", d.operations()))
          .append(" |\n"));
    }
    if (!stale.isEmpty()) {
      md.append("\n## Stale allow-list entries\n\n");
      stale.forEach(id -> md.append("- ").append(cell(id)).append('\n'));
    }
    md.append("\n## Allowed differences\n\n| difference | operations | why |\n| --- | --- | --- |\n");
    for (UpstreamDrift.Difference d : differences) {
      if (allowed.allows(d)) {
        md.append("| ").append(cell(d.id())).append(" | ").append(String.join(", ", d.operations())).append(" | ")
            .append(allowed.reason(d).replace("|", "\\|")).append(" |\n");
      }
    }
    return md.toString();
  }

  private static String cell(String text) {
    return "`" + text.replace("|", "\\|").replace("`", "'") + "`";
  }

  static String source(Map<String, Object> excerpt) {
    Object info = excerpt.get("info");
    Object source = info instanceof Map ? ((Map<?, ?>) info).get("x-source") : null;
    return source == null ? "source commit not recorded" : String.valueOf(source);
  }
}
