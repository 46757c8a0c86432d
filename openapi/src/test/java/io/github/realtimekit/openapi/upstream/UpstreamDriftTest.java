package io.github.realtimekit.openapi.upstream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The drift check: compares the spec with the committed excerpt of Cloudflare's schema and fails on
 * every difference that {@code openapi/upstream/allowed-drift.txt} does not explain, and on every
 * entry there that explains nothing any more. Writes {@code target/upstream-drift.md} either way.
 */
class UpstreamDriftTest {

  @Test
  void theSpecDiffersFromCloudflaresSchemaOnlyWhereTheAllowListSaysWhy() throws IOException {
    Map<String, Object> excerpt = Yaml12.read(UpstreamFiles.excerpt());
    DriftReport report = new DriftReport(DriftReport.source(excerpt),
        UpstreamDrift.compare(excerpt, Yaml12.read(UpstreamFiles.spec())), AllowedDrift.read(UpstreamFiles.allowList()));

    Path out = UpstreamFiles.report();
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.markdown(), StandardCharsets.UTF_8);
    assertTrue(Files.size(out) > 0);

    if (!report.passes()) {
      fail(report.failureMessage() + "The drift report is " + out + ".");
    }
  }
}
