package io.github.realtimekit.cli;

import io.github.realtimekit.model.RecordingSortBy;
import io.github.realtimekit.model.RecordingStatusFilter;
import io.github.realtimekit.model.SortOrder;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts option values, with messages that say what was expected. The values of the API's
 * enumerations come from the model classes, so from the spec.
 */
final class Converters {

  private Converters() {
  }

  /** A UUID, such as {@code 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e}. */
  static final class Uuid implements ITypeConverter<UUID> {
    @Override
    public UUID convert(String value) {
      String v = value.trim();
      // UUID.fromString accepts abbreviations such as 1-2-3-4-5; the API's ids are written out in full.
      if (!v.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
        throw new TypeConversionException(
            "'" + value + "' is not a UUID (expected 8-4-4-4-12 hex digits, such as 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e)");
      }
      return UUID.fromString(v);
    }
  }

  /** An ISO-8601 date-time with an offset. */
  static final class DateTime implements ITypeConverter<OffsetDateTime> {
    @Override
    public OffsetDateTime convert(String value) {
      try {
        return OffsetDateTime.parse(value.trim());
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not an ISO-8601 date-time with an offset "
            + "(such as 2024-01-01T10:00:00Z or 2024-01-01T10:00:00+05:30)");
      }
    }
  }

  /** A recording status the list can be filtered by; case does not matter. */
  static final class Status implements ITypeConverter<RecordingStatusFilter> {
    @Override
    public RecordingStatusFilter convert(String value) {
      return known(value, "a recording status", RecordingStatusFilter.knownValues(), RecordingStatusFilter::value);
    }
  }

  /** A field recordings can be sorted by; case does not matter. */
  static final class SortField implements ITypeConverter<RecordingSortBy> {
    @Override
    public RecordingSortBy convert(String value) {
      return known(value, "a field to sort by", RecordingSortBy.knownValues(), RecordingSortBy::value);
    }
  }

  /** A sort order; case does not matter. */
  static final class Order implements ITypeConverter<SortOrder> {
    @Override
    public SortOrder convert(String value) {
      return known(value, "a sort order", SortOrder.knownValues(), SortOrder::value);
    }
  }

  /** The statuses {@code --status} accepts, for the help text. */
  static final class StatusValues implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return RecordingStatusFilter.knownValues().stream().map(RecordingStatusFilter::value).iterator();
    }
  }

  /** The fields {@code --sort-by} accepts, for the help text. */
  static final class SortFieldValues implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return RecordingSortBy.knownValues().stream().map(RecordingSortBy::value).iterator();
    }
  }

  /** The orders {@code --sort-order} accepts, for the help text. */
  static final class OrderValues implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return SortOrder.knownValues().stream().map(SortOrder::value).iterator();
    }
  }

  /**
   * Registers, on a command built from the spec, the converters for the types its arguments have:
   * UUIDs and date-times as {@link Uuid} and {@link DateTime} read them, and each of the API's
   * enumerations (a model class with {@code knownValues()} and {@code value()}) by its known values,
   * case ignored. Converters an argument names itself win.
   *
   * @param command the command
   */
  static void registerFor(CommandLine command) {
    command.registerConverter(UUID.class, new Uuid());
    command.registerConverter(OffsetDateTime.class, new DateTime());
    for (ArgSpec arg : command.getCommandSpec().args()) {
      List<Class<?>> types = new ArrayList<>(List.of(arg.auxiliaryTypes()));
      types.add(arg.type());
      for (Class<?> type : types) {
        registerKnownValues(command, type);
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void registerKnownValues(CommandLine command, Class<?> type) {
    Method knownValues;
    Method valueOf;
    try {
      knownValues = type.getMethod("knownValues");
      valueOf = type.getMethod("value");
    } catch (NoSuchMethodException e) {
      return;
    }
    if (!Modifier.isStatic(knownValues.getModifiers()) || !List.class.isAssignableFrom(knownValues.getReturnType())) {
      return;
    }
    String what = "a value of " + type.getSimpleName();
    command.registerConverter((Class) type, value -> {
      try {
        return known(value, what, (List<Object>) knownValues.invoke(null), v -> {
          try {
            return (String) valueOf.invoke(v);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        });
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static <T> T known(String value, String what, List<T> known, Function<T, String> valueOf) {
    String v = value.trim();
    for (T candidate : known) {
      if (valueOf.apply(candidate).equalsIgnoreCase(v)) {
        return candidate;
      }
    }
    throw new TypeConversionException("'" + value + "' is not " + what + "; expected one of "
        + known.stream().map(valueOf).collect(Collectors.joining(", ")));
  }

  /**
   * Parses a number of seconds, such as {@code 30} or {@code 2.5}.
   *
   * @param value the text
   * @return the seconds, from 0.001 to 86400 (a day)
   */
  static double positiveSeconds(String value) {
    try {
      double seconds = Double.parseDouble(value.trim());
      if (seconds >= 0.001 && seconds <= 86_400) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new TypeConversionException("'" + value + "' is not a number of seconds from 0.001 to 86400");
  }

  /** A positive number of seconds; see {@link #positiveSeconds(String)}. */
  static final class Seconds implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      return positiveSeconds(value);
    }
  }

  /** A whole number, 0 or more. */
  static final class NonNegative implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int n = Integer.parseInt(value.trim());
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // Reported below.
      }
      throw new TypeConversionException("'" + value + "' is not a whole number, 0 or more");
    }
  }

  /** A whole number, 1 or more: a page, or a page's size, as the spec's {@code minimum} allows. */
  static final class Positive implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int n = Integer.parseInt(value.trim());
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException e) {
        // Reported below.
      }
      throw new TypeConversionException("'" + value + "' is not a whole number, 1 or more");
    }
  }

  /** {@code true} or {@code false}, in any case. */
  static final class TrueOrFalse implements ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
      if ("true".equalsIgnoreCase(value.trim())) {
        return Boolean.TRUE;
      }
      if ("false".equalsIgnoreCase(value.trim())) {
        return Boolean.FALSE;
      }
      throw new TypeConversionException("'" + value + "': expected true or false");
    }
  }
}
