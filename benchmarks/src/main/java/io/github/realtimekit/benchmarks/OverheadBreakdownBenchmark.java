package io.github.realtimekit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import io.github.realtimekit.client.Page;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.RealtimeKitJson;
import io.github.realtimekit.client.RecordingsApi;
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
import java.time.Duration;
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
 * Where the client's cost over a hand-made request goes, layer by layer: the JDK HttpClient reading
 * the body whole or as a stream, plain Feign on the JDK client, the client's configured Feign
 * interface, and the client's own method.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OverheadBreakdownBenchmark {

  @Param({"0", "30"})
  int recordings;

  LoopbackServer server;
  HttpClient http;
  HttpRequest request;
  HttpRequest requestWithoutTimeout;
  ObjectMapper mapper;
  RecordingsApi plainFeign;
  RealtimeKitClient client;
  byte[] page;
  RecordingsApi feignWithoutNetwork;

  @Setup
  public void start() {
    page = Pages.page(recordings, 1, recordings);
    server = LoopbackServer.json(uri -> page);
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/accounts/" + Pages.ACCOUNT
            + "/realtime/kit/" + Pages.APP + "/recordings"))
        .header("Authorization", "Bearer benchmark-token")
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(60))
        .GET()
        .build();
    requestWithoutTimeout = HttpRequest.newBuilder(request.uri()).headers("Authorization", "Bearer benchmark-token",
        "Accept", "application/json").GET().build();
    mapper = RealtimeKitJson.newObjectMapper();
    plainFeign = Feign.builder().client(new Http2Client(http)).decoder(new JacksonDecoder(mapper))
        .target(RecordingsApi.class, server.baseUrl());
    // Loopback has no account budget to keep; the client's default budgets would pace the run.
    client = RealtimeKitClient.builder().apiToken("benchmark-token").accountId(Pages.ACCOUNT).appId(Pages.APP).baseUrl(server.baseUrl()).rateLimits(java.util.List.of()).build();
    feignWithoutNetwork = Feign.builder()
        .client((req, options) -> feign.Response.builder().status(200)
            .headers(java.util.Map.of("Content-Type", java.util.List.of("application/json")))
            .body(page).request(req).build())
        .decoder(new JacksonDecoder(mapper))
        .target(RecordingsApi.class, server.baseUrl());
  }

  /** Decoding the page alone: what every variant pays after the bytes arrive. */
  @Benchmark
  public ListRecordingsResponse decodeOnly() throws IOException {
    return mapper.readValue(page, ListRecordingsResponse.class);
  }

  /** Plain Feign, with a transport that answers at once: Feign's own cost per call, plus decoding. */
  @Benchmark
  public ListRecordingsResponse feignOnly() {
    return feignWithoutNetwork.listRecordings(Pages.ACCOUNT, Pages.APP, ListRecordingsQuery.none());
  }

  @TearDown
  public void stop() {
    server.close();
  }

  @Benchmark
  public ListRecordingsResponse jdkBytes() throws IOException, InterruptedException {
    return mapper.readValue(http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body(), ListRecordingsResponse.class);
  }

  @Benchmark
  public ListRecordingsResponse jdkBytesWithoutTimeout() throws IOException, InterruptedException {
    return mapper.readValue(http.send(requestWithoutTimeout, HttpResponse.BodyHandlers.ofByteArray()).body(),
        ListRecordingsResponse.class);
  }

  @Benchmark
  public ListRecordingsResponse jdkStream() throws IOException, InterruptedException {
    try (InputStream in = http.send(request, HttpResponse.BodyHandlers.ofInputStream()).body()) {
      return mapper.readValue(in.readAllBytes(), ListRecordingsResponse.class);
    }
  }

  @Benchmark
  public ListRecordingsResponse plainFeign() {
    return plainFeign.listRecordings(Pages.ACCOUNT, Pages.APP, ListRecordingsQuery.none());
  }

  @Benchmark
  public ListRecordingsResponse clientInterface() {
    return client.api().listRecordings(Pages.ACCOUNT, Pages.APP, ListRecordingsQuery.none());
  }

  @Benchmark
  public Page<Recording> clientMethod() {
    return client.listRecordingsPage(ListRecordingsQuery.none());
  }
}
