package io.github.realtimekit.openapi.upstream;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the spec, the committed excerpt of Cloudflare's schema, its allow-list and the drift report are. */
final class UpstreamFiles {

  private UpstreamFiles() {
  }

  /** The module's folder: Surefire sets {@code basedir}; run elsewhere, the working directory. */
  static Path module() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
  }

  static Path spec() {
    String spec = System.getProperty("realtimekit.spec");
    if (spec == null) {
      throw new IllegalStateException("system property realtimekit.spec is not set; run the tests through Maven");
    }
    return existing(Path.of(spec));
  }

  static Path excerpt() {
    return existing(module().resolve("upstream/cloudflare-recordings.yaml"));
  }

  static Path allowList() {
    return existing(module().resolve("upstream/allowed-drift.txt"));
  }

  static Path report() {
    return module().resolve("target/upstream-drift.md");
  }

  private static Path existing(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("not a file: " + path);
    }
    return path;
  }
}
