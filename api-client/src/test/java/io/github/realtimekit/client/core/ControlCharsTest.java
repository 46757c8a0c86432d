package io.github.realtimekit.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ControlCharsTest {

  /** Every character class the escaper knows, once each, between letters. */
  private static final String MIXED = "a\tb\nc\rd\u0000e\u001bf\u007fg\u0080h\u009bi\u2028j\u2029k\u202al\u202em"
      + "\u2066n\u2069o";

  @Test
  void theSetIsC0DelC1TheLineSeparatorsAndTheBidiControls() {
    for (int c = 0; c <= 0xffff; c++) {
      boolean expected = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029
          || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
      assertEquals(expected, ControlChars.isControl(c), "U+" + Integer.toHexString(c));
    }
  }

  @Test
  void escapeLeavesNoControlCharacterNotEvenATab() {
    assertEquals("a\\u0009b\\u000Ac\\u000Dd\\u0000e\\u001Bf\\u007Fg\\u0080h\\u009Bi\\u2028j\\u2029k\\u202Al"
        + "\\u202Em\\u2066n\\u2069o", ControlChars.escape(MIXED));
  }

  @Test
  void escapeKeepingTabsKeepsOnlyTheTab() {
    assertEquals("a\tb\\u000Ac\\u000Dd\\u0000e\\u001Bf\\u007Fg\\u0080h\\u009Bi\\u2028j\\u2029k\\u202Al"
        + "\\u202Em\\u2066n\\u2069o", ControlChars.escapeKeepingTabs(MIXED));
  }

  @Test
  void escapeKeepingLinesKeepsTabsLineFeedsAndCrlfButNotALoneCarriageReturn() {
    assertEquals("a\tb\nc\\u000Dd\\u0000e\\u001Bf\\u007Fg\\u0080h\\u009Bi\\u2028j\\u2029k\\u202Al"
        + "\\u202Em\\u2066n\\u2069o", ControlChars.escapeKeepingLines(MIXED));
    assertEquals("one\r\ntwo\n\nthree\\u000D\r\n", ControlChars.escapeKeepingLines("one\r\ntwo\n\nthree\r\r\n"));
    assertEquals("\n", ControlChars.escapeKeepingLines("\n"));
    assertEquals("", ControlChars.escapeKeepingLines(""));
  }

  @Test
  void hexIsUpperCaseAndFourDigits() {
    assertEquals("\\u001F\\u009F\\u202E", ControlChars.escape("\u001f\u009f\u202e"));
  }

  @Test
  void plainTextComesBackAsItIsAndNullAsTheWordNull() {
    String plain = "plain text, ünïcode, \u00a0, \u200b, \ud83d\ude00, \\u001B";
    assertSame(plain, ControlChars.escape(plain));
    assertSame(plain, ControlChars.escapeKeepingTabs(plain));
    assertEquals(plain, ControlChars.escapeKeepingLines(plain));
    assertEquals("null", ControlChars.escape(null));
    assertEquals("null", ControlChars.escapeKeepingTabs(null));
    assertEquals("null", ControlChars.escapeKeepingLines(null));
  }

  @Test
  void theOutputHasNoCharacterTheEscaperWouldEscape() {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x3000; c++) {
      every.append(c);
    }
    String out = ControlChars.escape(every.toString());
    assertTrue(out.chars().noneMatch(ControlChars::isControl), out);
    assertEquals(out, ControlChars.escape(out), "escaping twice changes nothing more");
    assertFalse(ControlChars.escapeKeepingLines(every.toString()).contains("\r"), "a lone CR never survives");
  }
}
