package io.github.realtimekit.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The spec is a valid OpenAPI 3.0 document with what the generated code relies on. */
class SpecStructureTest {

  static SwaggerParseResult parse() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIParser().readLocation(SpecFiles.spec().toUri().toString(), null, options);
  }

  @Test
  void isAValidOpenApi303Document() {
    SwaggerParseResult result = parse();

    assertEquals(List.of(), Objects.requireNonNullElse(result.getMessages(), List.of()), "parser messages");
    assertNotNull(result.getOpenAPI());
    assertEquals("3.0.3", result.getOpenAPI().getOpenapi());
  }

  @Test
  void infoNamesThisReleaseItsLicenseAndWhereToAsk() {
    var info = parse().getOpenAPI().getInfo();

    String release = SpecFiles.projectVersion().replaceFirst("-.*$", "");
    assertEquals(release, info.getVersion(), "info.version is the project's version without its suffix");
    assertEquals("Apache-2.0", info.getLicense().getName());
    assertEquals("https://www.apache.org/licenses/LICENSE-2.0.txt", info.getLicense().getUrl());
    assertEquals("https://github.com/realtimekit/realtimekit-recordings-java", info.getContact().getUrl());
  }

  @Test
  void namesEveryOperationByItsOperationId() {
    OpenAPI api = parse().getOpenAPI();

    Map<String, String> operations = new HashMap<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
        operations.put(method + " " + path, op.getOperationId())));

    assertEquals("get_one_recording",
        operations.get("GET /accounts/{account_id}/realtime/kit/{app_id}/recordings/{recording_id}"));
    assertEquals("get_all_recordings", operations.get("GET /accounts/{account_id}/realtime/kit/{app_id}/recordings"));
    operations.forEach((operation, id) -> assertTrue(id != null && !id.isBlank(), operation + " has an operationId"));
    assertEquals(operations.size(), new HashSet<>(operations.values()).size(),
        "no two operations share an operationId: " + operations);
  }

  @Test
  void everyOperationDocumentsItsErrorsAndAnExample() {
    OpenAPI api = parse().getOpenAPI();

    for (var path : api.getPaths().values()) {
      for (Operation op : path.readOperations()) {
        assertTrue(op.getResponses().keySet().containsAll(List.of("4XX", "5XX")), op.getOperationId());
        // Its success: 200, or another 2xx the API answers instead (201 for a webhook added).
        String success = op.getResponses().keySet().stream().filter(code -> code.matches("2\\d\\d")).findFirst()
            .orElseThrow(() -> new AssertionError(op.getOperationId() + " documents no success"));
        var ok = op.getResponses().get(success).getContent().get("application/json");
        assertTrue(ok.getExamples() != null && !ok.getExamples().isEmpty(), op.getOperationId() + " has an example");
      }
    }
  }

  @Test
  @SuppressWarnings("rawtypes")
  void marksTheStorageSecretsSensitive() {
    Map<String, io.swagger.v3.oas.models.media.Schema> storage =
        parse().getOpenAPI().getComponents().getSchemas().get("StorageConfig").getProperties();

    for (String secret : List.of("access_key", "secret", "password", "private_key")) {
      assertEquals(Boolean.TRUE, storage.get(secret).getWriteOnly(), secret + " is writeOnly");
      assertEquals(Boolean.TRUE, storage.get(secret).getExtensions().get("x-sensitive"), secret + " is x-sensitive");
    }
  }
}
