package io.github.realtimekit.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Where the token is masked: anywhere when it is long enough, only where it stands alone when short. */
class SafeTextTest {

  @Test
  void aTokenOfEightCharactersOrMoreIsMaskedWherever() {
    SafeText safe = new SafeText("abcdefgh");
    assertEquals("x***y https://h/***/z Bearer ***", safe.clean("xabcdefghy https://h/abcdefgh/z Bearer abcdefgh"));
    assertTrue(safe.containsSecret("xabcdefghy"));
  }

  @Test
  void aShorterTokenIsMaskedOnlyWhereItStandsAlone() {
    SafeText safe = new SafeText("t");
    assertEquals("***", safe.clean("t"));
    assertEquals("Bearer ***", safe.clean("Bearer t"));
    assertEquals("{\"token\":\"***\"} (***) [***] <***> a,***;b", safe.clean("{\"token\":\"t\"} (t) [t] <t> a,t;b"));
    assertEquals("token ***\t***", safe.clean("token t\tt"));
    String untouched = "http://127.0.0.1:8080/client/v4/t/x?t=t&u=t-t Retry-After tt t.t t:t";
    assertEquals(untouched, safe.clean(untouched));
    assertTrue(safe.containsSecret("Bearer t"));
    assertFalse(safe.containsSecret("http://127.0.0.1/t"));
  }

  @Test
  void noTokenMasksNothingButControlsAreEscapedAlways() {
    assertEquals("a\\u001Bb", new SafeText("").clean("a\u001bb"));
    assertEquals("*** \\u001B[2J", new SafeText("3").clean("3 \u001b[2J"));
    assertEquals("3\\u001B", new SafeText("3").clean("3\u001b"), "a control character is no delimiter");
  }
}
