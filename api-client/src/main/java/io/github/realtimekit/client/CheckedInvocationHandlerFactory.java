package io.github.realtimekit.client;

import feign.InvocationHandlerFactory;
import feign.Target;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * Wraps every call of the Feign interface: first checks the arguments against the constraints the
 * spec puts on each parameter (carried by the generated interface), so a bad argument is refused
 * before anything is sent; then maps whatever the call throws to the client's typed exceptions.
 */
final class CheckedInvocationHandlerFactory implements InvocationHandlerFactory {

  private final ArgumentChecks checks = new ArgumentChecks();

  @Override
  public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
    InvocationHandler feign = new InvocationHandlerFactory.Default().create(target, dispatch);
    return (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return feign.invoke(proxy, method, args);
      }
      String operation = ErrorMappingClient.operation("#" + method.getName());
      checkArguments(operation, method, args);
      try {
        return feign.invoke(proxy, method, args);
      } catch (Error e) {
        throw e;
      } catch (Throwable t) {
        throw translate(operation, t);
      }
    };
  }

  /**
   * The client's exception for whatever a call threw: the pipeline throws the client's own
   * exceptions, which Feign may have wrapped (a decoder's failure is wrapped in a DecodeException).
   */
  static RealtimeKitException translate(String operation, Throwable thrown) {
    if (thrown instanceof RealtimeKitException) {
      return (RealtimeKitException) thrown;
    }
    if (thrown instanceof IllegalStateException) {
      throw (IllegalStateException) thrown;
    }
    if (thrown.getCause() instanceof RealtimeKitException) {
      return (RealtimeKitException) thrown.getCause();
    }
    return new RealtimeKitException(operation, "Unexpected failure calling " + operation + ": "
        + thrown.getClass().getName(), thrown);
  }

  private void checkArguments(String operation, Method method, Object[] args) {
    List<InvalidArgumentException.Violation> violations =
        checks.violations(method, args == null ? new Object[0] : args);
    if (!violations.isEmpty()) {
      throw new InvalidArgumentException(operation, violations);
    }
  }
}
