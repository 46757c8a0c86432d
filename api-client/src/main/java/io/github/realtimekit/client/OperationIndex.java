package io.github.realtimekit.client;

import io.github.realtimekit.client.core.OperationDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated operations by the names of the generated Feign interface's methods: {@code x} and
 * {@code xWithResponse} for each operation {@code x}. Built once, from {@link Operations#all()}.
 */
final class OperationIndex {

  static final OperationIndex ALL = new OperationIndex(Operations.all());

  private static final String WITH_RESPONSE = "WithResponse";

  private final Map<String, OperationDescriptor> byMethod = new HashMap<>();

  OperationIndex(List<OperationDescriptor> operations) {
    for (OperationDescriptor operation : operations) {
      byMethod.put(operation.getName(), operation);
      byMethod.put(operation.getName() + WITH_RESPONSE, operation);
    }
  }

  /**
   * The operation a method of the Feign interface serves. A method the spec does not know (none is
   * generated so) gets a descriptor of its own name that is never retried as idempotent.
   */
  OperationDescriptor forMethod(String methodName) {
    OperationDescriptor known = byMethod.get(methodName);
    if (known != null) {
      return known;
    }
    String name = methodName.endsWith(WITH_RESPONSE)
        ? methodName.substring(0, methodName.length() - WITH_RESPONSE.length()) : methodName;
    return new OperationDescriptor(name, name, "GET", "", false, false);
  }
}
