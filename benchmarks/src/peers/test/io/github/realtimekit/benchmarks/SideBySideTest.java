package io.github.realtimekit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each side-by-side benchmark, run once per contender outside JMH: its setup builds the contender and
 * checks one call (the whole page decoded, the token and all nine query parameters sent), and the
 * benchmark method itself returns a fully decoded response.
 */
class SideBySideTest {

  static Stream<String> callers() {
    return Stream.concat(Contenders.CLIENTS.stream(), Contenders.FLOORS.stream());
  }

  @ParameterizedTest
  @MethodSource("callers")
  void listCallDecodesTheWholePage(String name) throws Exception {
    SideBySideListBenchmark benchmark = new SideBySideListBenchmark();
    benchmark.recordings = 30;
    benchmark.start(name);
    try {
      Object page = benchmark.getClass().getMethod(name).invoke(benchmark);
      assertEquals(30, benchmark.contender.recordings(page));
      Map<String, List<String>> query = Contenders.query(benchmark.server.lastRequest().uri());
      assertEquals(Contenders.QUERY_PARAMETERS, List.copyOf(query.keySet()));
      assertEquals(List.of("30"), query.get("per_page"));
      assertEquals(List.of("invokedTime"), query.get("sort_by"));
      assertEquals(List.of("DESC"), query.get("sort_order"));
      assertEquals(List.of("false"), query.get("expired"));
      assertEquals(List.of(Contenders.MEETING.toString()), query.get("meeting_id"));
      // Each client spells the list its own way: one comma-separated value or one parameter per value.
      assertEquals("UPLOADED,RECORDING", String.join(",", query.get("status")));
      assertEquals(Contenders.START_TIME.toInstant(),
          java.time.OffsetDateTime.parse(query.get("start_time").get(0)).toInstant());
      assertEquals(Contenders.END_TIME.toInstant(),
          java.time.OffsetDateTime.parse(query.get("end_time").get(0)).toInstant());
    } finally {
      benchmark.stop();
    }
  }

  @ParameterizedTest
  @MethodSource("callers")
  void getCallDecodesTheRecording(String name) throws Exception {
    SideBySideGetBenchmark benchmark = new SideBySideGetBenchmark();
    benchmark.start(name);
    try {
      Object one = benchmark.getClass().getMethod(name).invoke(benchmark);
      assertEquals(Contenders.RECORDING, benchmark.contender.id(one));
      assertTrue(benchmark.server.lastRequest().path().endsWith("/recordings/" + Contenders.RECORDING));
    } finally {
      benchmark.stop();
    }
  }

  @ParameterizedTest
  @MethodSource("io.github.realtimekit.benchmarks.SideBySideTest#clients")
  void decodeAloneBuildsEveryRecording(String name) throws Exception {
    SideBySideDecodeBenchmark benchmark = new SideBySideDecodeBenchmark();
    benchmark.start(name);
    Object page = benchmark.getClass().getMethod(name).invoke(benchmark);
    assertEquals(SideBySideDecodeBenchmark.RECORDINGS, benchmark.contender.recordings(page));
  }

  static Stream<String> clients() {
    return Contenders.CLIENTS.stream();
  }

  @Test
  void everyContenderHasABenchmarkInEveryRow() {
    for (String name : Contenders.CLIENTS) {
      assertTrue(hasBenchmark(SideBySideDecodeBenchmark.class, name), name);
    }
    callers().forEach(name -> {
      assertTrue(hasBenchmark(SideBySideListBenchmark.class, name), name);
      assertTrue(hasBenchmark(SideBySideGetBenchmark.class, name), name);
    });
  }

  private static boolean hasBenchmark(Class<?> type, String name) {
    return Stream.of(type.getMethods())
        .anyMatch(m -> m.getName().equals(name) && m.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class));
  }
}
