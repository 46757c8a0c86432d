package io.github.realtimekit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code serve} in a JVM of its own, as a user runs it: started with this JVM's class path, its
 * standard error kept line by line, its URL read from the startup line; stopped with SIGTERM
 * ({@link #terminate()}) or SIGKILL ({@link #kill()}).
 */
final class ServeProcess implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  final Process process;
  final List<String> errLines = Collections.synchronizedList(new ArrayList<>());
  private final CompletableFuture<URI> url = new CompletableFuture<>();

  private ServeProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
          StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          errLines.add(line);
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            url.complete(URI.create(m.group(1)));
          }
        }
      } catch (IOException ended) {
        // The process is gone.
      }
      url.completeExceptionally(new IllegalStateException("serve ended before listening: " + errLines));
    }, "serve-stderr");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code serve --dir DIR --listen 127.0.0.1:0 --public-key PEM} against an API, with more arguments. */
  static ServeProcess start(String apiBaseUrl, Path dir, Path pem, String... more) throws IOException {
    return startWithHeap("256m", apiBaseUrl, dir, pem, more);
  }

  /** As {@link #start}, in a heap of this size ({@code -Xmx}). */
  static ServeProcess startWithHeap(String heap, String apiBaseUrl, Path dir, Path pem, String... more)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), RecordingsCli.class.getName(),
        "serve", "--dir", dir.toString(), "--listen", "127.0.0.1:0", "--public-key", pem.toString(),
        "--base-url", apiBaseUrl, "--token", Cli.TOKEN, "--account", Cli.ACCOUNT, "--app", Cli.APP,
        "--max-retries", "0"));
    command.addAll(List.of(more));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().remove("REALTIMEKIT_BASE_URL");
    return new ServeProcess(builder.start());
  }

  /** The webhook URL, once it listens. */
  URI url() throws Exception {
    return url.get(60, TimeUnit.SECONDS);
  }

  /** SIGTERM, and its exit code. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("serve did not stop on SIGTERM: " + errLines);
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown of any kind. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
