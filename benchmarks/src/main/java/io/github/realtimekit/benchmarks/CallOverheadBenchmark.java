package io.github.realtimekit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.realtimekit.client.Page;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.RealtimeKitJson;
import io.github.realtimekit.client.ListRecordingsQuery;
import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.model.ListRecordingsResponse;
import io.github.realtimekit.model.Recording;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One list call through the client against the same request made by hand: the JDK's HttpClient and
 * one shared ObjectMapper decoding into the same model classes. The difference is the client's own
 * cost: argument checks, Feign's request building, error and retry handling.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CallOverheadBenchmark {

  @Param({"30", "1000"})
  int recordings;

  LoopbackServer server;
  RealtimeKitClient client;
  ListRecordingsQuery query;
  HttpClient http;
  HttpRequest request;
  ObjectMapper mapper;

  @Setup
  public void start() {
    byte[] page = Pages.page(recordings, 1, recordings);
    server = LoopbackServer.json(uri -> page);
    // Loopback has no account budget to keep; the client's default budgets would pace the run.
    client = RealtimeKitClient.builder().apiToken("benchmark-token").accountId(Pages.ACCOUNT).appId(Pages.APP).baseUrl(server.baseUrl()).rateLimits(java.util.List.of()).build();
    query = ListRecordingsQuery.builder().perPage(recordings).build();
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/accounts/" + Pages.ACCOUNT
            + "/realtime/kit/" + Pages.APP + "/recordings?per_page=" + recordings))
        .header("Authorization", "Bearer benchmark-token")
        .header("Accept", "application/json")
        .GET()
        .build();
    mapper = RealtimeKitJson.newObjectMapper();
  }

  @TearDown
  public void stop() {
    server.close();
  }

  @Benchmark
  public Page<Recording> client() {
    return client.listRecordingsPage(query);
  }

  /**
   * The raw request reading its body as a stream, as Feign's JDK client does: it tells the JDK
   * HttpClient's own cost of streaming a body apart from the client's.
   */
  @Benchmark
  public ListRecordingsResponse rawInputStream() throws IOException, InterruptedException {
    HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      return mapper.readValue(in.readAllBytes(), ListRecordingsResponse.class);
    }
  }

  @Benchmark
  public ListRecordingsResponse raw() throws IOException, InterruptedException {
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode());
    }
    return mapper.readValue(response.body(), ListRecordingsResponse.class);
  }
}
