package io.github.realtimekit.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.openapi.VersionGate.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule that lets a breaking change through only with a major version above the baseline's. */
class VersionGateTest {

  static final List<String> BREAKING = List.of("response field 'status' removed");

  @ParameterizedTest
  @CsvSource({
      "1.0.0, 1.0.0-SNAPSHOT",
      "1.0.0, 1.0.0",
      "1.0.0, 1.0.1-SNAPSHOT",
      "1.0.0, 1.7.3",
      "2.3.1, 2.4.0-SNAPSHOT"})
  void aBreakingChangeWithinTheBaselinesMajorFails(String baseline, String project) {
    assertEquals(Outcome.FAIL, VersionGate.decide(baseline, project, BREAKING));
  }

  @ParameterizedTest
  @CsvSource({
      "1.0.0, 2.0.0-SNAPSHOT",
      "1.0.0, 2.0.0",
      "1.4.2, 3.0.0-rc.1",
      "0.9.0, 1.0.0-SNAPSHOT"})
  void aBreakingChangeWithAHigherMajorIsReportedNotFailed(String baseline, String project) {
    assertEquals(Outcome.REPORT, VersionGate.decide(baseline, project, BREAKING));
  }

  @Test
  void noBreakingChangePassesWhateverTheVersions() {
    assertEquals(Outcome.PASS, VersionGate.decide("1.0.0", "1.0.0-SNAPSHOT", List.of()));
    assertEquals(Outcome.PASS, VersionGate.decide("1.0.0", "2.0.0-SNAPSHOT", List.of()));
  }

  @ParameterizedTest
  @CsvSource({
      "1.0.0, 0.9.9",
      "1.0.0, 0.1.0-SNAPSHOT",
      "2.1.0, 2.0.9-SNAPSHOT",
      "1.0.5, 1.0.4"})
  void aProjectOlderThanTheBaselineIsAClearError(String baseline, String project) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VersionGate.decide(baseline, project, List.of()));
    assertEquals("the project version " + project + " is older than the baseline's x-released-version " + baseline
        + ": the baseline must be a release this version follows", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "v1.0.0", "1.0.0-SNAPSHOT", "1.0.0.0", "01.0.0", "one", " "})
  void aBaselineVersionThatIsNotARelease(String baseline) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VersionGate.decide(baseline, "1.0.0-SNAPSHOT", BREAKING));
    assertTrue(e.getMessage().startsWith("the baseline's x-released-version "), e.getMessage());
    assertTrue(e.getMessage().endsWith("a released version MAJOR.MINOR.PATCH such as 1.0.0"), e.getMessage());
  }

  @Test
  void aBaselineWithoutItsVersion() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VersionGate.decide(null, "1.0.0-SNAPSHOT", BREAKING));
    assertEquals("the baseline's x-released-version is missing; it must be a released version MAJOR.MINOR.PATCH"
        + " such as 1.0.0", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "latest", "1.0.0_SNAPSHOT", "1.0.0-", "99999999999.0.0"})
  void aProjectVersionThatIsNotSemantic(String project) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VersionGate.decide("1.0.0", project, BREAKING));
    assertTrue(e.getMessage().startsWith("the project version '" + project + "'"), e.getMessage());
  }
}
