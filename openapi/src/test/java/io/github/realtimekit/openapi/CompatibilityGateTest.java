package io.github.realtimekit.openapi;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The breaking-change gate: compares the spec with the last released one (the baseline) and fails
 * on a change that would break a client of the released version. Writes the change report either way.
 *
 * <p>openapi-diff's own rules apply (a removed operation or parameter, a narrowed type, a removed
 * required response field, ...), plus one of this project's: removing any response field, required or
 * not, is breaking, because the generated model loses the getter its callers compile against.
 *
 * <p>Breaking changes pass only when the project's major version is above the one the baseline was
 * released as ({@link VersionGate}); they are then reported, not failed.
 */
class CompatibilityGateTest {

  @Test
  void theSpecIsBackwardCompatibleWithTheBaseline() throws IOException {
    ChangedOpenApi diff = OpenApiCompare.fromLocations(
        SpecFiles.baseline().toUri().toString(), SpecFiles.spec().toUri().toString());

    List<String> breaking = new ArrayList<>();
    if (diff.isIncompatible()) {
      breaking.add("openapi-diff finds incompatible changes (see the report)");
    }
    breaking.addAll(removedResponseFields(diff));
    String released = releasedVersion(diff);
    String project = SpecFiles.projectVersion();
    VersionGate.Outcome outcome = VersionGate.decide(released, project, breaking);

    Path report = SpecFiles.changeReport();
    Files.createDirectories(report.getParent());
    try (OutputStreamWriter out = new OutputStreamWriter(Files.newOutputStream(report), StandardCharsets.UTF_8)) {
      if (outcome == VersionGate.Outcome.REPORT) {
        out.write("# Breaking changes, allowed by the major version\n\nThe project is at " + project
            + ", a major version above the baseline's " + released + ":\n\n- " + String.join("\n- ", breaking) + "\n\n");
      }
      if (diff.isUnchanged()) {
        out.write("# API changes\n\nNo changes against the baseline.\n");
      } else {
        new MarkdownRender().render(diff, out);
      }
    }
    assertTrue(Files.size(report) > 0);

    if (outcome == VersionGate.Outcome.REPORT) {
      System.out.println("Breaking changes against the baseline released as " + released + ", allowed by the version "
          + project + ":\n  - " + String.join("\n  - ", breaking) + "\nThe change report is " + report);
    }
    if (outcome == VersionGate.Outcome.FAIL) {
      fail("Breaking change: the spec is incompatible with the released baseline " + SpecFiles.baseline()
          + " (released as " + released + "; the project is at " + project + "):\n  - " + String.join("\n  - ", breaking)
          + "\nA client built from the baseline would break. The change report is " + report
          + ". If the break is intended, bump the major version above " + released
          + " in every pom.xml; moving the baseline forward is part of cutting that release.\n\n"
          + Files.readString(report));
    }
  }

  /** The version the baseline was released as, recorded in its {@code info}. */
  private static String releasedVersion(ChangedOpenApi diff) {
    Map<String, Object> extensions = diff.getOldSpecOpenApi().getInfo().getExtensions();
    Object version = extensions == null ? null : extensions.get(VersionGate.RELEASED_VERSION);
    return version == null ? null : version.toString();
  }

  private static List<String> removedResponseFields(ChangedOpenApi diff) {
    TreeSet<String> removed = new TreeSet<>();
    for (ChangedSchema schema : diff.getChangedSchemas()) {
      if (schema.getContext() != null && schema.getContext().isResponse()) {
        String owner = schema.getOldSchema() != null && schema.getOldSchema().getDescription() != null
            ? " (from: " + schema.getOldSchema().getDescription() + ")" : "";
        schema.getMissingProperties().keySet().forEach(name -> removed.add("response field '" + name + "' removed" + owner));
      }
    }
    return new ArrayList<>(removed);
  }
}
