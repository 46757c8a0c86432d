package io.github.realtimekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the tool in this process with an injected environment and captures what it prints. */
final class Cli {

  static final String TOKEN = "cf-test-token-0123456789abcdef";
  static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  static final String APP = "9a7806061c88ada191ed06f989cc3dac";

  private Cli() {
  }

  /** An environment with a token, account and app, as a real user would have. */
  static Map<String, String> realEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("CLOUDFLARE_API_TOKEN", TOKEN);
    env.put("CLOUDFLARE_ACCOUNT_ID", ACCOUNT);
    env.put("REALTIMEKIT_APP_ID", APP);
    return env;
  }

  /** Runs against a server at {@code baseUrl} with the credentials of {@link #realEnv()}. */
  static Result against(String baseUrl, String... args) {
    List<String> all = new ArrayList<>(List.of("--base-url", baseUrl));
    all.addAll(Arrays.asList(args));
    return run(realEnv(), all.toArray(String[]::new));
  }

  static Result run(Map<String, String> env, String... args) {
    return runOn(Terminal.NONE, env, args);
  }

  /** Runs with output to a terminal like this one. */
  static Result runOn(Terminal terminal, Map<String, String> env, String... args) {
    return runWith(Commands.standard(), "", terminal, env, args);
  }

  /** Runs with these commands, this text on standard input, and output to a terminal like this one. */
  static Result runWith(Commands commands, String stdin, Terminal terminal, Map<String, String> env, String... args) {
    return runWith(commands, stdin, terminal, RunHooks.inProcess(java.time.Clock.systemUTC(),
        new java.util.concurrent.CompletableFuture<>()), env, args);
  }

  /** Runs with these hooks: the built-in mock's clock, and what stops {@code mock}. */
  static Result runWith(RunHooks hooks, Map<String, String> env, String... args) {
    return runWith(Commands.standard(), "", Terminal.NONE, hooks, env, args);
  }

  private static Result runWith(Commands commands, String stdin, Terminal terminal, RunHooks hooks,
      Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = RecordingsCli.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e, env, terminal,
          commands, hooks, args);
    }
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** What a run left behind. */
  record Result(int exitCode, String out, String err) {

    List<String> outLines() {
      return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
    }

    List<String> errLines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
    }

    /** Each line of standard output, parsed as JSON. */
    List<JsonNode> jsonLines() {
      ObjectMapper mapper = new ObjectMapper();
      List<JsonNode> nodes = new ArrayList<>();
      for (String line : outLines()) {
        try {
          nodes.add(mapper.readTree(line));
        } catch (java.io.IOException e) {
          throw new UncheckedIOException("not a line of JSON: " + line, e);
        }
      }
      return nodes;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
