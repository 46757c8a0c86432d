package io.github.realtimekit.codegen;

import static org.openapitools.codegen.utils.StringUtils.camelize;
import static org.openapitools.codegen.utils.StringUtils.underscore;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.OperationsMap;
import org.openapitools.codegen.utils.CamelizeOption;

/**
 * The Java generator, plus what the templates need to know of each operation, as vendor extensions
 * of the operation ({@code {{vendorExtensions.x-java-name}}} and so on). Mustache cannot compare or
 * look things up, so each fact is worked out here, once, from the spec:
 *
 * <ul>
 *   <li>{@code x-java-name}: the method name, the spec's {@code x-realtimekit-name} or the operationId
 *       in lowerCamelCase; {@code x-java-class} the same in PascalCase. The operation's
 *       {@code nickname} becomes the Java name too, so every template uses one name.
 *   <li>{@code x-spec-path}: the path as the spec writes it, with the spec's parameter names
 *       ({@code {account_id}}); {@code path} has the Java names, which Feign's templates need.
 *   <li>{@code x-path-parts}: the path in order, each part a {@code literal} (a Java string literal's
 *       content) or a {@code segment} (a path parameter's Java name), for the client to build the URL
 *       without a template engine.
 *   <li>{@code x-cli-name}: the command name, the spec's {@code x-realtimekit-cli-name} or the
 *       operationId in kebab-case.
 *   <li>{@code x-from-client} on a parameter the client fills itself (the spec marks it
 *       {@code x-realtimekit-from-client: accountId}); {@code x-client-path-params}, the path
 *       parameters the caller passes, in order.
 *   <li>{@code x-result-type} and {@code x-data-getter}: the 2xx envelope's {@code data}, which the
 *       client returns unwrapped; the whole response when there is no {@code data}.
 *   <li>{@code x-paged}: a list, whose response has {@code paging} and a {@code data} array and
 *       which takes {@code page_no} and {@code per_page} (or which the spec marks
 *       {@code x-realtimekit-paged: true}); with {@code x-page-item-type}, {@code x-item-id-getter}
 *       and the getters of the paging counts.
 *   <li>{@code x-idempotent}: GET, HEAD, PUT, DELETE and OPTIONS unless the spec says otherwise with
 *       {@code x-realtimekit-idempotent}.
 *   <li>{@code x-body-scalars}: the request body's top-level scalar fields, for command options,
 *       each with a description (the field's, or the schema it refers to, and an enum's values).
 *   <li>{@code x-command-imports}: the imports the types of the arguments and body fields need.
 *   <li>{@code x-cli-option} on a path parameter, and a body field's {@code option}: the command
 *       option the spec names with {@code x-realtimekit-cli-option}.
 *   <li>The shortcuts, the "none" status and the reconciliation of a lost answer: see
 *       {@link ControlFacts}.
 * </ul>
 *
 * <p>With the additional property {@value #PER_OPERATION} (and the normalizer setting each
 * operation's tag to its Java name), every operation is an "api" of its own, named by its Java class
 * name: one file per operation and api template. Templates named in {@value #QUERY_ONLY_TEMPLATES}
 * are written only for operations with query parameters; for the others they go to a folder beside
 * the sources that is not compiled.
 */
public class RealtimeKitCodegen extends JavaClientCodegen {

  /** Additional property: one api per operation, named by its Java class name. */
  public static final String PER_OPERATION = "realtimekitPerOperation";

  /** Additional property: api templates (comma-separated) written only for operations with query parameters. */
  public static final String QUERY_ONLY_TEMPLATES = "realtimekitQueryOnlyTemplates";

  private final Set<String> apisWithoutQuery = new HashSet<>();

  @Override
  public String getName() {
    return "realtimekit-java";
  }

  @Override
  public String getHelp() {
    return "The Java generator with the facts per operation that the RealtimeKit client's templates use.";
  }

  private boolean perOperation() {
    return Boolean.parseBoolean(String.valueOf(additionalProperties.get(PER_OPERATION)));
  }

  @Override
  public void processOpts() {
    super.processOpts();
    if (perOperation()) {
      // One file per operation comes from the templates named in the configuration only.
      apiTemplateFiles.remove("api.mustache");
    }
  }

  @Override
  public String toApiName(String name) {
    return perOperation() ? javaClass(name) : super.toApiName(name);
  }

  @Override
  public String apiFilename(String templateName, String tag) {
    return apiFilename(templateName, tag, apiFileFolder());
  }

  @Override
  public String apiFilename(String templateName, String tag, String outputDir) {
    String name = super.apiFilename(templateName, tag, outputDir);
    if (perOperation() && queryOnlyTemplates().contains(templateName) && apisWithoutQuery.contains(toApiName(tag))) {
      // Not compiled: the operation has no query parameters, so it has no parameter class.
      return outputFolder() + File.separator + "not-compiled" + File.separator + new File(name).getName();
    }
    return name;
  }

  private Set<String> queryOnlyTemplates() {
    Object value = additionalProperties.get(QUERY_ONLY_TEMPLATES);
    return value == null ? Set.of() : Set.of(String.valueOf(value).split("\\s*,\\s*"));
  }

  @Override
  public OperationsMap postProcessOperationsWithModels(OperationsMap objs, List<ModelMap> allModels) {
    for (CodegenOperation op : objs.getOperations().getOperation()) {
      // The path as the spec writes it: the Feign generator renames its placeholders after Java names.
      op.vendorExtensions.putIfAbsent("x-spec-path", op.path);
    }
    OperationsMap result = super.postProcessOperationsWithModels(objs, allModels);
    Map<String, CodegenModel> models = models(allModels);
    for (CodegenOperation op : result.getOperations().getOperation()) {
      OperationFacts.describe(op, models, importMapping());
      op.vendorExtensions.put("x-path-parts", pathParts(op.path));
      ControlFacts.describe(op, models, openAPI);
      if (!op.getHasQueryParams()) {
        apisWithoutQuery.add(String.valueOf(op.vendorExtensions.get("x-java-class")));
      }
    }
    return result;
  }

  /**
   * The models by class name: those the generator made, or, when it makes none (the client's
   * execution leaves models to their own module), made here from the spec's schemas.
   */
  private Map<String, CodegenModel> models(List<ModelMap> allModels) {
    Map<String, CodegenModel> models = new HashMap<>();
    for (ModelMap model : allModels) {
      models.put(model.getModel().classname, model.getModel());
    }
    if (models.isEmpty() && openAPI != null && openAPI.getComponents() != null
        && openAPI.getComponents().getSchemas() != null) {
      openAPI.getComponents().getSchemas().forEach((name, schema) -> {
        CodegenModel model = fromModel(name, schema);
        models.put(model.classname, model);
      });
    }
    return models;
  }

  /**
   * A path with {@code {name}} placeholders as its parts, in order: {@code literal} text between them,
   * escaped for a Java string literal, and each placeholder's {@code segment}.
   */
  static List<Map<String, String>> pathParts(String path) {
    List<Map<String, String>> parts = new ArrayList<>();
    int at = 0;
    while (at < path.length()) {
      int open = path.indexOf('{', at);
      int close = open < 0 ? -1 : path.indexOf('}', open);
      if (open < 0 || close < 0) {
        parts.add(Map.of("literal", javaString(path.substring(at))));
        break;
      }
      if (open > at) {
        parts.add(Map.of("literal", javaString(path.substring(at, open))));
      }
      parts.add(Map.of("segment", path.substring(open + 1, close)));
      at = close + 1;
    }
    return parts;
  }

  private static String javaString(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** {@code get_session_transcript} → {@code getSessionTranscript}; a lowerCamel name stays as it is. */
  static String javaName(String operationId) {
    return camelize(underscore(operationId.replace('-', '_')), CamelizeOption.LOWERCASE_FIRST_LETTER);
  }

  /** {@code getSessionTranscript} or {@code get_session_transcript} → {@code GetSessionTranscript}. */
  static String javaClass(String name) {
    return camelize(underscore(name.replace('-', '_')));
  }

  /** {@code get_session_transcript} or {@code getSessionTranscript} → {@code get-session-transcript}. */
  static String cliName(String operationId) {
    return underscore(operationId.replace('-', '_')).replace('_', '-').toLowerCase(Locale.ROOT);
  }
}
