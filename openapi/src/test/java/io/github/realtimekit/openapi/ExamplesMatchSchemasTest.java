package io.github.realtimekit.openapi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example in the spec is valid against the schema of the response or request body it
 * documents: an example that breaks its schema (an unknown enum value, a missing required field)
 * fails the build.
 */
class ExamplesMatchSchemasTest {

  static final OpenAPI API = SpecStructureTest.parse().getOpenAPI();
  static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
      .createForSpecificationUrl(SpecFiles.spec().toUri().toString())
      .withBasePathOverride("/")
      .build();
  static final ObjectMapper JSON = new ObjectMapper();

  /** One documented example, where it is used. */
  record Use(String path, PathItem.HttpMethod method, String status, String mediaType, String name, Example example) {
  }

  static List<Use> uses() {
    List<Use> uses = new ArrayList<>();
    API.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
        op.getResponses().forEach((status, declared) -> {
          ApiResponse response = resolve(declared);
          if (response.getContent() == null) {
            return;
          }
          for (Map.Entry<String, MediaType> media : response.getContent().entrySet()) {
            if (media.getValue().getExamples() != null) {
              media.getValue().getExamples().forEach((name, example) ->
                  uses.add(new Use(path, method, status, media.getKey(), name, resolve(example))));
            }
          }
        })));
    return uses;
  }

  /** The documented examples of the request bodies, where they are used. */
  static List<Use> requestUses() {
    List<Use> uses = new ArrayList<>();
    API.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
      if (op.getRequestBody() == null) {
        return;
      }
      var body = op.getRequestBody().get$ref() == null ? op.getRequestBody()
          : resolve(op.getRequestBody().get$ref(), null, API.getComponents().getRequestBodies() == null
              ? Map.of() : API.getComponents().getRequestBodies());
      if (body.getContent() == null) {
        return;
      }
      for (Map.Entry<String, MediaType> media : body.getContent().entrySet()) {
        if (media.getValue().getExamples() != null) {
          media.getValue().getExamples().forEach((name, example) ->
              uses.add(new Use(path, method, "request", media.getKey(), name, resolve(example))));
        }
      }
    }));
    return uses;
  }

  @TestFactory
  Stream<DynamicTest> everyRequestExampleMatchesItsSchema() {
    List<Use> uses = requestUses();
    return uses.stream().map(use -> DynamicTest.dynamicTest(
        use.method() + " " + use.path() + " request example " + use.name(), () -> {
          String body = JSON.writeValueAsString(use.example().getValue());
          Request request = new SimpleRequest.Builder(use.method().name(), concretePath(use.path()))
              .withAuthorization("Bearer example-token")
              .withContentType(use.mediaType())
              .withBody(body)
              .build();
          ValidationReport report = VALIDATOR.validateRequest(request);
          assertFalse(report.hasErrors(), () -> "request example " + use.name() + " breaks its schema:\n"
              + report.getMessages().stream().map(Object::toString).reduce("", (a, b) -> a + "  " + b + "\n"));
        }));
  }

  @Test
  void aRequestExampleThatBreaksItsSchemaIsCaught() {
    Use use = requestUses().stream().findFirst().orElseThrow();
    Request request = new SimpleRequest.Builder(use.method().name(), concretePath(use.path()))
        .withAuthorization("Bearer example-token")
        .withContentType(use.mediaType())
        .withBody("{\"unexpected\": [1, 2, 3], \"meeting_id\": 42, \"action\": \"explode\"}")
        .build();
    assertTrue(VALIDATOR.validateRequest(request).hasErrors(), "the check can fail");
  }

  @TestFactory
  Stream<DynamicTest> everyExampleMatchesItsSchema() {
    List<Use> uses = uses();
    assertFalse(uses.isEmpty());
    return uses.stream().map(use -> DynamicTest.dynamicTest(
        use.method() + " " + use.path() + " " + use.status() + " example " + use.name(), () -> {
          String body = JSON.writeValueAsString(use.example().getValue());
          SimpleResponse response = SimpleResponse.Builder.status(concreteStatus(use.status()))
              .withContentType(use.mediaType()).withBody(body).build();
          ValidationReport report = VALIDATOR.validateResponse(
              concretePath(use.path()), Request.Method.valueOf(use.method().name()), response);
          assertFalse(report.hasErrors(), () -> "example " + use.name() + " breaks its schema:\n"
              + report.getMessages().stream().map(Object::toString).reduce("", (a, b) -> a + "  " + b + "\n"));
        }));
  }

  @Test
  void everyNamedExampleIsUsedByAResponseOrARequest() {
    Set<Example> used = new HashSet<>();
    uses().forEach(use -> used.add(use.example()));
    requestUses().forEach(use -> used.add(use.example()));
    API.getComponents().getExamples().forEach((name, example) ->
        assertTrue(used.contains(example), "example " + name + " is checked against a schema"));
  }

  /** A response, or the one under components/responses that it references. */
  static ApiResponse resolve(ApiResponse response) {
    return resolve(response.get$ref(), response, API.getComponents().getResponses());
  }

  /** An example, or the one under components/examples that it references. */
  static Example resolve(Example example) {
    return resolve(example.get$ref(), example, API.getComponents().getExamples());
  }

  private static <T> T resolve(String ref, T object, Map<String, T> components) {
    if (ref == null) {
      return object;
    }
    T target = components.get(ref.substring(ref.lastIndexOf('/') + 1));
    if (target == null) {
      throw new IllegalStateException("unresolved reference " + ref);
    }
    return target;
  }

  /** A path the validator can match: each parameter replaced by a value its schema accepts. */
  static String concretePath(String template) {
    String path = template;
    for (var item : API.getPaths().get(template).readOperations()) {
      for (Parameter p : item.getParameters()) {
        if ("path".equals(p.getIn())) {
          String value = "uuid".equals(p.getSchema().getFormat()) ? UUID.randomUUID().toString() : "0123456789abcdef";
          path = path.replace("{" + p.getName() + "}", value);
        }
      }
    }
    return path;
  }

  static int concreteStatus(String status) {
    return status.endsWith("XX") ? Integer.parseInt(status.substring(0, 1)) * 100 : Integer.parseInt(status);
  }
}
