package io.github.realtimekit.codegen;

import static org.openapitools.codegen.utils.StringUtils.underscore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;

/**
 * Works out, once per operation, the facts the templates read as vendor extensions (Mustache can
 * neither compare nor look things up); see {@link RealtimeKitCodegen} for the list.
 */
final class OperationFacts {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

  private OperationFacts() {
  }

  /** Adds the vendor extensions the templates read; see the class comment. */
  static void describe(CodegenOperation op, Map<String, CodegenModel> models, Map<String, String> importMapping) {
    Map<String, Object> ext = op.vendorExtensions;
    String operationId = op.operationIdOriginal != null ? op.operationIdOriginal : op.operationId;
    String javaName = stringOr(ext.get("x-realtimekit-name"), RealtimeKitCodegen.javaName(operationId));
    String javaClass = RealtimeKitCodegen.javaClass(javaName);
    op.nickname = javaName;
    op.operationIdCamelCase = javaClass;
    ext.put("x-java-name", javaName);
    ext.put("x-java-class", javaClass);
    ext.put("x-cli-name", stringOr(ext.get("x-realtimekit-cli-name"), RealtimeKitCodegen.cliName(operationId)));
    ext.put("x-operation-id", operationId);

    nameTheBody(op);
    List<CodegenParameter> callerPathParams = new ArrayList<>();
    for (CodegenParameter p : op.allParams) {
      markFromClient(p);
    }
    for (CodegenParameter p : op.pathParams) {
      if (!markFromClient(p)) {
        callerPathParams.add(p);
        // A path parameter the spec gives an option name is a command option, not a positional argument.
        Object option = p.vendorExtensions.get("x-realtimekit-cli-option");
        if (option != null) {
          p.vendorExtensions.put("x-cli-option", String.valueOf(option));
        }
      }
    }
    ext.put("x-client-path-params", callerPathParams);
    ext.put("x-has-query", op.getHasQueryParams());
    ext.put("x-constant-name", underscore(javaName).toUpperCase(Locale.ROOT));
    signatures(op, callerPathParams);

    Object idempotent = ext.get("x-realtimekit-idempotent");
    ext.put("x-idempotent", idempotent != null ? Boolean.parseBoolean(String.valueOf(idempotent))
        : IDEMPOTENT_METHODS.contains(op.httpMethod.toUpperCase(Locale.ROOT)));

    CodegenModel response = op.returnBaseType == null ? null : models.get(op.returnBaseType);
    CodegenProperty data = property(response, "data");
    if (data != null) {
      ext.put("x-result-type", plainType(data.datatypeWithEnum != null ? data.datatypeWithEnum : data.dataType));
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
          // The spec may name the option (x-realtimekit-cli-option: --meeting); else the field's name.
          Object option = p.vendorExtensions.get("x-realtimekit-cli-option");
          field.put("option", option != null ? String.valueOf(option) : "--" + RealtimeKitCodegen.cliName(p.baseName));
          field.put("description", optionDescription(p, models));
          field.put("required", p.required);
          scalars.add(field);
        }
      }
    }
    ext.put("x-body-scalars", scalars);

    Set<String> types = new TreeSet<>();
    op.allParams.stream().filter(p -> !p.isBodyParam).forEach(p -> types.add(p.dataType));
    scalars.forEach(field -> types.add(String.valueOf(field.get("dataType"))));
    ext.put("x-command-imports", imports(types, importMapping));
  }

  /**
   * The imports the types of an operation's arguments need, by their simple names ({@code URI} →
   * {@code java.net.URI}, {@code List<UUID>} → {@code java.util.List} and {@code java.util.UUID}):
   * those the generator maps to a class outside {@code java.lang}. Models are not in the mapping.
   */
  /**
   * A property's type without the bean-validation annotations the generator writes into a list's element type
   * ({@code List<@Valid Webhook>}): a method's result type is no field to validate, and names no such import.
   */
  static String plainType(String type) {
    return type.replaceAll("@[\\w.]+(\\([^)]*\\))?\\s+", "");
  }

  static List<String> imports(Collection<String> dataTypes, Map<String, String> importMapping) {
    Set<String> imports = new TreeSet<>();
    for (String type : dataTypes) {
      Matcher name = IDENTIFIER.matcher(type == null ? "" : type);
      while (name.find()) {
        String mapped = importMapping.get(name.group());
        if (mapped != null && mapped.contains(".") && !mapped.startsWith("java.lang.")
            && mapped.endsWith("." + name.group())) {
          imports.add(mapped);
        }
      }
    }
    return List.copyOf(imports);
  }

  /**
   * What a command option of a body field says: the field's description; for a field that only
   * refers to a schema (an enum, say), that schema's; and for an enum, its values.
   */
  private static String optionDescription(CodegenProperty p, Map<String, CodegenModel> models) {
    CodegenModel referenced = p.complexType == null ? null : models.get(p.complexType);
    String description = p.description != null && !p.description.isBlank() ? p.description
        : referenced != null && referenced.description != null ? referenced.description : "";
    Object values = referenced != null && referenced.allowableValues != null ? referenced.allowableValues.get("values")
        : p.allowableValues != null ? p.allowableValues.get("values") : null;
    if (values instanceof Collection<?> list && !list.isEmpty()) {
      String joined = list.stream().map(String::valueOf).collect(Collectors.joining(", "));
      description = (description.isBlank() ? "" : description.strip() + " ") + "One of: " + joined + ".";
    }
    return description;
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
    op.vendorExtensions.put("x-caller-params-comma", declarations.isEmpty() ? "" : String.join(", ", declarations) + ", ");
    if (op.getHasQueryParams()) {
      names.add("query");
    }
    op.vendorExtensions.put("x-caller-args", String.join(", ", names));
    op.vendorExtensions.put("x-caller-args-comma", names.isEmpty() ? "" : String.join(", ", names) + ", ");
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
   * The request body's parameter is {@code body} in every method, whatever its model: a violation of
   * its constraints reads {@code body.meeting_id must not be null}. Kept as the generator named it
   * when another parameter is already called so.
   */
  private static void nameTheBody(CodegenOperation op) {
    if (op.bodyParam == null || op.allParams.stream().anyMatch(p -> !p.isBodyParam && "body".equals(p.paramName))) {
      return;
    }
    op.bodyParam.paramName = "body";
    for (CodegenParameter p : op.allParams) {
      if (p.isBodyParam) {
        p.paramName = "body";
      }
    }
    for (CodegenParameter p : op.bodyParams) {
      p.paramName = "body";
    }
  }

  /**
   * The path with the spec's parameter names: the Java generator writes each path parameter's Java
   * name into the path ({@code /accounts/{accountId}}) for Feign; this puts the spec's back.
   */
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

  /** A model's property by its JSON name; null when the model or the property is absent. */
  static CodegenProperty property(CodegenModel model, String baseName) {
    if (model == null || model.vars == null) {
      return null;
    }
    return model.vars.stream().filter(v -> baseName.equals(v.baseName)).findFirst().orElse(null);
  }

  private static String stringOr(Object value, String otherwise) {
    return value == null || String.valueOf(value).isBlank() ? otherwise : String.valueOf(value).trim();
  }
}
