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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The excerpt cut from several sources: a whole schema or an excerpt of it, and a partial document
 * holding the definitions of some operations and schemas, which says what it references and lacks.
 */
class UpstreamSourcesTest {

  /** A partial document: one operation and one of the two schemas it references, saying which it lacks. */
  static final String PARTIAL = String.join("\n",
      "openapi: 3.0.3",
      "info:",
      "  title: partial",
      "  x-source: 'cloudflare/api-schemas openapi.json @ c92b9b0, cut from the definitions of these: add_thing; Body'",
      "  x-not-in-excerpt: ['#/components/schemas/Envelope', '#/components/parameters/account']",
      "paths:",
      "  /accounts/{account_id}/things:",
      "    post:",
      "      operationId: add_thing",
      "      parameters:",
      "        - $ref: '#/components/parameters/account'",
      "      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Body'}}}}",
      "      responses:",
      "        '201': {content: {application/json: {schema: {$ref: '#/components/schemas/Envelope'}}}}",
      "components:",
      "  schemas:",
      "    Body: {type: object, properties: {name: {type: string}}}",
      "");

  private static UpstreamSources.Source full() {
    return UpstreamSources.of(Yaml12.parse(UpstreamExcerptTest.FULL), "openapi.yaml", "abc1234");
  }

  private static UpstreamSources.Source partial(String text) {
    return UpstreamSources.of(Yaml12.parse(text), "partial.json", null);
  }

  @Test
  @SuppressWarnings("unchecked")
  void joinsAWholeSchemaAndAPartialOneSayingWhereEachComesFromAndWhatNoneHolds() {
    List<String> operations = List.of("add_thing", "get_one_recording");
    Map<String, Object> excerpt = Yaml12.parse(UpstreamExcerpt.cut(
        UpstreamSources.join(List.of(full(), partial(PARTIAL))), null, operations));

    assertEquals(operations, UpstreamExcerpt.operationIds(excerpt));
    Map<String, Object> info = (Map<String, Object>) excerpt.get("info");
    assertEquals(List.of("cloudflare/api-schemas openapi.yaml @ abc1234",
        "cloudflare/api-schemas openapi.json @ c92b9b0, cut from the definitions of these: add_thing; Body"),
        info.get("x-source"));
    assertEquals(List.of("#/components/schemas/Envelope"), info.get(UpstreamSources.NOT_IN_EXCERPT),
        "the account parameter is held by the whole schema; the envelope by no source");
    Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) excerpt.get("components");
    assertEquals(List.of("account"), List.copyOf(components.get("parameters").keySet()));
    assertEquals(List.of("Recording", "Meeting", "Status", "Body"), List.copyOf(components.get("schemas").keySet()));
  }

  @Test
  void cuttingTheJoinedExcerptAgainReproducesIt() {
    List<String> operations = List.of("add_thing", "get_one_recording");
    String once = UpstreamExcerpt.cut(UpstreamSources.join(List.of(full(), partial(PARTIAL))), null, operations);

    assertEquals(once, UpstreamExcerpt.cut(Yaml12.parse(once), null, operations));
  }

  @Test
  void aComponentTwoSourcesHoldDifferentlyIsRefused() {
    String other = PARTIAL.replace("    Body: {", "    Meeting: {type: string}\n    Body: {");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UpstreamSources.join(List.of(full(), partial(other))));

    assertEquals("#/components/schemas/Meeting differs between the sources", e.getMessage());
  }

  @Test
  void aReferenceNeitherHeldNorSaidToBeLackingIsStillRefused() {
    String silent = PARTIAL.replace(", '#/components/parameters/account'", "");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UpstreamExcerpt.cut(
        UpstreamSources.join(List.of(partial(silent))), null, List.of("add_thing")));

    assertEquals("the reference #/components/parameters/account points at nothing in the schema", e.getMessage());
  }

  @Test
  void aSourceThatDoesNotSayWhereItComesFromWantsItsCommit() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UpstreamSources.of(Yaml12.parse(UpstreamExcerptTest.FULL), "openapi.yaml", null));

    assertTrue(e.getMessage().startsWith("upstream.commit must be a commit id"), e.getMessage());
    assertEquals(List.of("cloudflare/api-schemas openapi.json @ abc1234"),
        UpstreamSources.of(Yaml12.parse(UpstreamExcerptTest.FULL), "openapi.json", "abc1234").provenance());
  }

  @Test
  void theCutterTakesSeveralSourcesOnItsCommandLine(@TempDir Path dir) throws IOException {
    Path whole = dir.resolve("openapi.yaml");
    Files.writeString(whole, UpstreamExcerptTest.FULL, StandardCharsets.UTF_8);
    Path part = dir.resolve("partial.json");
    Files.writeString(part, PARTIAL, StandardCharsets.UTF_8);
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, String.join("\n",
        "paths:",
        "  /things: {post: {operationId: add_thing}}",
        "  /recordings/{recording_id}: {get: {operationId: get_one_recording}}",
        ""), StandardCharsets.UTF_8);
    Path out = dir.resolve("cut.yaml");

    UpstreamExcerpt.main(new String[] {whole + "," + part, "abc1234", out.toString(), spec.toString()});

    String cut = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(cut.contains("operationId: add_thing") && cut.contains("- cloudflare/api-schemas openapi.yaml @ abc1234")
        && cut.contains("x-not-in-excerpt:"), cut);
  }

  @Test
  void theDriftCheckSaysWhatItCouldNotCompareBehindADefinitionTheExcerptLacks() {
    String spec = String.join("\n",
        "openapi: 3.0.3",
        "info: {title: spec, version: '1'}",
        "paths:",
        "  /accounts/{account_id}/things:",
        "    post:",
        "      operationId: add_thing",
        "      parameters:",
        "        - {name: account_id, in: path, required: true, schema: {type: string}}",
        "      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/NewThing'}}}}",
        "      responses:",
        "        '201': {content: {application/json: {schema: {$ref: '#/components/schemas/ThingResponse'}}}}",
        "components:",
        "  schemas:",
        "    NewThing: {type: object, properties: {name: {type: string}, size: {type: integer}}}",
        "    ThingResponse: {type: object, properties: {data: {type: object}}}",
        "");
    String upstream = PARTIAL.replace("- $ref: '#/components/parameters/account'",
        "- {name: account_id, in: path, required: true, schema: {type: string}}");

    List<String> ids = UpstreamDrift.compare(Yaml12.parse(upstream), Yaml12.parse(spec)).stream()
        .map(UpstreamDrift.Difference::id).collect(Collectors.toList());

    assertEquals(List.of("NewThing.size property: absent => present",
        "ThingResponse schema: not in the excerpt => present"), ids,
        "the body is compared; the answer, whose definition the excerpt lacks, is named rather than passed over");
  }
}
