package io.github.realtimekit.codegen;

import static org.openapitools.codegen.utils.StringUtils.underscore;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;

/**
 * The facts of the spec's extensions for operations that change state, as vendor extensions the
 * templates read:
 *
 * <ul>
 *   <li>{@code x-realtimekit-shortcuts}: a method and a command per entry, taking the path parameters
 *       only and sending a fixed body; {@code x-shortcuts}, each with {@code name}, {@code javaClass},
 *       {@code cliName}, {@code summary}, {@code bodyJson} and {@code bodyExpr} (the Java expression
 *       that builds the body).
 *   <li>{@code x-realtimekit-absent}: a status that means "none" ({@code x-absent-status},
 *       {@code x-absent-message}); the plain method returns an {@code Optional}.
 *   <li>{@code x-realtimekit-reconcile}: after an answer lost on the way, the operation that tells
 *       whether the call took effect ({@code x-reconcile} and the {@code x-reconcile-*} facts).
 * </ul>
 *
 * <p>A mistake in an extension fails the build, naming the operation and the extension.
 */
final class ControlFacts {

  private ControlFacts() {
  }

  static void describe(CodegenOperation op, Map<String, CodegenModel> models, OpenAPI openAPI) {
    Map<String, Object> ext = op.vendorExtensions;
    List<String> pathDecl = new ArrayList<>();
    List<String> pathArgs = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<CodegenParameter> callerPath = (List<CodegenParameter>) ext.get("x-client-path-params");
    for (CodegenParameter p : callerPath) {
      pathDecl.add(p.dataType + " " + p.paramName);
      pathArgs.add(p.paramName);
    }
    ext.put("x-path-params-decl", String.join(", ", pathDecl));
    ext.put("x-path-params-decl-comma", pathDecl.isEmpty() ? "" : String.join(", ", pathDecl) + ", ");
    ext.put("x-path-args", String.join(", ", pathArgs));
    ext.put("x-path-args-comma", pathArgs.isEmpty() ? "" : String.join(", ", pathArgs) + ", ");
    String resultType = String.valueOf(ext.get("x-result-type"));
    absent(op, ext, resultType);
    shortcuts(op, ext, models);
    reconcile(op, ext, models, openAPI);
  }

  private static void absent(CodegenOperation op, Map<String, Object> ext, String resultType) {
    Map<?, ?> absent = map(op, ext.get("x-realtimekit-absent"), "x-realtimekit-absent");
    ext.put("x-method-type", absent == null ? resultType : "Optional<" + resultType + ">");
    if (absent == null) {
      return;
    }
    Object status = absent.get("status");
    if (!(status instanceof Number)) {
      throw fail(op, "x-realtimekit-absent", "needs a numeric status");
    }
    ext.put("x-absent-status", ((Number) status).intValue());
    String message = absent.get("message") == null ? "None found" : String.valueOf(absent.get("message"));
    ext.put("x-absent-message", message);
    // The same inside a Java string literal, as the tool prints it.
    ext.put("x-absent-message-java", javaString(message));
  }

  private static void shortcuts(CodegenOperation op, Map<String, Object> ext, Map<String, CodegenModel> models) {
    Object value = ext.get("x-realtimekit-shortcuts");
    if (value == null) {
      return;
    }
    if (!(value instanceof List<?> entries) || op.bodyParam == null) {
      throw fail(op, "x-realtimekit-shortcuts", "is a list of {name, cli-name, summary, body} on an operation with a body");
    }
    CodegenModel body = models.get(op.bodyParam.baseType);
    List<Map<String, Object>> shortcuts = new ArrayList<>();
    for (Object entry : entries) {
      Map<?, ?> s = map(op, entry, "x-realtimekit-shortcuts");
      Object name = s.get("name");
      Map<?, ?> fields = map(op, s.get("body"), "x-realtimekit-shortcuts body");
      if (name == null || fields == null) {
        throw fail(op, "x-realtimekit-shortcuts", "entries need a name and a body");
      }
      StringBuilder expr = new StringBuilder(op.bodyParam.dataType).append(".builder()");
      List<String> json = new ArrayList<>();
      for (Map.Entry<?, ?> field : fields.entrySet()) {
        CodegenProperty p = OperationFacts.property(body, String.valueOf(field.getKey()));
        if (p == null) {
          throw fail(op, "x-realtimekit-shortcuts", "sets " + field.getKey() + ", which " + op.bodyParam.dataType + " lacks");
        }
        expr.append('.').append(p.name).append('(').append(literal(p, field.getValue())).append(')');
        json.add("\"" + field.getKey() + "\": " + (field.getValue() instanceof String ? "\"" + field.getValue() + "\"" : field.getValue()));
      }
      Map<String, Object> shortcut = new LinkedHashMap<>();
      String javaName = String.valueOf(name);
      shortcut.put("name", javaName);
      shortcut.put("javaClass", RealtimeKitCodegen.javaClass(javaName));
      shortcut.put("cliName", s.get("cli-name") != null ? String.valueOf(s.get("cli-name")) : RealtimeKitCodegen.cliName(javaName));
      shortcut.put("summary", s.get("summary") != null ? String.valueOf(s.get("summary")) : op.summary);
      shortcut.put("bodyJson", "{" + String.join(", ", json) + "}");
      shortcut.put("bodyExpr", expr.append(".build()").toString());
      shortcuts.add(shortcut);
    }
    ext.put("x-shortcuts", shortcuts);
  }

  /** Text as the inside of a Java string literal. */
  static String javaString(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            // Octal, not \\u: the compiler reads a unicode escape before the string, so \\u000a would end it.
            out.append(String.format("\\%03o", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** A value of the spec as the Java expression of a body field's type. */
  private static String literal(CodegenProperty p, Object value) {
    if (value instanceof String text) {
      String quoted = "\"" + javaString(text) + "\"";
      return p.isEnumRef || p.isEnum ? p.datatypeWithEnum + ".of(" + quoted + ")" : quoted;
    }
    if (value instanceof Long || (value instanceof Number && p.isLong)) {
      return value + "L";
    }
    return String.valueOf(value);
  }

  private static void reconcile(CodegenOperation op, Map<String, Object> ext, Map<String, CodegenModel> models,
      OpenAPI openAPI) {
    Map<?, ?> spec = map(op, ext.get("x-realtimekit-reconcile"), "x-realtimekit-reconcile");
    ext.put("x-reconcile", spec != null);
    if (spec == null) {
      return;
    }
    String targetId = String.valueOf(spec.get("operation"));
    Operation target = operation(openAPI, targetId);
    if (target == null) {
      throw fail(op, "x-realtimekit-reconcile", "names " + targetId + ", which the spec lacks");
    }
    Map<?, ?> absent = target.getExtensions() == null ? null : (Map<?, ?>) target.getExtensions().get("x-realtimekit-absent");
    if (absent == null) {
      throw fail(op, "x-realtimekit-reconcile", "needs " + targetId + " to have x-realtimekit-absent");
    }
    String targetName = target.getExtensions().get("x-realtimekit-name") != null
        ? String.valueOf(target.getExtensions().get("x-realtimekit-name")) : RealtimeKitCodegen.javaName(targetId);
    ext.put("x-reconcile-method", targetName);
    ext.put("x-reconcile-constant", underscore(targetName).toUpperCase(Locale.ROOT));

    Map<?, ?> parameters = map(op, spec.get("parameters"), "x-realtimekit-reconcile parameters");
    List<String> args = new ArrayList<>();
    List<String> named = new ArrayList<>();
    for (Parameter p : target.getParameters() == null ? List.<Parameter>of() : target.getParameters()) {
      Parameter resolved = resolve(openAPI, p);
      if (!"path".equals(resolved.getIn()) || (resolved.getExtensions() != null
          && resolved.getExtensions().containsKey("x-realtimekit-from-client"))) {
        continue;
      }
      Object expression = parameters == null ? null : parameters.get(resolved.getName());
      if (expression == null) {
        throw fail(op, "x-realtimekit-reconcile", "gives no value for " + resolved.getName());
      }
      String arg = argument(op, models, String.valueOf(expression));
      args.add(arg);
      named.add("\"" + resolved.getName() + "\", " + arg);
    }
    ext.put("x-reconcile-args", String.join(", ", args));
    ext.put("x-reconcile-check-args", "java.util.Map.of(" + String.join(", ", named) + ")");

    CodegenModel targetResponse = models.get(responseModel(openAPI, target));
    CodegenProperty data = OperationFacts.property(targetResponse, "data");
    CodegenModel found = data == null ? null : models.get(data.complexType);
    CodegenProperty startedAfter = OperationFacts.property(found, String.valueOf(spec.get("started-after")));
    if (startedAfter == null || !startedAfter.isDateTime) {
      throw fail(op, "x-realtimekit-reconcile", "started-after must name a date-time field of " + targetId + "'s data");
    }
    ext.put("x-reconcile-absent-status", ((Number) absent.get("status")).intValue());
    ext.put("x-reconcile-found-type", found.classname);
    ext.put("x-reconcile-started-getter", startedAfter.getter);
    Object result = spec.get("result");
    if (result == null) {
      ext.put("x-reconcile-result-expr", "found");
    } else {
      String resultType = String.valueOf(ext.get("x-result-type"));
      CodegenProperty into = OperationFacts.property(models.get(resultType), String.valueOf(result));
      if (into == null) {
        throw fail(op, "x-realtimekit-reconcile", "result names " + result + ", which " + resultType + " lacks");
      }
      ext.put("x-reconcile-result-expr", resultType + ".builder()." + into.name + "(found).build()");
    }
  }

  /**
   * A runtime expression of the spec ({@code $request.body#/meeting_id},
   * {@code $request.path.recording_id}) as a Java expression of a string, from the method's arguments.
   */
  private static String argument(CodegenOperation op, Map<String, CodegenModel> models, String expression) {
    if (expression.startsWith("$request.body#/") && op.bodyParam != null) {
      CodegenProperty p = OperationFacts.property(models.get(op.bodyParam.baseType), expression.substring("$request.body#/".length()));
      if (p != null) {
        return "String.valueOf(" + op.bodyParam.paramName + "." + p.getter + "())";
      }
    } else if (expression.startsWith("$request.path.")) {
      String name = expression.substring("$request.path.".length());
      for (CodegenParameter p : op.pathParams) {
        if (p.baseName.equals(name)) {
          return "String.valueOf(" + p.paramName + ")";
        }
      }
    }
    throw fail(op, "x-realtimekit-reconcile", "cannot read " + expression + " (use $request.body#/field or $request.path.name)");
  }

  private static Operation operation(OpenAPI openAPI, String operationId) {
    for (PathItem item : openAPI.getPaths().values()) {
      for (Operation o : item.readOperations()) {
        if (operationId.equals(o.getOperationId())) {
          return o;
        }
      }
    }
    return null;
  }

  private static Parameter resolve(OpenAPI openAPI, Parameter p) {
    if (p.get$ref() == null) {
      return p;
    }
    String name = p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1);
    return openAPI.getComponents().getParameters().get(name);
  }

  private static String responseModel(OpenAPI openAPI, Operation target) {
    for (Map.Entry<String, ApiResponse> r : target.getResponses().entrySet()) {
      if (r.getKey().startsWith("2") && r.getValue().getContent() != null) {
        Schema<?> schema = r.getValue().getContent().values().iterator().next().getSchema();
        if (schema != null && schema.get$ref() != null) {
          return schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        }
      }
    }
    return null;
  }

  private static Map<?, ?> map(CodegenOperation op, Object value, String extension) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> m)) {
      throw fail(op, extension, "must be an object");
    }
    return m;
  }

  private static IllegalStateException fail(CodegenOperation op, String extension, String rule) {
    return new IllegalStateException("The spec's " + extension + " of " + op.operationIdOriginal + " " + rule);
  }
}
