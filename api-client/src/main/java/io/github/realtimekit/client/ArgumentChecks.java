package io.github.realtimekit.client;

import io.github.realtimekit.client.errors.InvalidArgumentException.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.github.realtimekit.client.core.SafeText;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Checks a call's arguments against the constraints the spec puts on each parameter, which the
 * generated interface and query class carry as Jakarta Validation annotations: {@code @NotNull},
 * {@code @Size}, {@code @Pattern}, {@code @Min}, {@code @Max}, {@code @DecimalMin},
 * {@code @DecimalMax}, and {@code @Valid} to check an argument's own fields, or, for a model such as
 * a request body, its properties all the way down ({@link BodyChecks}). Messages are those of
 * Hibernate Validator. Any other constraint annotation is refused when a method is first checked, so
 * a spec that starts using one fails the build's tests rather than going unchecked.
 *
 * <p>Why not Hibernate Validator itself, which strict mode still uses for responses: bootstrapping it
 * loaded about 550 classes and took about 180 ms of every program's start, and it cost 10 to 15 µs a
 * call; these checks are compiled once per method into a list of lambdas.
 */
final class ArgumentChecks {

  /** The checks of one value; each rule returns a violation's rule, or null when the value passes. */
  private record Check(String name, List<Function<Object, String>> rules, List<Check> fields, Function<Object, Object> read,
      boolean model) {
  }

  /** The checks of one method's parameters, compiled once: what {@link #violations(Object[])} runs. */
  static final class Compiled {
    private final List<Check> parameters;

    private Compiled(List<Check> parameters) {
      this.parameters = parameters;
    }

    /** The broken rules of a call, sorted; empty when every argument passes. */
    List<Violation> violations(Object[] args) {
      List<Violation> violations = new ArrayList<>(0);
      for (int i = 0; i < parameters.size(); i++) {
        check(parameters.get(i), args[i], violations);
      }
      if (violations.size() > 1) {
        violations.sort(Comparator.comparing(Violation::toString));
      }
      return violations;
    }
  }

  private final Map<Method, Compiled> checks = new ConcurrentHashMap<>();

  /** The broken rules of a call, sorted; empty when every argument passes. */
  List<Violation> violations(Method method, Object[] args) {
    return checks.computeIfAbsent(method, ArgumentChecks::compiled).violations(args);
  }

  /**
   * Compiles the checks of a method's parameters from their annotations.
   *
   * @throws IllegalStateException if a parameter carries a constraint these checks do not know
   */
  static Compiled compiled(Method method) {
    return new Compiled(compile(method));
  }

  private static void check(Check check, Object value, List<Violation> violations) {
    for (Function<Object, String> rule : check.rules()) {
      String broken = rule.apply(value);
      if (broken != null) {
        violations.add(new Violation(check.name(), broken, describe(value)));
      }
    }
    if (value != null && check.model()) {
      BodyChecks.check(check.name(), value, violations);
    } else if (value != null) {
      for (Check field : check.fields()) {
        check(field, field.read().apply(value), violations);
      }
    }
  }

  private static List<Check> compile(Method method) {
    List<Check> parameters = new ArrayList<>();
    for (Parameter p : method.getParameters()) {
      boolean valid = p.isAnnotationPresent(Valid.class);
      boolean model = valid && BodyChecks.isModel(p.getType());
      List<Check> fields = valid && !model ? fieldChecks(p.getType()) : List.of();
      parameters.add(new Check(p.getName(), rules(p.getAnnotations()), fields, Function.identity(), model));
    }
    return List.copyOf(parameters);
  }

  private static List<Check> fieldChecks(Class<?> type) {
    List<Check> fields = new ArrayList<>();
    for (Field f : type.getDeclaredFields()) {
      List<Function<Object, String>> rules = rules(f.getAnnotations());
      if (!rules.isEmpty()) {
        f.setAccessible(true);
        fields.add(new Check(f.getName(), rules, List.of(), target -> {
          try {
            return f.get(target);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }, false));
      }
    }
    return List.copyOf(fields);
  }

  static List<Function<Object, String>> rules(Annotation[] annotations) {
    List<Function<Object, String>> rules = new ArrayList<>();
    for (Annotation a : annotations) {
      if (a instanceof NotNull) {
        rules.add(v -> v == null ? "must not be null" : null);
      } else if (a instanceof Size) {
        int min = ((Size) a).min();
        int max = ((Size) a).max();
        rules.add(v -> {
          int size = v instanceof CharSequence ? ((CharSequence) v).length()
              : v instanceof Collection ? ((Collection<?>) v).size() : -1;
          return size >= 0 && (size < min || size > max) ? "size must be between " + min + " and " + max : null;
        });
      } else if (a instanceof Pattern) {
        String regexp = ((Pattern) a).regexp();
        java.util.regex.Pattern compiled = java.util.regex.Pattern.compile(regexp);
        rules.add(v -> v instanceof CharSequence && !compiled.matcher((CharSequence) v).matches()
            ? "must match \"" + regexp + "\"" : null);
      } else if (a instanceof Min) {
        long min = ((Min) a).value();
        rules.add(v -> v instanceof Number && ((Number) v).longValue() < min
            ? "must be greater than or equal to " + min : null);
      } else if (a instanceof Max) {
        long max = ((Max) a).value();
        rules.add(v -> v instanceof Number && ((Number) v).longValue() > max
            ? "must be less than or equal to " + max : null);
      } else if (a instanceof DecimalMin) {
        BigDecimal min = new BigDecimal(((DecimalMin) a).value());
        boolean inclusive = ((DecimalMin) a).inclusive();
        rules.add(v -> v instanceof Number && new BigDecimal(v.toString()).compareTo(min) < (inclusive ? 0 : 1)
            ? "must be greater than " + (inclusive ? "or equal to " : "") + min : null);
      } else if (a instanceof DecimalMax) {
        BigDecimal max = new BigDecimal(((DecimalMax) a).value());
        boolean inclusive = ((DecimalMax) a).inclusive();
        rules.add(v -> v instanceof Number && new BigDecimal(v.toString()).compareTo(max) > (inclusive ? 0 : -1)
            ? "must be less than " + (inclusive ? "or equal to " : "") + max : null);
      } else if (a.annotationType().getPackageName().equals("jakarta.validation.constraints")) {
        throw new IllegalStateException("The argument checks do not know the constraint @"
            + a.annotationType().getSimpleName() + ": add it to " + ArgumentChecks.class.getName());
      }
    }
    return List.copyOf(rules);
  }

  static String describe(Object value) {
    return SafeText.escapeControls(value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value));
  }
}
