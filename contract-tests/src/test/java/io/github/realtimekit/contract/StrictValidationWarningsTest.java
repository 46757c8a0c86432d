package io.github.realtimekit.contract;

import io.github.realtimekit.client.RealtimeKitJson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.fixtures.SpecExamples;
import io.github.realtimekit.model.ErrorEnvelope;
import io.github.realtimekit.model.ListRecordingsResponse;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * Strict mode validates every response with Hibernate Validator, which logs through java.util.logging
 * to the user's stderr: reading the models' constraints must log no warning (such as HV000271, for
 * {@code @Valid} on a container).
 */
class StrictValidationWarningsTest {

  @Test
  void validatingTheModelsLogsNoWarning() throws Exception {
    Logger hibernate = Logger.getLogger("org.hibernate.validator");
    List<String> warnings = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(record.getLoggerName() + ": " + record.getMessage());
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    hibernate.addHandler(capture);
    // A factory of its own: constraints are read, and warned about, once per factory.
    try (ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
        .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
      Validator validator = factory.getValidator();
      var mapper = RealtimeKitJson.newObjectMapper();
      ListRecordingsResponse page = mapper.treeToValue(
          SpecExamples.pageOf(List.of(UUID.randomUUID(), UUID.randomUUID()), 1, 2), ListRecordingsResponse.class);
      ErrorEnvelope error = mapper.treeToValue(SpecExamples.example(SpecExamples.CLOUDFLARE_ERROR), ErrorEnvelope.class);

      assertEquals(0, validator.validate(page).size());
      assertEquals(0, validator.validate(error).size());
    } finally {
      hibernate.removeHandler(capture);
    }

    assertTrue(warnings.isEmpty(), "warnings: " + warnings);
  }
}
