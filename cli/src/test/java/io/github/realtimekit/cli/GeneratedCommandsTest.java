package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.realtimekit.fixtures.SpecExamples;
import java.util.ArrayList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every operation of the spec is a command of the tool, found from the spec rather than named here:
 * its help lists the path parameters the caller passes as arguments and the query parameters as
 * options, and it runs against the built-in mock, readable and as JSON.
 */
class GeneratedCommandsTest {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  /** An operation of the spec, as the tool should present it. */
  record Operation(String operationId, String command, boolean paged, List<String> arguments, List<String> argumentSchemas,
      List<String> argumentOptions, List<String> options, String summary, JsonNode requestExample, String mockEffect) {
    @Override
    public String toString() {
      return command + " (" + operationId + ")";
    }
  }

  static List<Operation> operations() {
    JsonNode spec = SpecExamples.spec();
    List<Operation> operations = new ArrayList<>();
    spec.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
      if (!METHODS.contains(entry.getKey())) {
        return;
      }
      JsonNode operation = entry.getValue();
      String operationId = operation.get("operationId").asText();
      List<String> arguments = new ArrayList<>();
      List<String> schemas = new ArrayList<>();
      List<String> options = new ArrayList<>();
      List<String> argumentOptions = new ArrayList<>();
      for (JsonNode parameter : operation.path("parameters")) {
        JsonNode p = resolve(spec, parameter);
        String name = p.get("name").asText();
        if (p.get("in").asText().equals("path") && !p.has("x-realtimekit-from-client")
            && !Set.of("account_id", "app_id").contains(name)) {
          arguments.add(name.toUpperCase(Locale.ROOT));
          schemas.add(p.path("schema").path("format").asText(p.path("schema").path("type").asText()));
          // A path parameter the spec names an option for is that option, required.
          argumentOptions.add(p.path("x-realtimekit-cli-option").asText(""));
        } else if (p.get("in").asText().equals("query")) {
          options.add("--" + name.replace('_', '-'));
        }
      }
      JsonNode ok = resolve(spec, operation.at("/responses/200/content/application~1json/schema"));
      boolean paged = operation.path("x-realtimekit-paged").asBoolean(false)
          || (ok.at("/properties/paging").isObject() && options.contains("--page-no"));
      String command = operation.path("x-realtimekit-cli-name").asText(operationId.replace('_', '-'));
      operations.add(new Operation(operationId, command, paged, arguments, schemas, argumentOptions, options,
          operation.path("summary").asText(), requestExample(spec, operation),
          operation.path("x-realtimekit-mock").path("effect").asText("")));
    }));
    return operations;
  }

  /** The first documented example of the operation's JSON request body, or null when it takes none. */
  static JsonNode requestExample(JsonNode spec, JsonNode operation) {
    JsonNode media = resolve(spec, operation.path("requestBody")).at("/content/application~1json");
    if (media.has("example")) {
      return media.get("example");
    }
    for (JsonNode example : media.path("examples")) {
      return resolve(spec, example).get("value");
    }
    return null;
  }

  private static JsonNode resolve(JsonNode spec, JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref == null ? node : spec.at(ref.asText().substring(1));
  }

  /** A value the mock's examples know for a path parameter. */
  private static String value(String schema) {
    return schema.equals("uuid") ? Examples.RECORDING.toString() : "example";
  }

  private static Cli.Result run(Commands commands, Operation operation, String... more) {
    List<String> args = new ArrayList<>(List.of("--mock", operation.command()));
    for (int i = 0; i < operation.arguments().size(); i++) {
      if (!operation.argumentOptions().get(i).isEmpty()) {
        args.add(operation.argumentOptions().get(i));
      }
      args.add(value(operation.argumentSchemas().get(i)));
    }
    if (operation.requestExample() != null) {
      try {
        Path body = Files.createTempFile("request-body", ".json");
        body.toFile().deleteOnExit();
        Files.writeString(body, operation.requestExample().toString());
        args.addAll(List.of("--body", body.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    args.addAll(List.of(more));
    return Cli.runWith(commands, "", Terminal.NONE, Map.of(), args.toArray(String[]::new));
  }

  @TestFactory
  Stream<DynamicTest> theSpecHasOperations() {
    return Stream.of(DynamicTest.dynamicTest("operations found", () -> assertFalse(operations().isEmpty())));
  }

  /** Each generated command, also those a hand-written command of the same name hides in the tool. */
  @TestFactory
  Stream<DynamicTest> eachOperationRunsAgainstTheMockReadableAndAsJson() {
    // An operation that finds or changes one of the mock's recordings needs one first: MockLifecycleTest.
    return operations().stream().filter(operation -> !Set.of("find", "transition").contains(operation.mockEffect()))
        .map(operation -> DynamicTest.dynamicTest(operation.toString(), () -> {
      Cli.Result readable = run(Commands.generated(), operation);
      assertEquals(0, readable.exitCode(), readable.toString());
      assertFalse(readable.out().isBlank(), readable.toString());

      Cli.Result json = run(Commands.generated(), operation, "--json");
      assertEquals(0, json.exitCode(), json.toString());
      List<JsonNode> lines = json.jsonLines();
      assertFalse(lines.isEmpty(), json.toString());
      lines.forEach(line -> assertTrue(line.isObject(), json.toString()));

      if (operation.paged()) {
        Cli.Result all = run(Commands.generated(), operation, "--all", "--json");
        assertEquals(0, all.exitCode(), all.toString());
        assertFalse(all.jsonLines().isEmpty(), all.toString());
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> eachCommandOfTheToolListsItsArgumentsAndOptionsFromTheSpec() {
    return operations().stream().map(operation -> DynamicTest.dynamicTest(operation.toString(), () -> {
      for (Commands commands : List.of(Commands.standard(), Commands.generated())) {
        Cli.Result help = Cli.runWith(commands, "", Terminal.NONE, Map.of(), operation.command(), "--help");
        assertEquals(0, help.exitCode(), help.toString());
        for (String argument : operation.arguments()) {
          assertTrue(help.out().contains(argument), argument + " in\n" + help.out());
        }
        for (String option : operation.options()) {
          assertTrue(help.out().contains(option), option + " in\n" + help.out());
        }
        assertEquals("", help.err());
      }
      Cli.Result generated = Cli.runWith(Commands.generated(), "", Terminal.NONE, Map.of(), operation.command(), "--help");
      assertTrue(generated.out().contains(operation.summary()), generated.out());
      assertTrue(generated.out().contains("--json"), generated.out());
      assertEquals(operation.paged(), Pattern.compile("--all(?![-\\w])").matcher(generated.out()).find(),
          generated.out());
    }));
  }

  @TestFactory
  Stream<DynamicTest> theToolListsEveryOperationOnce() {
    Cli.Result help = Cli.run(Map.of(), "--help");
    return operations().stream().map(operation -> DynamicTest.dynamicTest(operation.toString(), () -> {
      assertEquals(0, help.exitCode(), help.toString());
      long listed = help.outLines().stream().filter(line -> line.trim().startsWith(operation.command() + " ")).count();
      assertEquals(1, listed, help.out());
    }));
  }
}
