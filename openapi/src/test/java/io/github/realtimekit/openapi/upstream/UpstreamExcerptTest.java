package io.github.realtimekit.openapi.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cut of Cloudflare's schema: the spec's operations and the closure of their references, nothing else. */
class UpstreamExcerptTest {

  static final String COMMIT = "004e306af7836c7edd2b39d286c8cdd3d0508702";

  /** The commit the webhook operations' definitions come from: they were cut from those definitions alone. */
  static final String PARTIAL_COMMIT = "c92b9b0fde23ae00fece2025662f96dc8e2d6283";

  /** The operations the cut of {@link #FULL} keeps. */
  static final List<String> TWO = List.of("get_all_recordings", "get_one_recording");

  /** A schema in the shape of Cloudflare's: more paths, more methods, more components than the cut keeps. */
  static final String FULL = String.join("\n",
      "openapi: 3.0.3",
      "info:",
      "  title: Cloudflare API",
      "  version: 4.0.0",
      "servers:",
      "  - url: https://api.cloudflare.com/client/v4",
      "security:",
      "  - api_token: []",
      "paths:",
      "  /accounts/{account_id}/zones:",
      "    get:",
      "      operationId: zones_list",
      "      parameters:",
      "        - $ref: '#/components/parameters/unrelated'",
      "      responses: {'200': {description: ok}}",
      "  /accounts/{account_id}/realtime/kit/{app_id}/recordings:",
      "    parameters:",
      "      - $ref: '#/components/parameters/account'",
      "    post:",
      "      operationId: start_recording",
      "      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/StartBody'}}}}",
      "      responses: {'200': {description: ok}}",
      "    get:",
      "      operationId: get_all_recordings",
      "      parameters:",
      "        - $ref: '#/components/parameters/status'",
      "      responses:",
      "        '200':",
      "          $ref: '#/components/responses/List'",
      "  /accounts/{account_id}/realtime/kit/{app_id}/recordings/{recording_id}:",
      "    get:",
      "      operationId: get_one_recording",
      "      security:",
      "        - api_email: []",
      "          api_key: []",
      "      responses:",
      "        '200':",
      "          content: {application/json: {schema: {$ref: '#/components/schemas/Recording'}}}",
      "components:",
      "  parameters:",
      "    account: {name: account_id, in: path, required: true, schema: {type: string}}",
      "    status: {name: status, in: query, schema: {$ref: '#/components/schemas/Status'}}",
      "    unrelated: {name: x, in: query, schema: {type: string}}",
      "  schemas:",
      "    Unused: {type: string}",
      "    Recording:",
      "      type: object",
      "      properties:",
      "        status: {$ref: '#/components/schemas/Status'}",
      "        meeting: {$ref: '#/components/schemas/Meeting'}",
      "    Meeting: {type: object, properties: {mode: {type: string, enum: [on, off, yes, no]}, at: {type: string, example: 2019-12-27T18:11:19.117Z}}}",
      "    StartBody: {type: object}",
      "    Status: {type: string, enum: [INVOKED, ERRORED]}",
      "  responses:",
      "    List:",
      "      description: ok",
      "      content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Recording'}}}}",
      "  securitySchemes:",
      "    api_email: {type: apiKey, in: header, name: X-Auth-Email}",
      "    api_key: {type: apiKey, in: header, name: X-Auth-Key}",
      "    api_token: {type: http, scheme: bearer}",
      "    user_service_key: {type: apiKey, in: header, name: X-Auth-User-Service-Key}",
      "");

  @Test
  void cuttingTheCommittedExcerptReproducesItByteForByte() throws IOException {
    String committed = Files.readString(UpstreamFiles.excerpt(), StandardCharsets.UTF_8);

    List<String> specOperations = UpstreamExcerpt.operationIds(Yaml12.read(UpstreamFiles.spec()));

    assertEquals(committed, UpstreamExcerpt.cut(Yaml12.parse(committed), COMMIT, specOperations),
        "the committed excerpt is what the cut writes, so a refresh shows only Cloudflare's changes");
    assertEquals(specOperations, UpstreamExcerpt.operationIds(Yaml12.parse(committed)),
        "the excerpt holds every operation of the spec, and no other");
    assertTrue(committed.contains("- cloudflare/api-schemas openapi.yaml @ " + COMMIT), "its sources are recorded");
    assertTrue(committed.contains("- 'cloudflare/api-schemas openapi.json @ " + PARTIAL_COMMIT
        + ", cut from the definitions of these operations and schemas in it: "), "and how each was cut");
  }

  @Test
  @SuppressWarnings("unchecked")
  void keepsTheTwoOperationsAndEveryComponentTheyReachInTheSchemasOrder() {
    Map<String, Object> excerpt = Yaml12.parse(UpstreamExcerpt.cut(Yaml12.parse(FULL), "abc1234", TWO));

    Map<String, Object> paths = (Map<String, Object>) excerpt.get("paths");
    assertEquals(List.of("/accounts/{account_id}/realtime/kit/{app_id}/recordings",
        "/accounts/{account_id}/realtime/kit/{app_id}/recordings/{recording_id}"), List.copyOf(paths.keySet()));
    assertEquals(List.of("parameters", "get"), List.copyOf(((Map<String, Object>) paths.get(
        "/accounts/{account_id}/realtime/kit/{app_id}/recordings")).keySet()), "no post; the path's own parameters stay");
    Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) excerpt.get("components");
    assertEquals(List.of("parameters", "schemas", "responses", "securitySchemes"), List.copyOf(components.keySet()));
    assertEquals(List.of("account", "status"), List.copyOf(components.get("parameters").keySet()));
    assertEquals(List.of("Recording", "Meeting", "Status"), List.copyOf(components.get("schemas").keySet()),
        "reached through a parameter, a response and other schemas; Unused and StartBody left out");
    assertEquals(List.of("List"), List.copyOf(components.get("responses").keySet()));
    assertEquals(List.of("api_email", "api_key", "api_token"), List.copyOf(components.get("securitySchemes").keySet()),
        "the schemes the operations name, their own or the schema's default");
    Map<String, Object> info = (Map<String, Object>) excerpt.get("info");
    assertEquals(Map.of("title", "Cloudflare API (excerpt: RealtimeKit, get_all_recordings and get_one_recording)",
        "version", "4.0.0",
        "x-source", "cloudflare/api-schemas openapi.yaml @ abc1234"), info);
  }

  @Test
  @SuppressWarnings("unchecked")
  void keepsYaml12TextThatYaml11WouldTurnIntoBooleansAndDates() {
    String cut = UpstreamExcerpt.cut(Yaml12.parse(FULL), "abc1234", TWO);
    Map<String, Object> meeting = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
        Yaml12.parse(cut).get("components")).get("schemas")).get("Meeting");
    Map<String, Object> properties = (Map<String, Object>) meeting.get("properties");

    assertEquals(List.of("on", "off", "yes", "no"), ((Map<String, Object>) properties.get("mode")).get("enum"));
    assertEquals("2019-12-27T18:11:19.117Z", ((Map<String, Object>) properties.get("at")).get("example"));
    assertTrue(cut.contains("'on'") && cut.contains("'2019-12-27T18:11:19.117Z'"),
        "written quoted, so a YAML 1.1 reader takes them as text too:\n" + cut);
  }

  @Test
  void readsASchemaFarOverSnakeYamlsDefaultSizeLimit(@TempDir Path dir) throws IOException {
    StringBuilder big = new StringBuilder(FULL).append("x-filler:\n");
    String line = "  - " + "x".repeat(200) + "\n";
    while (big.length() < 4 * 1024 * 1024) {
      big.append(line);
    }
    Path file = dir.resolve("openapi.yaml");
    Files.writeString(file, big, StandardCharsets.UTF_8);
    Path out = dir.resolve("cut.yaml");

    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, FULL, StandardCharsets.UTF_8);

    UpstreamExcerpt.main(new String[] {file.toString(), "abc1234", out.toString(), spec.toString()});

    String cut = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(cut.contains("operationId: get_one_recording") && !cut.contains("x-filler"), cut);
  }

  @Test
  void keepsTheOperationsTheSpecHasWhateverTheirNumber() {
    List<String> all = UpstreamExcerpt.operationIds(Yaml12.parse(FULL));

    assertEquals(List.of("get_all_recordings", "get_one_recording", "start_recording", "zones_list"), all,
        "every operationId of every path and method, sorted");
    String cut = UpstreamExcerpt.cut(Yaml12.parse(FULL), "abc1234", List.of("get_one_recording", "start_recording"));
    assertEquals(List.of("get_one_recording", "start_recording"), UpstreamExcerpt.operationIds(Yaml12.parse(cut)));
    assertTrue(cut.contains("StartBody:") && !cut.contains("Unused:"), cut);
    assertEquals("Cloudflare API (excerpt: RealtimeKit, a, b and c)",
        UpstreamExcerpt.title(List.of("a", "b", "c")));
    assertEquals("Cloudflare API (excerpt: RealtimeKit, a)", UpstreamExcerpt.title(List.of("a")));
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> UpstreamExcerpt.operationIds(Yaml12.parse(FULL.replace("zones_list", "get_one_recording"))));
    assertTrue(twice.getMessage().contains("used twice"), twice.getMessage());
  }

  @Test
  void namesAnOperationTheSchemaLacks() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UpstreamExcerpt.cut(Yaml12.parse(FULL.replace("get_one_recording", "fetch_recording")), "abc1234", TWO));

    assertEquals("the schema has no operation get_one_recording", e.getMessage());
  }

  @Test
  void refusesReferencesItCannotFollow() {
    IllegalArgumentException remote = assertThrows(IllegalArgumentException.class, () -> UpstreamExcerpt.cut(
        Yaml12.parse(FULL.replace("'#/components/schemas/Meeting'", "'common.yaml#/Meeting'")), "abc1234", TWO));
    assertTrue(remote.getMessage().startsWith("cannot follow the reference common.yaml#/Meeting"), remote.getMessage());

    IllegalArgumentException dangling = assertThrows(IllegalArgumentException.class, () -> UpstreamExcerpt.cut(
        Yaml12.parse(FULL.replace("    Meeting: {", "    Gone: {")), "abc1234", TWO));
    assertEquals("the reference #/components/schemas/Meeting points at nothing in the schema", dangling.getMessage());
  }

  @Test
  void wantsTheSourceCommit() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UpstreamExcerpt.cut(Yaml12.parse(FULL), "main", TWO));
    assertTrue(e.getMessage().startsWith("upstream.commit must be a commit id"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> UpstreamExcerpt.main(new String[] {"${upstream.schema}", "${upstream.commit}", "out.yaml", "spec.yaml"}));
  }
}
