package io.github.realtimekit.contract;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.realtimekit.client.Page;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.Response;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Calls an operation through {@link RealtimeKitClient} by the client's naming contract, found by
 * reflection from a {@link SpecOperation}: {@code nWithResponse(pathArgs...[, NQuery])} for one
 * value, {@code nPageWithResponse(pathArgs..., NQuery)} and the auto-pager
 * {@code n(pathArgs..., NQuery)} for a list. Path arguments are the samples the stub expects, the
 * query is {@code NQuery.none()}, a request body is the spec's example.
 */
final class OperationCalls {

  private OperationCalls() {
  }

  /** The operation's single call with its response: one page for a list operation. */
  static Response<?> withResponse(RealtimeKitClient client, SpecOperation op) {
    return withResponse(client, op, op.requestBodyExample());
  }

  /** The operation's single call with this request body (JSON, converted to the body's model). */
  static Response<?> withResponse(RealtimeKitClient client, SpecOperation op, JsonNode body) {
    String name = op.javaName() + (op.paged() ? "PageWithResponse" : "WithResponse");
    Object result = invoke(client, name, op, body);
    if (!(result instanceof Response<?> response)) {
      throw new AssertionError(name + " returned " + result + ", not a Response");
    }
    return response;
  }

  /** A list operation's auto-pager. */
  static Iterable<?> pager(RealtimeKitClient client, SpecOperation op) {
    Object result = invoke(client, op.javaName(), op, op.requestBodyExample());
    if (!(result instanceof Iterable<?> pager)) {
      throw new AssertionError(op.javaName() + " returned " + result + ", not an Iterable");
    }
    return pager;
  }

  /** The items of a page. */
  static List<?> items(Object page) {
    return ((Page<?>) page).getItems();
  }

  /** Calls a method, rethrowing what it throws as it was thrown. */
  private static Object invoke(RealtimeKitClient client, String name, SpecOperation op, JsonNode body) {
    Method method = find(name, op);
    try {
      return method.invoke(client, arguments(method, op, body));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new AssertionError(name + " threw", e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError("Cannot call " + name, e);
    }
  }

  /** The public method named so that takes the operation's arguments: path args, body, query. */
  static Method find(String name, SpecOperation op) {
    int count = op.argumentParams().size() + (op.requestBodyExample() != null ? 1 : 0) + (op.hasQuery() ? 1 : 0);
    List<Method> candidates = Arrays.stream(RealtimeKitClient.class.getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == count)
        .toList();
    if (candidates.size() != 1) {
      throw new AssertionError("RealtimeKitClient should have one public " + name + " with " + count
          + " parameters for " + op.label() + ", has " + candidates);
    }
    return candidates.get(0);
  }

  private static Object[] arguments(Method method, SpecOperation op, JsonNode body) {
    Class<?>[] types = method.getParameterTypes();
    List<Object> args = new ArrayList<>();
    int i = 0;
    for (SpecOperation.PathParam param : op.argumentParams()) {
      args.add(convert(param.sampleText(), types[i++], op));
    }
    if (op.requestBodyExample() != null) {
      args.add(ExampleAssertions.MAPPER.convertValue(body, types[i++]));
    }
    if (op.hasQuery()) {
      args.add(noQuery(types[i], op));
    }
    return args.toArray();
  }

  /** {@code NQuery.none()}, checking that the query class is named after the operation. */
  private static Object noQuery(Class<?> type, SpecOperation op) {
    String expected = op.pascalName() + "Query";
    if (!type.getSimpleName().equals(expected)) {
      throw new AssertionError(op.label() + " takes a " + type.getName() + ", not a " + expected);
    }
    try {
      Method none = type.getMethod("none");
      if (!Modifier.isStatic(none.getModifiers())) {
        throw new AssertionError(type.getName() + ".none() is not static");
      }
      return none.invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(type.getName() + " has no public static none()", e);
    }
  }

  /** A path parameter's sample as the method's parameter type. */
  private static Object convert(String text, Class<?> type, SpecOperation op) {
    if (type == String.class) {
      return text;
    }
    if (type == UUID.class) {
      return UUID.fromString(text);
    }
    if (type == Integer.class || type == int.class) {
      return Integer.valueOf(text);
    }
    if (type == Long.class || type == long.class) {
      return Long.valueOf(text);
    }
    if (type == Boolean.class || type == boolean.class) {
      return Boolean.valueOf(text);
    }
    try {
      return type.getMethod("fromValue", String.class).invoke(null, text);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(op.label() + ": cannot pass path argument " + text + " as a " + type.getName(), e);
    }
  }
}
