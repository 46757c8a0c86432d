package io.github.realtimekit.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding a 1000-recording page held in memory, each client the way its own decoder does it (see
 * {@link Contenders.Contender#decodePage}), against the floor any decoder pays: a streaming pass that
 * reads every token. The floors of the call rows decode exactly as this project's client does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SideBySideDecodeBenchmark {

  static final int RECORDINGS = 1000;

  byte[] page;
  JsonFactory tokens;
  Contenders.Contender contender;

  @Setup
  public void start(BenchmarkParams params) throws Exception {
    start(Contenders.nameOf(params.getBenchmark()));
  }

  /** Builds the named contender (no server: nothing is sent) and checks one decode. */
  void start(String name) throws Exception {
    page = Pages.page(RECORDINGS, 1, RECORDINGS);
    tokens = new JsonFactory();
    if (!name.equals("tokens")) {
      contender = Contenders.create(name, "http://127.0.0.1:9/client/v4", RECORDINGS);
      int decoded = contender.recordings(contender.decodePage(page));
      if (decoded != RECORDINGS) {
        throw new IllegalStateException(name + " decoded " + decoded + " recordings");
      }
    }
  }

  /** The floor: every token read, nothing built. */
  @Benchmark
  public void tokens(Blackhole blackhole) throws IOException {
    try (JsonParser parser = tokens.createParser(page)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        blackhole.consume(token);
      }
    }
  }

  @Benchmark
  public Object client() throws Exception {
    return contender.decodePage(page);
  }

  @Benchmark
  public Object oagFeign() throws Exception {
    return contender.decodePage(page);
  }

  @Benchmark
  public Object oagNative() throws Exception {
    return contender.decodePage(page);
  }

  @Benchmark
  public Object oagOkhttpGson() throws Exception {
    return contender.decodePage(page);
  }
}
