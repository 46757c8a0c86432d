package io.github.realtimekit.cli;

import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * What the tool knows about where its output goes: whether it is an interactive terminal, and how
 * many columns wide.
 */
final class Terminal {

  /** The width assumed when no other is known. */
  static final int DEFAULT_COLUMNS = 80;

  /** The narrowest usage help picocli lays out; on a narrower terminal the help's lines wrap. */
  static final int MIN_HELP_COLUMNS = 55;

  /** Fewer columns than this in {@code COLUMNS} is taken as a mistake. */
  private static final int MIN_COLUMNS = 20;

  /** Output that is not a terminal: a pipe or a file. Values are written whole. */
  static final Terminal NONE = new Terminal(false, DEFAULT_COLUMNS, true);

  private final boolean interactive;
  private final IntSupplier width;
  private final boolean unicode;
  private final boolean widthKnown;
  private int columns;

  /**
   * Creates a terminal of a known width.
   *
   * @param interactive whether standard output and standard error are a terminal: progress is
   *     redrawn in place, and the table is fitted to the width
   * @param columns the terminal's width in columns
   * @param unicode whether the terminal shows Unicode, so a cut value can end in an ellipsis character
   */
  Terminal(boolean interactive, int columns, boolean unicode) {
    this(interactive, () -> columns, true, unicode);
  }

  private Terminal(boolean interactive, IntSupplier width, boolean widthKnown, boolean unicode) {
    this.interactive = interactive;
    this.width = width;
    this.widthKnown = widthKnown;
    this.unicode = unicode;
  }

  /**
   * Returns what this process writes to. The width is the {@code COLUMNS} environment variable (the
   * launcher script sets it from the terminal), else what {@code stty size} says on the terminal, asked
   * only when a command needs the width, else 80.
   *
   * @param env the environment variables
   * @return the terminal
   */
  static Terminal detect(Map<String, String> env) {
    boolean interactive = isTerminal();
    boolean unicode = Charset.defaultCharset().equals(StandardCharsets.UTF_8)
        || utf8(env.get("LC_ALL")) || utf8(env.get("LC_CTYPE")) || utf8(env.get("LANG"));
    Integer columns = columns(env.get("COLUMNS"));
    if (columns != null || !interactive) {
      return new Terminal(interactive, columns == null ? DEFAULT_COLUMNS : columns, unicode);
    }
    return new Terminal(true, () -> {
      Integer stty = sttyColumns();
      return stty == null ? DEFAULT_COLUMNS : stty;
    }, false, unicode);
  }

  /**
   * Tells whether standard output and standard error are an interactive terminal.
   *
   * @return true on a terminal, false when redirected to a pipe or a file
   */
  boolean interactive() {
    return interactive;
  }

  /**
   * Returns the terminal's width.
   *
   * @return the width in columns, 20 or more
   */
  int columns() {
    if (columns == 0) {
      columns = width.getAsInt();
    }
    return columns;
  }

  private static boolean utf8(String locale) {
    return locale != null && locale.toUpperCase(Locale.ROOT).replace("-", "").contains("UTF8");
  }

  /**
   * Reads a width from the text of {@code COLUMNS}.
   *
   * @param text the variable's value; null when unset
   * @return the width, or null when unset or not a sensible number
   */
  static Integer columns(String text) {
    if (text == null) {
      return null;
    }
    try {
      int columns = Integer.parseInt(text.trim());
      return columns >= MIN_COLUMNS ? columns : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Returns the usage help's width: the terminal's when interactive and its width is known without
   * asking {@code stty} (help is to be quick), else 80; never less than {@value #MIN_HELP_COLUMNS},
   * the least picocli accepts.
   *
   * @return the width in columns
   */
  int helpColumns() {
    return interactive && widthKnown ? Math.max(MIN_HELP_COLUMNS, columns()) : DEFAULT_COLUMNS;
  }

  /**
   * Returns what ends a value cut to fit.
   *
   * @return {@code …}, or {@code ...} on a terminal that may not show it
   */
  String ellipsis() {
    return unicode ? "\u2026" : "...";
  }

  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // From Java 22, System.console() is not null on a redirected stream; isTerminal() tells.
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** Asks {@code stty} for the width of the controlling terminal; null when it cannot say. */
  private static Integer sttyColumns() {
    File tty = new File("/dev/tty");
    if (!tty.exists()) {
      return null;
    }
    try {
      Process stty = new ProcessBuilder("stty", "size").redirectInput(tty)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (InputStream in = stty.getInputStream()) {
        if (!stty.waitFor(1, TimeUnit.SECONDS)) {
          stty.destroyForcibly();
          return null;
        }
        String[] size = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
        return size.length == 2 ? columns(size[1]) : null;
      }
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
