package io.github.realtimekit.cli;

import io.github.realtimekit.cli.generated.OperationCommands;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.HelpCommand;

/**
 * The tool's commands by name, each with the line the top-level help lists for it (the command's own
 * description): first the hand-written ones, then one per operation of the spec whose name is not
 * taken by a hand-written one, then {@code help}. A command's class is loaded only when
 * {@link #create(String)} builds it, so start-up does not grow with the number of operations.
 */
final class Commands {

  private static final String HELP = "help";
  private static final Commands STANDARD = standardCommands();

  private final Map<String, String> summaries;
  private final Function<String, Object> factory;

  private Commands(Map<String, String> summaries, Function<String, Object> factory) {
    this.summaries = Collections.unmodifiableMap(summaries);
    this.factory = factory;
  }

  /**
   * Returns the tool's commands.
   *
   * @return the hand-written commands, one per further operation of the spec, and {@code help}
   */
  static Commands standard() {
    return STANDARD;
  }

  private static Commands standardCommands() {
    Map<String, String> summaries = new LinkedHashMap<>();
    summaries.put("list", ListCommand.SUMMARY);
    summaries.put("get", GetCommand.SUMMARY);
    summaries.put("download", DownloadCommand.SUMMARY);
    summaries.put("archive", ArchiveCommand.SUMMARY);
    summaries.put("mock", MockCommand.SUMMARY);
    summaries.put("serve", ServeCommand.SUMMARY);
    summaries.put(HELP, "Display help information about the specified command.");
    return withOperations(new Commands(summaries, Commands::handWritten));
  }

  /**
   * Returns the commands generated from the spec alone, and {@code help}: each operation's own
   * command, also where a hand-written command of the same name takes its place in the tool.
   *
   * @return the generated commands
   */
  static Commands generated() {
    Map<String, String> summaries = new LinkedHashMap<>();
    summaries.put(HELP, "Display help information about the specified command.");
    return withOperations(new Commands(summaries, name -> name.equals(HELP) ? new HelpCommand() : null));
  }

  /** These commands and one per operation of the spec, unless its name is taken. */
  private static Commands withOperations(Commands commands) {
    Commands all = commands;
    for (Map.Entry<String, String> operation : OperationCommands.summaries().entrySet()) {
      String name = operation.getKey();
      all = all.with(name, operation.getValue(), () -> OperationCommands.create(name));
    }
    return all;
  }

  /** A hand-written command; its class is loaded only here, when it is needed. */
  private static Object handWritten(String name) {
    switch (name) {
      case "list":
        return new ListCommand();
      case "get":
        return new GetCommand();
      case "download":
        return new DownloadCommand();
      case "archive":
        return new ArchiveCommand();
      case "mock":
        return new MockCommand();
      case "serve":
        return new ServeCommand();
      case HELP:
        return new HelpCommand();
      default:
        return null;
    }
  }

  /**
   * Returns these commands with one more, listed before {@code help}; a name already taken keeps its
   * command.
   *
   * @param name the command's name
   * @param summary what the top-level help lists for it
   * @param command builds the command
   * @return the commands
   */
  Commands with(String name, String summary, Supplier<Object> command) {
    if (summaries.containsKey(name)) {
      return this;
    }
    Map<String, String> more = new LinkedHashMap<>(summaries);
    String help = more.remove(HELP);
    more.put(name, summary);
    if (help != null) {
      more.put(HELP, help);
    }
    Function<String, Object> previous = factory;
    return new Commands(more, n -> n.equals(name) ? command.get() : previous.apply(n));
  }

  /**
   * Returns each command's name and summary, in the order the help lists them.
   *
   * @return an unmodifiable map
   */
  Map<String, String> summaries() {
    return summaries;
  }

  /**
   * Tells whether a name is a command.
   *
   * @param name the name
   * @return true for a command
   */
  boolean has(String name) {
    return summaries.containsKey(name);
  }

  /**
   * Builds a command.
   *
   * @param name a name {@link #has(String)} knows
   * @return the command object, for picocli
   */
  Object create(String name) {
    Object command = summaries.containsKey(name) ? factory.apply(name) : null;
    if (command == null) {
      throw new IllegalArgumentException("No command " + name);
    }
    return command;
  }
}
