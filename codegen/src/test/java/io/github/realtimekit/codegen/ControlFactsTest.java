package io.github.realtimekit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ControlFactsTest {

  @Test
  void textBecomesTheInsideOfAJavaStringLiteral() {
    assertEquals("No active recording", ControlFacts.javaString("No active recording"));
    assertEquals("say \\\"none\\\" \\\\ done", ControlFacts.javaString("say \"none\" \\ done"));
    assertEquals("line\\012next\\000", ControlFacts.javaString("line\nnext\0"));
  }
}
