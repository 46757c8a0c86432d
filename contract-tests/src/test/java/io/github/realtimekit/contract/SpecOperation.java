package io.github.realtimekit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.realtimekit.fixtures.SpecExamples;
import io.github.realtimekit.fixtures.SpecOperations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of the spec, as the client's naming contract sees it: its Java name, the path
 * parameters the caller passes and those the client fills, whether it is a list operation, and its
 * documented examples. {@link #all()} reads every operation from {@link SpecExamples#spec()}.
 *
 * @param javaName {@code x-realtimekit-name}, or the operationId in lowerCamelCase
 * @param operationId the spec's operationId
 * @param method the HTTP method, upper case
 * @param pathTemplate the path as the spec writes it, with {@code {name}} placeholders
 * @param pathParams the path parameters, in path order
 * @param hasQuery whether the operation declares query parameters
 * @param paged whether the client gives the operation an auto-pager
 * @param okStatus the documented 2xx status
 * @param okSchema the schema of that response, resolved
 * @param okExamples that response's documented examples, by name
 * @param errorExamples the examples of each documented error response, by status key ({@code 4XX}, {@code 404})
 * @param requestBodyExamples the request body's documented examples, by name; for a body the spec
 *     gives no example of, one built from its schema's required fields ({@code required-fields}); empty
 *     for an operation without a body
 */
record SpecOperation(String javaName, String operationId, String method, String pathTemplate,
    List<PathParam> pathParams, boolean hasQuery, boolean paged, int okStatus, JsonNode okSchema,
    Map<String, JsonNode> okExamples, Map<String, Map<String, JsonNode>> errorExamples,
    Map<String, JsonNode> requestBodyExamples, String reconcileWith) {

  /** Whether a lost answer is reconciled by asking another operation ({@code x-realtimekit-reconcile}). */
  boolean reconciles() {
    return reconcileWith != null;
  }

  /** The body sent when a test does not say: the first documented example, or null without a body. */
  JsonNode requestBodyExample() {
    return requestBodyExamples.isEmpty() ? null : requestBodyExamples.values().iterator().next();
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

  /**
   * A path parameter.
   *
   * @param name its name in the path
   * @param fromClient the client setting that fills it ({@code accountId}, {@code appId}), or null if the
   *     caller passes it
   * @param schema its schema, resolved
   */
  record PathParam(String name, String fromClient, JsonNode schema) {

    /** The value sent: the client's own setting, or a valid sample derived from the schema. */
    String sampleText() {
      if ("accountId".equals(fromClient)) {
        return Fixtures.ACCOUNT;
      }
      if ("appId".equals(fromClient)) {
        return Fixtures.APP;
      }
      if (schema.has("enum")) {
        return schema.get("enum").get(0).asText();
      }
      String type = schema.path("type").asText("string");
      String format = schema.path("format").asText("");
      return switch (type) {
        case "integer", "number" -> "1";
        case "boolean" -> "true";
        default -> "uuid".equals(format) ? Fixtures.RECORDING.toString() : "abc";
      };
    }
  }

  /** Every operation of the spec, in the spec's order. */
  static List<SpecOperation> all() {
    return all(SpecExamples.spec());
  }

  /** Every operation of a spec tree, in its order. */
  static List<SpecOperation> all(JsonNode spec) {
    return SpecOperations.operations(spec).stream().map(op -> read(spec, op)).toList();
  }

  /** "javaName (operationId)", how test names show the operation. */
  String label() {
    return javaName + " (" + operationId + ")";
  }

  /** The path parameters the caller passes, in path order. */
  List<PathParam> argumentParams() {
    return pathParams.stream().filter(p -> p.fromClient() == null).toList();
  }

  /** The path the client sends, with the spec's server base path and every parameter filled. */
  String samplePath() {
    String path = pathTemplate;
    for (PathParam param : pathParams) {
      path = path.replace("{" + param.name() + "}", param.sampleText());
    }
    return Fixtures.BASE_PATH + path;
  }

  /** Whether the 2xx response wraps its value in a {@code data} property, which the client unwraps. */
  boolean hasData() {
    return okSchema.path("properties").has("data");
  }

  /** The schema of one item of a list operation's {@code data}. */
  JsonNode itemSchema(JsonNode spec) {
    return SpecOperations.resolve(spec, okSchema.path("properties").path("data").path("items"));
  }

  /** The operation's Java name with its first letter in upper case, as in {@code NQuery}. */
  String pascalName() {
    return Character.toUpperCase(javaName.charAt(0)) + javaName.substring(1);
  }

  private static SpecOperation read(JsonNode spec, SpecOperations.Operation operation) {
    JsonNode op = operation.node();
    String template = operation.path();
    String operationId = op.path("operationId").asText();
    String javaName = op.has("x-realtimekit-name") ? op.get("x-realtimekit-name").asText()
        : lowerCamel(operationId);
    Map<String, PathParam> byName = new LinkedHashMap<>();
    Set<String> queryNames = new HashSet<>();
    for (JsonNode param : operation.parameters()) {
      String in = param.path("in").asText();
      if ("query".equals(in)) {
        queryNames.add(param.path("name").asText());
      } else if ("path".equals(in)) {
        String fromClient = param.has("x-realtimekit-from-client") ? param.get("x-realtimekit-from-client").asText()
            : null;
        byName.put(param.path("name").asText(), new PathParam(param.path("name").asText(), fromClient,
            SpecOperations.resolve(spec, param.path("schema"))));
      }
    }
    List<PathParam> pathParams = new ArrayList<>();
    Matcher placeholder = PLACEHOLDER.matcher(template);
    while (placeholder.find()) {
      PathParam param = byName.get(placeholder.group(1));
      if (param == null) {
        throw new IllegalStateException(operationId + ": path parameter " + placeholder.group(1) + " is not declared");
      }
      pathParams.add(param);
    }

    int okStatus = 0;
    JsonNode okContent = null;
    Map<String, Map<String, JsonNode>> errors = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
      JsonNode content = SpecOperations.resolve(spec, response.getValue()).path("content").path("application/json");
      if (response.getKey().matches("2\\d\\d") && okContent == null) {
        okStatus = Integer.parseInt(response.getKey());
        okContent = content;
      } else if (!response.getKey().startsWith("2")) {
        errors.put(response.getKey(), examples(spec, content));
      }
    }
    if (okContent == null) {
      throw new IllegalStateException(operationId + " documents no 2xx response with a JSON body");
    }
    JsonNode okSchema = SpecOperations.resolve(spec, okContent.path("schema"));
    JsonNode properties = okSchema.path("properties");
    boolean paged = op.path("x-realtimekit-paged").asBoolean(false)
        || properties.has("paging") && "array".equals(properties.path("data").path("type").asText())
        && queryNames.contains("page_no") && queryNames.contains("per_page");
    JsonNode bodyContent = SpecOperations.resolve(spec, op.path("requestBody")).path("content").path("application/json");
    Map<String, JsonNode> bodyExamples = examples(spec, bodyContent);
    if (bodyExamples.isEmpty() && bodyContent.has("schema")) {
      bodyExamples.put("required-fields", RequiredFields.sample(spec, bodyContent.get("schema")));
    }
    return new SpecOperation(javaName, operationId, operation.method(), template, List.copyOf(pathParams),
        !queryNames.isEmpty(), paged, okStatus, okSchema, examples(spec, okContent), errors, bodyExamples,
        op.has("x-realtimekit-reconcile") ? op.path("x-realtimekit-reconcile").path("operation").asText() : null);
  }

  /** The examples of a media type: its {@code examples} by name, or its single {@code example}. */
  private static Map<String, JsonNode> examples(JsonNode spec, JsonNode mediaType) {
    Map<String, JsonNode> examples = new LinkedHashMap<>();
    mediaType.path("examples").properties().forEach(e -> examples.put(e.getKey(),
        SpecOperations.resolve(spec, e.getValue()).path("value")));
    if (mediaType.has("example")) {
      examples.put("example", mediaType.get("example"));
    }
    return examples;
  }

  /** {@code get_session_transcript} to {@code getSessionTranscript}. */
  static String lowerCamel(String operationId) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char c : operationId.toCharArray()) {
      if (c == '_' || c == '-' || c == ' ') {
        upper = name.length() > 0;
      } else {
        name.append(upper ? Character.toUpperCase(c) : name.length() == 0 ? Character.toLowerCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }
}
