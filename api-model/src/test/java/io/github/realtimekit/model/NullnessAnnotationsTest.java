package io.github.realtimekit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSpecify annotations are in the compiled classes, exactly where the spec makes a property optional or nullable. */
class NullnessAnnotationsTest {

  @Test
  void thePackageIsNullMarked() {
    assertTrue(Recording.class.getPackage().isAnnotationPresent(NullMarked.class));
  }

  @ParameterizedTest(name = "{0}.{1}() nullable: {2}")
  @CsvSource({
      "Recording, getId, false",
      "Recording, getStatus, false",
      "Recording, getInvokedTime, false",
      "Recording, getOutputFileName, false",
      "Recording, getDownloadUrl, true",          // required but nullable
      "Recording, getStoppedTime, true",          // required but nullable
      "Recording, getMeeting, true",              // optional
      "Recording, getStorageConfig, true",        // optional and nullable
      "Recording, getRecordingDuration, true",    // optional
      "Meeting, getCreatedAt, false",
      "Meeting, getTitle, true",
      "Paging, getTotalCount, false",
      "ListRecordingsResponse, getData, false",
      "ListRecordingsResponse, getPaging, false",
      "GetRecordingResponse, getData, true",
      "StorageConfig, getType, false",
      "StorageConfig, getPassword, true",
      "ErrorEnvelope, getResult, true",
  })
  void gettersAreNullableExactlyWhereTheSpecSays(String model, String getter, boolean nullable) throws Exception {
    Method method = Class.forName("io.github.realtimekit.model." + model).getMethod(getter);

    assertEquals(nullable, method.getAnnotatedReturnType().isAnnotationPresent(Nullable.class));
  }

  @Test
  void builderSettersAndFieldsFollowTheGetters() throws Exception {
    Method status = Recording.Builder.class.getMethod("status", RecordingStatus.class);
    Method meeting = Recording.Builder.class.getMethod("meeting", Meeting.class);

    assertEquals(false, status.getAnnotatedParameterTypes()[0].isAnnotationPresent(Nullable.class));
    assertEquals(true, meeting.getAnnotatedParameterTypes()[0].isAnnotationPresent(Nullable.class));
    assertEquals(true, Recording.class.getDeclaredField("meeting").getAnnotatedType().isAnnotationPresent(Nullable.class));
    assertEquals(false, Recording.class.getDeclaredField("status").getAnnotatedType().isAnnotationPresent(Nullable.class));
  }

  @Test
  void listItemsAreNotNullable() throws Exception {
    AnnotatedType data = ListRecordingsResponse.class.getMethod("getData").getAnnotatedReturnType();
    AnnotatedType item = ((AnnotatedParameterizedType) data).getAnnotatedActualTypeArguments()[0];

    assertEquals(List.class, ((java.lang.reflect.ParameterizedType) data.getType()).getRawType());
    assertEquals(false, item.isAnnotationPresent(Nullable.class));
  }

  @Test
  void aListOfModelsCascadesValidationThroughItsItemsNotOnTheGetter() throws Exception {
    Method getData = ListRecordingsResponse.class.getMethod("getData");
    AnnotatedType item = ((AnnotatedParameterizedType) getData.getAnnotatedReturnType()).getAnnotatedActualTypeArguments()[0];

    assertFalse(getData.isAnnotationPresent(jakarta.validation.Valid.class));
    assertEquals(1, item.getAnnotations().length);
    assertTrue(item.isAnnotationPresent(jakarta.validation.Valid.class));
  }
}
