package io.github.realtimekit.benchmarks;

import io.github.realtimekit.fixtures.LoopbackServer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One get call, answered with the documented recording, through each client and each floor (see
 * {@link Contenders}). Every method makes the same call; its name says
 * whose, and the setup builds only that contender, so a fork loads and compiles no other client.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SideBySideGetBenchmark {

  LoopbackServer server;
  Contenders.Contender contender;

  @Setup
  public void start(BenchmarkParams params) throws Exception {
    start(Contenders.nameOf(params.getBenchmark()));
  }

  /** Builds the named contender against a fresh server and checks one call. */
  void start(String name) throws Exception {
    server = Contenders.server(Pages.page(1, 1, 1));
    contender = Contenders.create(name, server.baseUrl(), 1);
    Contenders.checkGetOne(contender, server);
  }

  @TearDown
  public void stop() {
    server.close();
  }

  @Benchmark
  public Object client() throws Exception {
    return contender.getOne();
  }

  @Benchmark
  public Object oagFeign() throws Exception {
    return contender.getOne();
  }

  @Benchmark
  public Object oagNative() throws Exception {
    return contender.getOne();
  }

  @Benchmark
  public Object oagOkhttpGson() throws Exception {
    return contender.getOne();
  }

  @Benchmark
  public Object floorJdkHttpClient() throws Exception {
    return contender.getOne();
  }

  @Benchmark
  public Object floorHttpUrlConnection() throws Exception {
    return contender.getOne();
  }

  @Benchmark
  public Object floorOkHttp() throws Exception {
    return contender.getOne();
  }
}
