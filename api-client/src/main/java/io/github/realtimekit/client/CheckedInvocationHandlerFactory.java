package io.github.realtimekit.client;

import feign.InvocationHandlerFactory;
import feign.Target;
import io.github.realtimekit.client.core.ErrorMapper;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * Wraps every call of the Feign interface: first checks the arguments against the constraints the
 * spec puts on each parameter (carried by the generated interface), so a bad argument is refused
 * before anything is sent; then hands whatever the call throws to {@link ErrorMapper#translate}. The
 * operation's name is looked up only when a message needs it.
 */
final class CheckedInvocationHandlerFactory implements InvocationHandlerFactory {

  private final ArgumentChecks checks = new ArgumentChecks();
  private final OperationIndex operations;

  CheckedInvocationHandlerFactory(OperationIndex operations) {
    this.operations = operations;
  }

  @Override
  public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
    InvocationHandler feign = new InvocationHandlerFactory.Default().create(target, dispatch);
    return (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return feign.invoke(proxy, method, args);
      }
      List<InvalidArgumentException.Violation> violations =
          checks.violations(method, args == null ? new Object[0] : args);
      if (!violations.isEmpty()) {
        throw new InvalidArgumentException(operations.forMethod(method.getName()).getName(), violations);
      }
      try {
        return feign.invoke(proxy, method, args);
      } catch (Throwable t) {
        throw ErrorMapper.translate(operations.forMethod(method.getName()).getName(), t);
      }
    };
  }
}
