package io.github.realtimekit.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.realtimekit.client.RealtimeKitJson;
import io.github.realtimekit.model.ListRecordingsResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding a 1000-recording page into the generated models, against the floor any decoder pays (a
 * streaming pass that reads every token) and against a generic JsonNode tree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {

  byte[] page;
  ObjectMapper mapper;

  @Setup
  public void load() {
    page = Pages.page(1000, 1, 1000);
    mapper = RealtimeKitJson.newObjectMapper();
  }

  @Benchmark
  public ListRecordingsResponse models() throws IOException {
    return mapper.readValue(page, ListRecordingsResponse.class);
  }

  @Benchmark
  public void tokens(Blackhole blackhole) throws IOException {
    try (JsonParser parser = mapper.getFactory().createParser(page)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        blackhole.consume(token);
      }
    }
  }

  @Benchmark
  public JsonNode tree() throws IOException {
    return mapper.readTree(page);
  }
}
