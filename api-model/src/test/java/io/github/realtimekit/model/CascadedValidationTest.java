package io.github.realtimekit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Valid;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A list of models cascades with {@code List<@Valid T>}: Bean Validation deprecates {@code @Valid} on
 * the container, and Hibernate Validator warns about it (HV000271) on the user's console.
 */
class CascadedValidationTest {

  @Test
  void noListGetterCarriesValidOnTheContainer() {
    Set<String> onContainer = new TreeSet<>();
    for (Class<?> model : SecretsTest.MODELS) {
      for (Method getter : model.getDeclaredMethods()) {
        if (List.class.isAssignableFrom(getter.getReturnType()) && getter.isAnnotationPresent(Valid.class)) {
          onContainer.add(model.getSimpleName() + "." + getter.getName());
        }
      }
    }

    assertEquals(Set.of(), onContainer);
  }

  @Test
  void aListOfModelsCascadesThroughItsItems() throws NoSuchMethodException {
    for (Method getter : List.of(ListRecordingsResponse.class.getMethod("getData"),
        ErrorEnvelope.class.getMethod("getErrors"), ErrorEnvelope.class.getMethod("getMessages"))) {
      AnnotatedType item = ((AnnotatedParameterizedType) getter.getAnnotatedReturnType())
          .getAnnotatedActualTypeArguments()[0];
      assertTrue(item.isAnnotationPresent(Valid.class), getter + ": " + item);
    }
  }
}
