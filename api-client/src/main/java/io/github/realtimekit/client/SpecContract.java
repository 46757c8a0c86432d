package io.github.realtimekit.client;

import feign.Contract;
import feign.MethodMetadata;
import feign.Param;
import feign.RequestLine;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import java.lang.reflect.Method;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feign's default contract, plus how the generated interface's values are written into a request:
 * a path parameter is always exactly one path segment, and a date-time is RFC 3339.
 *
 * <p>Every character of a path parameter but the unreserved ones of RFC 3986 is percent-encoded, so
 * the server receives exactly the caller's string as one segment ({@code /} as {@code %2F},
 * {@code %} as {@code %25}); {@code .} and {@code ..}, which a server or proxy would resolve as
 * path steps, are refused as invalid arguments before anything is sent.
 */
final class SpecContract extends Contract.Default {

  private final OperationIndex operations;

  SpecContract(OperationIndex operations) {
    this.operations = operations;
  }

  @Override
  protected MethodMetadata parseAndValidateMetadata(Class<?> targetType, Method method) {
    MethodMetadata metadata = super.parseAndValidateMetadata(targetType, method);
    String line = method.getAnnotation(RequestLine.class).value();
    int query = line.indexOf('?');
    String path = query < 0 ? line : line.substring(0, query);
    String operation = operations.forMethod(method.getName()).getName();
    Map<Integer, Param.Expander> expanders = new HashMap<>();
    for (Map.Entry<Integer, Collection<String>> param : metadata.indexToName().entrySet()) {
      String name = param.getValue().iterator().next();
      if (path.contains("{" + name + "}")) {
        expanders.put(param.getKey(), new PathSegmentExpander(operation, name));
      } else if (method.getParameterTypes()[param.getKey()] == OffsetDateTime.class) {
        expanders.put(param.getKey(), new Rfc3339Expander());
      }
    }
    metadata.indexToExpander(expanders);
    return metadata;
  }

  /** Percent-encodes one path segment; refuses the dot segments. */
  static final class PathSegmentExpander implements Param.Expander {
    private final String operation;
    private final String parameter;

    PathSegmentExpander(String operation, String parameter) {
      this.operation = operation;
      this.parameter = parameter;
    }

    @Override
    public String expand(Object value) {
      String text = value.toString();
      if (text.equals(".") || text.equals("..")) {
        throw new InvalidArgumentException(operation, List.of(new InvalidArgumentException.Violation(parameter,
            "must not be \".\" or \"..\", which would not stay one path segment", "\"" + text + "\"")));
      }
      return encode(text);
    }

    static String encode(String text) {
      return OperationCall.encode(text);
    }
  }
}
