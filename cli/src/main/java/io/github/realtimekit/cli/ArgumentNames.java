package io.github.realtimekit.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Names a parameter of the client the way the user typed it: the client reports a broken rule by the
 * Java name of its parameter ({@code pageNo}, {@code recordingId}), which the tool turns into the
 * option or argument that set it ({@code --page-no}, {@code RECORDING_ID}). Commands follow one rule,
 * so no table per command is kept: a path parameter is the positional argument labelled with its name
 * in upper snake case, and any other parameter, a query parameter or a field of a request body, is
 * the option named after it in kebab case. The client's settings are the global options.
 */
final class ArgumentNames {

  /** The client builder's settings, as the global options that set them are called. */
  static final Map<String, String> SETTINGS = Map.of(
      "accountId", "--account",
      "appId", "--app",
      "baseUrl", "--base-url",
      "apiToken", "--token");

  private ArgumentNames() {
  }

  /**
   * Returns the name a command's user knows a client parameter by.
   *
   * @param command the command that ran; null for none
   * @param javaName the parameter's Java name, such as {@code pageNo}
   * @return {@code RECORDING_ID}, {@code --page-no}, {@code --account}, or {@code javaName} itself
   *     when the command has no such argument
   */
  static String of(CommandSpec command, String javaName) {
    String setting = SETTINGS.get(javaName);
    if (setting != null) {
      return setting;
    }
    if (command != null) {
      String label = upperSnake(javaName);
      for (PositionalParamSpec positional : command.positionalParameters()) {
        if (positional.paramLabel().equals(label)) {
          return label;
        }
      }
      String option = "--" + kebab(javaName);
      if (command.findOption(option) != null) {
        return option;
      }
    }
    return javaName;
  }

  /**
   * {@code recordingId} → {@code recording-id}.
   *
   * @param javaName a lowerCamelCase name
   * @return the kebab-case name
   */
  static String kebab(String javaName) {
    return words(javaName, '-').toLowerCase(Locale.ROOT);
  }

  /**
   * {@code recordingId} → {@code RECORDING_ID}.
   *
   * @param javaName a lowerCamelCase name
   * @return the upper snake case name
   */
  static String upperSnake(String javaName) {
    return words(javaName, '_').toUpperCase(Locale.ROOT);
  }

  private static String words(String javaName, char separator) {
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      boolean boundary = i > 0 && Character.isUpperCase(c)
          && (Character.isLowerCase(javaName.charAt(i - 1)) || Character.isDigit(javaName.charAt(i - 1))
              || (i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1))));
      if (boundary) {
        out.append(separator);
      }
      out.append(c);
    }
    return out.toString();
  }
}
