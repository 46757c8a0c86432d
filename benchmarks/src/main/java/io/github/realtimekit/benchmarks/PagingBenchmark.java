package io.github.realtimekit.benchmarks;

import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.ListRecordingsQuery;
import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.model.Recording;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The auto-pager walking 100,000 recordings, 1,000 pages of 100, reported in recordings per second.
 * The forked JVM has a 64 MiB heap: the walk completes only if memory stays bounded by a page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PagingBenchmark.TOTAL)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
public class PagingBenchmark {

  static final int TOTAL = 100_000;
  static final int PER_PAGE = 100;

  LoopbackServer server;
  RealtimeKitClient client;
  ListRecordingsQuery query;

  @Setup
  public void start() {
    String prefix = Pages.pagePrefix(PER_PAGE);
    server = LoopbackServer.json(uri -> {
      long pageNo = Long.parseLong(uri.getQuery().replaceAll(".*page_no=(\\d+).*", "$1"));
      long start = (pageNo - 1) * PER_PAGE + 1;
      return (prefix + Pages.pageSuffix(start, start + PER_PAGE - 1, TOTAL)).getBytes(StandardCharsets.UTF_8);
    });
    // Loopback has no account budget to keep; the client's default budgets would pace the run.
    client = RealtimeKitClient.builder().apiToken("benchmark-token").accountId(Pages.ACCOUNT).appId(Pages.APP).baseUrl(server.baseUrl()).rateLimits(java.util.List.of()).build();
    query = ListRecordingsQuery.builder().perPage(PER_PAGE).build();
  }

  @TearDown
  public void stop() {
    server.close();
  }

  @Benchmark
  public long walkEveryRecording() {
    long count = 0;
    for (Recording recording : client.listRecordings(query)) {
      if (recording.getId() != null) {
        count++;
      }
    }
    if (count != TOTAL) {
      throw new IllegalStateException("walked " + count + " recordings, expected " + TOTAL);
    }
    return count;
  }
}
