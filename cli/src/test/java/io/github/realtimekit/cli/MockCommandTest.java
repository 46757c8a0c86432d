package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code mock}: the mock on its own, for any client, until stopped. */
class MockCommandTest {

  private static final Pattern STARTUP = Pattern.compile("REALTIMEKIT_BASE_URL=(http://127\\.0\\.0\\.1:(\\d+)/client/v4) "
      + "CLOUDFLARE_ACCOUNT_ID=mock-account REALTIMEKIT_APP_ID=mock-app CLOUDFLARE_API_TOKEN=mock-token");
  private static final String MEETING = "97440c6a-140b-40a9-9499-b23fd7a3868a";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void printsWhereItListensServesAnyClientAndStopsCleanly() throws Exception {
    CompletableFuture<Void> stop = new CompletableFuture<>();
    PipedInputStream pipe = new PipedInputStream();
    PipedOutputStream piped = new PipedOutputStream(pipe);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
      try (PrintStream out = new PrintStream(piped, true, StandardCharsets.UTF_8)) {
        return RecordingsCli.run(new ByteArrayInputStream(new byte[0]), out,
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Terminal.NONE, Commands.standard(),
            RunHooks.inProcess(Clock.systemUTC(), stop), "mock", "--listen", "127.0.0.1:0");
      }
    });
    BufferedReader lines = new BufferedReader(new InputStreamReader(pipe, StandardCharsets.UTF_8));
    String startup = lines.readLine();
    Matcher m = STARTUP.matcher(startup == null ? "" : startup);
    assertTrue(m.matches(), startup + " / " + err);
    String baseUrl = m.group(1);

    HttpClient http = HttpClient.newHttpClient();
    String recordings = baseUrl + "/accounts/mock-account/realtime/kit/mock-app/recordings";
    HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(recordings))
        .header("Authorization", "Bearer anything").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"meeting_id\":\"" + MEETING + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, started.statusCode(), started.body());
    String id = JSON.readTree(started.body()).at("/data/id").asText();
    Cli.Result active = Cli.against(baseUrl, "active", "--meeting", MEETING, "--json");
    assertEquals(0, active.exitCode(), active.toString());
    assertEquals(id, active.jsonLines().get(0).get("id").asText(), "the tool, pointed at it, sees what curl started");

    stop.complete(null);
    assertEquals(ExitCode.OK, exit.get(30, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString(StandardCharsets.UTF_8).endsWith("realtimekit-recordings: the mock stopped" + System.lineSeparator()),
        err.toString(StandardCharsets.UTF_8));
    assertThrows(ConnectException.class, () -> http.send(HttpRequest.newBuilder(URI.create(recordings)).build(),
        HttpResponse.BodyHandlers.ofString()), "the port is closed");
  }

  @Test
  void listensBeyondLoopbackOnlyWhenAllowed() {
    Cli.Result r = Cli.run(Map.of(), "mock", "--listen", "0.0.0.0:0");

    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("--listen 0.0.0.0:0 is not a loopback address"), r.err());
    assertTrue(r.err().contains("--allow-remote"), r.err());
  }

  @Test
  void aListenAddressThatIsNoHostAndPortIsAUsageError() {
    for (String listen : new String[] {"8791", "127.0.0.1:http", "127.0.0.1:70000", ":80"}) {
      Cli.Result r = Cli.run(Map.of(), "mock", "--listen", listen);

      assertEquals(ExitCode.USAGE, r.exitCode(), listen + ": " + r);
      assertTrue(r.err().contains("--listen must be HOST:PORT"), r.err());
    }
  }

  @Test
  void aPortInUseIsAFailureThatSaysSo() throws Exception {
    try (MockServer busy = MockServer.start()) {
      String port = busy.baseUrl().replaceAll(".*:(\\d+)/.*", "$1");
      Cli.Result r = Cli.run(Map.of(), "mock", "--listen", "127.0.0.1:" + port);

      assertEquals(ExitCode.FAILURE, r.exitCode(), r.toString());
      assertTrue(r.err().contains("Cannot listen on 127.0.0.1:" + port), r.err());
    }
  }
}
