package io.github.realtimekit.openapi;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build says the spec, its baseline and the change report are. */
final class SpecFiles {

  private SpecFiles() {
  }

  static Path spec() {
    return existing("realtimekit.spec");
  }

  static Path baseline() {
    return existing("realtimekit.baseline");
  }

  static Path changeReport() {
    return Path.of(required("realtimekit.changeReport"));
  }

  /** The project's version, which the breaking-change gate compares with the baseline's. */
  static String projectVersion() {
    return required("realtimekit.projectVersion");
  }

  private static Path existing(String property) {
    Path path = Path.of(required(property));
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(property + " is not a file: " + path);
    }
    return path;
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("system property " + property + " is not set; run the tests through Maven");
    }
    return value;
  }
}
