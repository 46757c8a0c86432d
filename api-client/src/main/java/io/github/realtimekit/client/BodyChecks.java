package io.github.realtimekit.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.realtimekit.client.errors.InvalidArgumentException.Violation;
import io.github.realtimekit.model.Sensitive;
import jakarta.validation.Valid;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The checks of a generated model given as an argument (a request body): the constraints the spec
 * puts on its properties, which the model carries on its getters ({@code @NotNull}, {@code @Size},
 * {@code @Min} and the rest, as {@link ArgumentChecks} knows them), cascading with {@code @Valid}
 * into nested models and into the elements of a list or the values of a map. A value of a spec enum
 * that this version does not know is refused too: a response may carry a newer value, a request
 * should not invent one.
 *
 * <p>Each violation names the property by its JSON name under the parameter's, as the server would
 * see it: {@code body.meeting_id}, {@code body.video_config.watermark.size.width},
 * {@code body.user_ids[0]}, {@code body.layers[default].file_name_prefix}. The value of a
 * {@link Sensitive} property is never shown.
 */
final class BodyChecks {

  /** One checked property of a model class. */
  private record Property(String name, List<Function<Object, String>> rules, boolean cascade, boolean sensitive,
      Method getter) {
  }

  private static final Map<Class<?>, List<Property>> PROPERTIES = new ConcurrentHashMap<>();

  private BodyChecks() {
  }

  /** Tells whether a type is a model: a class whose getters carry the JSON names of its properties. */
  static boolean isModel(Class<?> type) {
    return !properties(type).isEmpty();
  }

  /** Adds the violations of a model value, its properties named under {@code path}. */
  static void check(String path, Object model, List<Violation> violations) {
    for (Property p : properties(model.getClass())) {
      Object value = read(p.getter(), model);
      String name = path + "." + p.name();
      for (Function<Object, String> rule : p.rules()) {
        String broken = rule.apply(value);
        if (broken != null) {
          violations.add(new Violation(name, broken, p.sensitive() ? "***" : ArgumentChecks.describe(value)));
        }
      }
      if (value != null) {
        checkValue(name, value, p.cascade(), violations);
      }
    }
  }

  private static void checkValue(String name, Object value, boolean cascade, List<Violation> violations) {
    if (isUnknownEnum(value)) {
      violations.add(new Violation(name, "must be one of " + knownValues(value), ArgumentChecks.describe(value)));
    } else if (value instanceof Collection<?> items) {
      int index = 0;
      for (Object item : items) {
        if (item != null) {
          checkValue(name + "[" + index + "]", item, cascade, violations);
        }
        index++;
      }
    } else if (value instanceof Map<?, ?> entries) {
      for (Map.Entry<?, ?> entry : entries.entrySet()) {
        if (entry.getValue() != null) {
          checkValue(name + "[" + entry.getKey() + "]", entry.getValue(), cascade, violations);
        }
      }
    } else if (cascade && isModel(value.getClass())) {
      check(name, value, violations);
    }
  }

  private static List<Property> properties(Class<?> type) {
    return PROPERTIES.computeIfAbsent(type, BodyChecks::compile);
  }

  private static List<Property> compile(Class<?> type) {
    List<Property> properties = new ArrayList<>();
    if (type.isEnum() || type.getName().startsWith("java.")) {
      return List.of();
    }
    for (Method m : type.getMethods()) {
      JsonProperty json = m.getAnnotation(JsonProperty.class);
      if (json == null || m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())
          || m.getDeclaringClass() != type) {
        continue;
      }
      properties.add(new Property(json.value(), ArgumentChecks.rules(m.getAnnotations()),
          cascades(m), m.isAnnotationPresent(Sensitive.class), m));
    }
    properties.sort((a, b) -> a.name().compareTo(b.name()));
    return List.copyOf(properties);
  }

  /**
   * Whether a getter's value is checked in turn: a model with {@code @Valid} on its getter, or a list or
   * map whose items carry it ({@code List<@Valid T>}, {@code Map<String, @Valid T>}).
   */
  private static boolean cascades(Method getter) {
    if (getter.isAnnotationPresent(Valid.class)) {
      return true;
    }
    if (getter.getAnnotatedReturnType() instanceof AnnotatedParameterizedType) {
      AnnotatedType[] arguments =
          ((AnnotatedParameterizedType) getter.getAnnotatedReturnType()).getAnnotatedActualTypeArguments();
      return arguments.length > 0 && arguments[arguments.length - 1].isAnnotationPresent(Valid.class);
    }
    return false;
  }

  private static Object read(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + getter, e);
    }
  }

  /** A spec enum (a class with {@code isKnown()}) holding a value this version does not know. */
  private static boolean isUnknownEnum(Object value) {
    try {
      Method known = value.getClass().getMethod("isKnown");
      return known.getReturnType() == boolean.class && !((Boolean) known.invoke(value));
    } catch (NoSuchMethodException e) {
      return false;
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String knownValues(Object value) {
    try {
      return String.valueOf(value.getClass().getMethod("knownValues").invoke(null));
    } catch (ReflectiveOperationException e) {
      return "the values of the spec";
    }
  }
}
