package io.github.realtimekit.codegen;

import static org.openapitools.codegen.utils.StringUtils.camelize;
import static org.openapitools.codegen.utils.StringUtils.underscore;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
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
 *   <li>{@code x-cli-name}: the command name, the spec's {@code x-realtimekit-cli-name} or the
 *       operationId in kebab-case.
 *   <li>{@code x-from-client} on a parameter the client fills itself (the spec marks it
 *       {@code x-realtimekit-from-client: accountId}); {@code x-client-path-params}, the path
 *       parameters the caller passes, in order; {@code x-has-caller-args}.
 *   <li>{@code x-result-type} and {@code x-data-getter}: the 2xx envelope's {@code data}, which the
 *       client returns unwrapped; the whole response when there is no {@code data}.
 *   <li>{@code x-paged}: a list, whose response has {@code paging} and a {@code data} array and
 *       which takes {@code page_no} and {@code per_page} (or which the spec marks
 *       {@code x-realtimekit-paged: true}); with {@code x-page-item-type}, {@code x-item-id-getter}
 *       and the getters of the paging counts.
 *   <li>{@code x-idempotent}: GET, HEAD, PUT, DELETE and OPTIONS unless the spec says otherwise with
 *       {@code x-realtimekit-idempotent}.
 *   <li>{@code x-body-scalars}: the request body's top-level scalar fields, for command options.
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

  private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

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
      describe(op, models);
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

  @Override
  public Map<String, Object> postProcessSupportingFileData(Map<String, Object> objs) {
    Map<String, Object> result = super.postProcessSupportingFileData(objs);
    Object apiInfo = result.get("apiInfo");
    if (apiInfo instanceof Map) {
      Object apis = ((Map<?, ?>) apiInfo).get("apis");
      result.put("realtimekitSingleApi", apis instanceof List && ((List<?>) apis).size() == 1);
    }
    return result;
  }

  /** Adds the vendor extensions the templates read; see the class comment. */
  void describe(CodegenOperation op, Map<String, CodegenModel> models) {
    Map<String, Object> ext = op.vendorExtensions;
    String operationId = op.operationIdOriginal != null ? op.operationIdOriginal : op.operationId;
    String javaName = stringOr(ext.get("x-realtimekit-name"), javaName(operationId));
    String javaClass = javaClass(javaName);
    op.nickname = javaName;
    op.operationIdCamelCase = javaClass;
    ext.put("x-java-name", javaName);
    ext.put("x-java-class", javaClass);
    ext.put("x-cli-name", stringOr(ext.get("x-realtimekit-cli-name"), cliName(operationId)));
    ext.put("x-operation-id", operationId);
    ext.put("x-spec-path", specPath(op.path, op.pathParams));

    List<CodegenParameter> callerPathParams = new ArrayList<>();
    for (CodegenParameter p : op.allParams) {
      markFromClient(p);
    }
    for (CodegenParameter p : op.pathParams) {
      if (!markFromClient(p)) {
        callerPathParams.add(p);
      }
    }
    ext.put("x-client-path-params", callerPathParams);
    ext.put("x-has-client-path-params", !callerPathParams.isEmpty());
    ext.put("x-has-caller-args", !callerPathParams.isEmpty() || op.bodyParam != null || op.getHasQueryParams());
    ext.put("x-has-query", op.getHasQueryParams());
    ext.put("x-constant-name", underscore(javaName).toUpperCase(Locale.ROOT));
    signatures(op, callerPathParams);

    Object idempotent = ext.get("x-realtimekit-idempotent");
    ext.put("x-idempotent", idempotent != null ? Boolean.parseBoolean(String.valueOf(idempotent))
        : IDEMPOTENT_METHODS.contains(op.httpMethod.toUpperCase(Locale.ROOT)));

    CodegenModel response = op.returnBaseType == null ? null : models.get(op.returnBaseType);
    CodegenProperty data = property(response, "data");
    if (data != null) {
      ext.put("x-result-type", data.datatypeWithEnum != null ? data.datatypeWithEnum : data.dataType);
      ext.put("x-data-getter", data.getter);
    } else {
      ext.put("x-result-type", op.returnType == null ? "Void" : op.returnType);
    }
    ext.put("x-has-data", data != null);

    CodegenProperty paging = property(response, "paging");
    boolean takesPages = hasQueryParam(op, "page_no") && hasQueryParam(op, "per_page");
    boolean marked = Boolean.parseBoolean(String.valueOf(ext.get("x-realtimekit-paged")));
    // The pager asks for each page by its page_no, so a list without one is not paged.
    boolean paged = data != null && data.isArray && data.items != null && hasQueryParam(op, "page_no")
        && (marked || (paging != null && takesPages));
    ext.put("x-paged", paged);
    if (paged) {
      ext.put("x-page-item-type", data.items.datatypeWithEnum != null ? data.items.datatypeWithEnum : data.items.dataType);
      CodegenProperty id = property(models.get(data.items.complexType), "id");
      if (id != null) {
        ext.put("x-item-id-getter", id.getter);
      }
      if (paging != null) {
        ext.put("x-paging-getter", paging.getter);
        CodegenModel pagingModel = models.get(paging.complexType);
        putGetter(ext, "x-paging-total-getter", property(pagingModel, "total_count"));
        putGetter(ext, "x-paging-start-getter", property(pagingModel, "start_offset"));
        putGetter(ext, "x-paging-end-getter", property(pagingModel, "end_offset"));
      }
    }

    List<Map<String, Object>> scalars = new ArrayList<>();
    CodegenModel body = op.bodyParam == null ? null : models.get(op.bodyParam.baseType);
    if (body != null) {
      for (CodegenProperty p : body.vars) {
        if (!p.isContainer && !p.isModel && (p.isPrimitiveType || p.isEnum || p.isEnumRef || p.isString
            || p.isNumeric || p.isBoolean || p.isUuid || p.isDateTime)) {
          Map<String, Object> field = new LinkedHashMap<>();
          field.put("name", p.baseName);
          field.put("javaName", p.name);
          field.put("dataType", p.datatypeWithEnum != null ? p.datatypeWithEnum : p.dataType);
          field.put("option", "--" + cliName(p.baseName));
          field.put("description", p.description == null ? "" : p.description);
          field.put("required", p.required);
          scalars.add(field);
        }
      }
    }
    ext.put("x-body-scalars", scalars);
    ext.put("x-has-body-scalars", !scalars.isEmpty());
  }

  /**
   * The argument lists of the client's methods, which Mustache cannot join with commas across
   * groups: {@code x-caller-params} (path parameters, body, query object), {@code x-caller-path-params}
   * (the same without the query object), {@code x-caller-path-args} (their names), and
   * {@code x-api-args}, the arguments of the Feign method: the client's own values, the caller's, and
   * each query parameter read from the query object {@code q}.
   */
  private static void signatures(CodegenOperation op, List<CodegenParameter> callerPathParams) {
    List<String> declarations = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (CodegenParameter p : callerPathParams) {
      declarations.add(p.dataType + " " + p.paramName);
      names.add(p.paramName);
    }
    if (op.bodyParam != null) {
      declarations.add(op.bodyParam.dataType + " " + op.bodyParam.paramName);
      names.add(op.bodyParam.paramName);
    }
    op.vendorExtensions.put("x-caller-path-params", String.join(", ", declarations));
    op.vendorExtensions.put("x-caller-path-args", String.join(", ", names));
    op.vendorExtensions.put("x-caller-path-args-comma", names.isEmpty() ? "" : String.join(", ", names) + ", ");
    op.vendorExtensions.put("x-caller-path-params-comma", declarations.isEmpty() ? "" : String.join(", ", declarations) + ", ");
    if (op.getHasQueryParams()) {
      declarations.add(op.operationIdCamelCase + "Query query");
    }
    op.vendorExtensions.put("x-caller-params", String.join(", ", declarations));
    if (op.getHasQueryParams()) {
      names.add("query");
    }
    op.vendorExtensions.put("x-caller-args", String.join(", ", names));
    List<String> apiArgs = new ArrayList<>();
    for (CodegenParameter p : op.allParams) {
      Object fromClient = p.vendorExtensions.get("x-from-client");
      if (fromClient != null) {
        apiArgs.add(String.valueOf(fromClient));
      } else if (p.isQueryParam) {
        apiArgs.add("q.get" + Character.toUpperCase(p.paramName.charAt(0)) + p.paramName.substring(1) + "()");
      } else {
        apiArgs.add(p.paramName);
      }
      if (p.isQueryParam && "page_no".equals(p.baseName)) {
        op.vendorExtensions.put("x-page-no-param", p.paramName);
      }
    }
    op.vendorExtensions.put("x-api-args", String.join(", ", apiArgs));
  }

  /**
   * The path with the spec's parameter names: the Java generator writes each path parameter's Java
   * name into the path ({@code /accounts/{accountId}}) for Feign; this puts the spec's back.
   */
  static String specPath(String path, List<CodegenParameter> pathParams) {
    String result = path;
    for (CodegenParameter p : pathParams) {
      result = result.replace("{" + p.paramName + "}", "{" + p.baseName + "}");
    }
    return result;
  }

  private static boolean markFromClient(CodegenParameter p) {
    Object fromClient = p.vendorExtensions.get("x-realtimekit-from-client");
    if (fromClient == null) {
      return false;
    }
    p.vendorExtensions.put("x-from-client", String.valueOf(fromClient));
    return true;
  }

  private static void putGetter(Map<String, Object> ext, String key, CodegenProperty property) {
    if (property != null) {
      ext.put(key, property.getter);
    }
  }

  private static boolean hasQueryParam(CodegenOperation op, String name) {
    return op.queryParams.stream().anyMatch(p -> name.equals(p.baseName));
  }

  private static CodegenProperty property(CodegenModel model, String baseName) {
    if (model == null || model.vars == null) {
      return null;
    }
    return model.vars.stream().filter(v -> baseName.equals(v.baseName)).findFirst().orElse(null);
  }

  private static String stringOr(Object value, String otherwise) {
    return value == null || String.valueOf(value).isBlank() ? otherwise : String.valueOf(value).trim();
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
