package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** Strict mode needs Hibernate Validator, an optional dependency: without it, a clear error saying what to add. */
class StrictModeOptionalTest {

  @Test
  void withoutHibernateValidatorStrictModeSaysWhatToAdd() throws Exception {
    try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClientRuntime.validator(bare));
      assertEquals("strictResponses: Hibernate Validator is not on the class path; add "
          + "org.hibernate.validator:hibernate-validator (9.x, the version the client's BOM names) to use "
          + "strictResponses", e.getMessage());
    }
  }

  @Test
  void withItStrictModeValidates() {
    assertNotNull(ClientRuntime.validator(ClientRuntime.class.getClassLoader()));
  }
}
