package io.github.realtimekit.openapi.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the drift check finds, on the committed excerpt changed in one place and on small documents. */
class UpstreamDriftComparisonTest {

  private static Map<String, Object> excerpt() throws IOException {
    return Yaml12.read(UpstreamFiles.excerpt());
  }

  private static Map<String, Object> spec() throws IOException {
    return Yaml12.read(UpstreamFiles.spec());
  }

  private static DriftReport check(Map<String, Object> upstream, Map<String, Object> spec) throws IOException {
    return new DriftReport("test", UpstreamDrift.compare(upstream, spec), AllowedDrift.read(UpstreamFiles.allowList()));
  }

  private static Set<String> driftIds(DriftReport report) {
    return report.drift().stream().map(UpstreamDrift.Difference::id).collect(Collectors.toSet());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> at(Map<String, Object> root, String... keys) {
    Object node = root;
    for (String key : keys) {
      node = ((Map<String, Object>) node).get(key);
    }
    return (Map<String, Object>) node;
  }

  @Test
  void theReleasedSpecWouldHaveBeenToldWhatItLacked() throws IOException {
    Map<String, Object> baseline = Yaml12.read(UpstreamFiles.module().resolve("baseline/realtimekit-recordings.yaml"));
    // Compared on the operations the released spec had: those added since are not what it lacked.
    Map<String, Object> upstream = Yaml12.parse(
        UpstreamExcerpt.cut(excerpt(), UpstreamExcerptTest.COMMIT, UpstreamExcerpt.operationIds(baseline)));

    DriftReport report = check(upstream, baseline);

    assertEquals(Set.of(
        "get_all_recordings?search parameter: present => absent",
        "RecordingStatusFilter enum ERRORED: present => absent",
        "RecordingStatusFilter enum PAUSED: present => absent",
        "Meeting.recording_config property: present => absent",
        "Meeting.transcribe_on_end property: present => absent"),
        driftIds(report));
    assertTrue(report.failureMessage().contains("drift: get_all_recordings?search parameter: present => absent"),
        report.failureMessage());
  }

  @Test
  void aPropertyAddedToCloudflaresRecordingIsDriftNamedInEveryOperationReturningIt() throws IOException {
    Map<String, Object> upstream = excerpt();
    at(upstream, "components", "schemas", "realtimekit_Recording", "properties")
        .put("transcript_url", Map.of("type", "string", "format", "uri"));

    DriftReport report = check(upstream, spec());

    assertFalse(report.passes());
    assertEquals(List.of("Recording.transcript_url property: present => absent"),
        report.drift().stream().map(UpstreamDrift.Difference::id).collect(Collectors.toList()));
    assertEquals(Set.of("get_all_recordings", "get_one_recording", "start_recording", "pause_resume_stop_recording",
        "get_active_recording", "startTrackRecordingForAMeeting"), report.drift().get(0).operations());
    assertTrue(report.failureMessage().startsWith("Upstream drift:"), report.failureMessage());
    assertTrue(report.failureMessage().contains("drift: Recording.transcript_url property"), report.failureMessage());
    assertTrue(report.markdown().contains("## Drift: not in the allow-list"), report.markdown());
  }

  @Test
  void requestBodiesAreComparedLikeResponses() throws IOException {
    Map<String, Object> upstream = excerpt();
    at(upstream, "components", "requestBodies", "realtimekit_StartRecording", "content", "application/json", "schema",
        "properties").put("transcribe", Map.of("type", "boolean"));
    at(upstream, "paths", "/accounts/{account_id}/realtime/kit/{app_id}/recordings/{recording_id}", "put",
        "requestBody").put("required", false);

    DriftReport report = check(upstream, spec());

    assertEquals(Set.of("StartRecordingRequest.transcribe property: present => absent",
        "pause_resume_stop_recording request body required: false => true"), driftIds(report));
    assertEquals(Set.of("start_recording"), report.drift().stream()
        .filter(d -> d.location().startsWith("StartRecordingRequest")).findFirst().orElseThrow().operations());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aNewStatusIsDriftInTheResponseAndTheFilter() throws IOException {
    Map<String, Object> upstream = excerpt();
    ((List<Object>) at(upstream, "components", "schemas", "realtimekit_Recording", "properties", "status").get("enum"))
        .add("TRANSCODING");
    ((List<Object>) at(upstream, "components", "parameters", "realtimekit_recordingStatus", "schema", "items")
        .get("enum")).add("TRANSCODING");

    assertEquals(Set.of("RecordingStatus enum TRANSCODING: present => absent",
        "RecordingStatusFilter enum TRANSCODING: present => absent"), driftIds(check(upstream, spec())));
  }

  @Test
  @SuppressWarnings("unchecked")
  void requiredAndNullableFlagsAreCompared() throws IOException {
    Map<String, Object> upstream = excerpt();
    Map<String, Object> recording = at(upstream, "components", "schemas", "realtimekit_Recording");
    ((List<Object>) recording.get("required")).remove("file_size");
    at(recording, "properties", "session_id").remove("nullable");

    assertEquals(Set.of("Recording.file_size required: optional => required",
        "Recording.session_id nullable: false => true"), driftIds(check(upstream, spec())));
  }

  @Test
  void aBoundBehindAnAllowedTypeDifferenceIsStillCompared() throws IOException {
    Map<String, Object> upstream = excerpt();
    at(upstream, "components", "schemas", "realtimekit_Recording", "properties", "file_size").put("maximum", 1e12);

    assertEquals(Set.of("Recording.file_size maximum: 1000000000000 => none"), driftIds(check(upstream, spec())));
  }

  @Test
  void aWiderAppIdUpstreamIsDriftAgainstTheSpecsLimit() throws IOException {
    Map<String, Object> upstream = excerpt();
    at(upstream, "components", "schemas", "realtimekit_app_id").put("maxLength", 36);

    assertEquals(Set.of("{app_id} maxLength: 36 => 32"), driftIds(check(upstream, spec())));
  }

  @Test
  void aDifferenceThatGoesAwayMakesItsAllowListEntryStale() throws IOException {
    Map<String, Object> upstream = excerpt();
    at(upstream, "components", "schemas", "realtimekit_StorageConfig", "properties", "port").put("type", "integer");
    at(upstream, "components", "schemas", "realtimekit_StorageConfig", "properties", "port").put("format", "int32");

    DriftReport report = check(upstream, spec());

    assertEquals(Set.of(), driftIds(report));
    assertEquals(List.of("StorageConfig.port type: number => integer (int32)"), report.stale());
    assertFalse(report.passes());
    assertTrue(report.failureMessage().contains("Stale drift allow-list entries"), report.failureMessage());
  }

  @Test
  @SuppressWarnings("unchecked")
  void anOperationAddedToBothFollowsTheAllowListsConventionsAndIsComparedInFull() throws IOException {
    String path = "/accounts/{account_id}/realtime/kit/{app_id}/recordings";
    String copy = "/accounts/{account_id}/realtime/kit/{app_id}/recording-copies";
    Map<String, Object> upstream = excerpt();
    Map<String, Object> spec = spec();
    for (Map<String, Object> document : List.of(upstream, spec)) {
      Map<String, Object> get = new LinkedHashMap<>(at(document, "paths", path, "get"));
      get.put("operationId", "list_recording_copies");
      at(document, "paths").put(copy, Map.of("get", get));
    }

    DriftReport report = check(upstream, spec);
    assertEquals(Set.of(), driftIds(report), "its page_no, per_page and error responses are the spec's conventions");
    assertEquals(List.of(), report.stale());
    assertTrue(report.differences().stream().anyMatch(d -> d.id().equals(
        "list_recording_copies response 4XX: absent => present")));

    Map<String, Object> specCopy = new LinkedHashMap<>(at(spec, "paths", copy, "get"));
    specCopy.put("parameters", ((List<Object>) specCopy.get("parameters")).stream()
        .filter(p -> !(p instanceof Map) || !"search".equals(((Map<String, Object>) p).get("name")))
        .collect(Collectors.toList()));
    at(spec, "paths").put(copy, Map.of("get", specCopy));
    assertEquals(Set.of("list_recording_copies?search parameter: present => absent"), driftIds(check(upstream, spec)));
  }

  // --- Small documents -----------------------------------------------------------------------------

  private static final String HEAD = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";

  private static List<String> ids(String upstream, String spec) {
    return UpstreamDrift.compare(Yaml12.parse(HEAD + upstream), Yaml12.parse(HEAD + spec)).stream()
        .map(UpstreamDrift.Difference::id).collect(Collectors.toList());
  }

  @Test
  void anAllOfMeetsTheSameFieldsWrittenFlat() {
    String upstream = String.join("\n",
        "paths:",
        "  /things:",
        "    get:",
        "      operationId: list_things",
        "      responses:",
        "        '200':",
        "          content:",
        "            application/json:",
        "              schema:",
        "                allOf:",
        "                  - $ref: '#/components/schemas/Base'",
        "                  - type: object",
        "                    required: [name]",
        "                    properties:",
        "                      name: {type: string, maxLength: 10}",
        "components:",
        "  schemas:",
        "    Base:",
        "      type: object",
        "      required: [id]",
        "      properties:",
        "        id: {type: string, format: uuid}",
        "");
    String spec = String.join("\n",
        "paths:",
        "  /things:",
        "    get:",
        "      operationId: list_things",
        "      responses:",
        "        '200':",
        "          content:",
        "            application/json:",
        "              schema:",
        "                $ref: '#/components/schemas/Thing'",
        "components:",
        "  schemas:",
        "    Thing:",
        "      type: object",
        "      required: [id, name]",
        "      properties:",
        "        id: {type: string, format: uuid}",
        "        name: {type: string, maxLength: 10}",
        "");

    assertEquals(List.of(), ids(upstream, spec));
    assertEquals(List.of("Thing.name maxLength: 10 => 12", "Thing.name required: required => optional"),
        ids(upstream, spec.replace("maxLength: 10", "maxLength: 12").replace("[id, name]", "[id]")).stream()
            .sorted().collect(Collectors.toList()));
  }

  private static String listWith(String parameters) {
    return String.join("\n",
        "paths:",
        "  /things/{id}:",
        "    get:",
        "      operationId: list_things",
        "      parameters:",
        parameters,
        "      responses:",
        "        '200': {description: ok}",
        "");
  }

  @Test
  void parametersCompareWithOpenApisDefaultsFilledIn() {
    String upstream = listWith(String.join("\n",
        "        - {name: id, in: path, required: true, schema: {type: string}}",
        "        - {name: status, in: query, explode: false, schema: {type: array, items: {type: string}}}",
        "        - {name: q, in: query, schema: {type: string}}"));
    String spec = listWith(String.join("\n",
        "        - {name: id, in: path, schema: {type: string}}",
        "        - {name: status, in: query, style: form, explode: false, schema: {type: array, items: {type: string}}}",
        "        - {name: page, in: query, schema: {type: integer}}"));

    assertEquals(List.of(
        "list_things?q parameter: present => absent",
        "list_things?page parameter: absent => present"), ids(upstream, spec));
    assertEquals(List.of("list_things?status explode: false => true"),
        ids(upstream, upstream.replace("explode: false, ", "")));
  }

  @Test
  void anEnumOnOneSideOnlyIsADifferenceToo() {
    String upstream = listWith("        - {name: sort, in: query, schema: {type: string}}");
    String spec = listWith("        - {name: sort, in: query, schema: {type: string, enum: [asc, desc]}}");

    assertEquals(List.of("list_things?sort enum: none => asc, desc"), ids(upstream, spec));
  }

  @Test
  void anOperationOrResponseOnOneSideOnlyIsNamed() {
    String upstream = listWith("        - {name: id, in: path, schema: {type: string}}");
    String spec = upstream.replace("'200': {description: ok}", "'200': {description: ok}\n        4XX: {description: error}")
        + "  /other:\n    get:\n      operationId: other\n      responses: {'200': {description: ok}}\n";

    assertEquals(List.of("list_things response 4XX: absent => present", "GET /other operation: absent => present"),
        ids(upstream, spec));
  }
}
