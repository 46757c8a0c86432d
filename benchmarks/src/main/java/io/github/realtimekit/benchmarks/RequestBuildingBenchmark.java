package io.github.realtimekit.benchmarks;

import io.github.realtimekit.client.ListRecordingsQuery;
import io.github.realtimekit.client.Page;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.RequestOptions;
import io.github.realtimekit.client.Response;
import io.github.realtimekit.model.GetRecordingResponse;
import io.github.realtimekit.model.ListRecordingsResponse;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.RecordingSortBy;
import io.github.realtimekit.model.RecordingStatusFilter;
import io.github.realtimekit.model.SortOrder;
import java.time.OffsetDateTime;
import java.util.List;
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

/**
 * The client's own work per call, with no network: a JDK {@code HttpClient} that answers at once
 * ({@link AnsweringHttpClient}), on the calling thread, so that the figures are the client's CPU and
 * little else. {@code direct*} are the client's methods, whose requests its generated code builds;
 * {@code feign*} the same calls through {@code client.api()}, the generated Feign interface on the same
 * pipeline and decoder. The list sets all nine query parameters, as the side-by-side benchmarks do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestBuildingBenchmark {

  private static final ListRecordingsQuery EVERY_PARAMETER = ListRecordingsQuery.builder()
      .startTime(OffsetDateTime.parse("2024-01-01T00:00:00Z")).endTime(OffsetDateTime.parse("2024-12-31T23:59:59+05:30"))
      .expired(false).meetingId(Pages.RECORDING).pageNo(1).perPage(30).search("standup notes")
      .sortBy(RecordingSortBy.INVOKED_TIME).sortOrder(SortOrder.DESC)
      .status(RecordingStatusFilter.UPLOADED, RecordingStatusFilter.RECORDING).build();

  RealtimeKitClient client;
  RequestOptions options;

  @Setup
  public void start() {
    byte[] one = Pages.oneRecording();
    byte[] page = Pages.page(30, 1, 30);
    client = RealtimeKitClient.builder().apiToken("benchmark-token").accountId(Pages.ACCOUNT).appId(Pages.APP)
        .baseUrl("http://127.0.0.1:9").rateLimits(List.of())
        .httpClient(new AnsweringHttpClient(uri -> uri.getPath().endsWith("/recordings") ? page : one)).build();
    options = RequestOptions.builder().header("X-Request-Id", "r-1").build();
    if (!Pages.RECORDING.equals(directGet().getValue().getId()) || feignList().getData().size() != 30
        || directList().getItems().size() != 30) {
      throw new IllegalStateException("the answers do not decode");
    }
  }

  @Benchmark
  public Response<Recording> directGet() {
    return client.getRecordingWithResponse(Pages.RECORDING);
  }

  @Benchmark
  public Response<GetRecordingResponse> feignGet() {
    return client.api().getRecordingWithResponse(Pages.ACCOUNT, Pages.APP, Pages.RECORDING);
  }

  @Benchmark
  public Page<Recording> directList() {
    return client.listRecordingsPage(EVERY_PARAMETER);
  }

  @Benchmark
  public ListRecordingsResponse feignList() {
    return client.api().listRecordings(Pages.ACCOUNT, Pages.APP, EVERY_PARAMETER);
  }

  @Benchmark
  public Response<Recording> directGetWithOptions() {
    return client.getRecordingWithResponse(Pages.RECORDING, options);
  }
}
