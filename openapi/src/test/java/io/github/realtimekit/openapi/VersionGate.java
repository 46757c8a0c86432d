package io.github.realtimekit.openapi;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a breaking change may pass, by semantic versions: the baseline spec records the release it
 * is the contract of ({@code info.x-released-version}); a change incompatible with it passes only when
 * the project's major version is above the baseline's. Bumping the major is the one deliberate act
 * that lets a breaking change through.
 */
final class VersionGate {

  /** The extension of the baseline's {@code info} that records its release. */
  static final String RELEASED_VERSION = "x-released-version";

  private static final Pattern RELEASE = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)");
  private static final Pattern PROJECT = Pattern.compile(RELEASE.pattern() + "(-[0-9A-Za-z.-]+)?");

  enum Outcome {
    /** No breaking change. */
    PASS,
    /** Breaking changes, allowed by a major version above the baseline's: reported, not failed. */
    REPORT,
    /** Breaking changes within the baseline's major version. */
    FAIL
  }

  private VersionGate() {
  }

  /**
   * Decides on {@code breaking} changes between the baseline released as {@code baselineVersion} and a
   * project at {@code projectVersion} ({@code 2.0.0-SNAPSHOT}, {@code 1.4.0}). A pre-release of the
   * baseline's own version ({@code 1.0.0-SNAPSHOT} against {@code 1.0.0}) counts as that version: it is
   * the release the baseline was cut for.
   *
   * @throws IllegalArgumentException when the baseline's version is missing or not {@code MAJOR.MINOR.PATCH},
   *     the project's is not a semantic version, or the project's is older than the baseline's
   */
  static Outcome decide(String baselineVersion, String projectVersion, List<String> breaking) {
    int[] baseline = parse(RELEASE, baselineVersion, "the baseline's " + RELEASED_VERSION,
        "a released version MAJOR.MINOR.PATCH such as 1.0.0");
    int[] project = parse(PROJECT, projectVersion, "the project version",
        "a semantic version MAJOR.MINOR.PATCH, optionally with a suffix such as -SNAPSHOT");
    if (compare(project, baseline) < 0) {
      throw new IllegalArgumentException("the project version " + projectVersion + " is older than the baseline's "
          + RELEASED_VERSION + " " + baselineVersion + ": the baseline must be a release this version follows");
    }
    if (breaking.isEmpty()) {
      return Outcome.PASS;
    }
    return project[0] > baseline[0] ? Outcome.REPORT : Outcome.FAIL;
  }

  private static int[] parse(Pattern pattern, String version, String what, String rule) {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException(what + " is missing; it must be " + rule);
    }
    Matcher matcher = pattern.matcher(version.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(what + " '" + version + "' is not " + rule);
    }
    try {
      return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
          Integer.parseInt(matcher.group(3))};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " '" + version + "' has a number too large", e);
    }
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }
}
