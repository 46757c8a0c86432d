package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentChecksTest {

  interface Api {
    void call(@NotNull @Pattern(regexp = "^\\S+$") @Size(min = 1, max = 4) String id, @Min(0) @Max(9) Integer n,
        @DecimalMax("2.5") Double d, @NotNull @Valid Query query);

    void email(@Email String address);
  }

  static final class Query {
    @Min(1) final Integer pageNo;
    final Integer unchecked;

    Query(Integer pageNo) {
      this.pageNo = pageNo;
      this.unchecked = -1;
    }
  }

  final ArgumentChecks checks = new ArgumentChecks();

  List<String> violations(Object... args) throws Exception {
    Method call = Api.class.getMethod("call", String.class, Integer.class, Double.class, Query.class);
    return checks.violations(call, args).stream().map(Object::toString).toList();
  }

  @Test
  void passesWhatTheConstraintsAllow() throws Exception {
    assertEquals(List.of(), violations("ab", 0, 2.5, new Query(1)));
    assertEquals(List.of(), violations("ab", null, null, new Query(null)), "unset optional values pass");
  }

  @Test
  void namesEveryParameterRuleAndValueAsHibernateValidatorWould() throws Exception {
    assertEquals(List.of(
        "d must be less than or equal to 2.5 (was 2.6)",
        "id must match \"^\\S+$\" (was \" \\u001B \")",
        "n must be greater than or equal to 0 (was -1)",
        "pageNo must be greater than or equal to 1 (was 0)"), violations(" \u001b ", -1, 2.6, new Query(0)));
    assertEquals(List.of("id must match \"^\\S+$\" (was \"\")", "id size must be between 1 and 4 (was \"\")",
        "query must not be null (was null)"), violations("", 1, 1.0, null));
    assertEquals(List.of("id must not be null (was null)", "n must be less than or equal to 9 (was 10)"),
        violations(null, 10, 1.0, new Query(1)));
  }

  @Test
  void refusesAConstraintItDoesNotKnow() throws Exception {
    Method email = Api.class.getMethod("email", String.class);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> checks.violations(email, new Object[] {"x"}));
    assertTrue(e.getMessage().startsWith("The argument checks do not know the constraint @Email"), e.getMessage());
  }
}
