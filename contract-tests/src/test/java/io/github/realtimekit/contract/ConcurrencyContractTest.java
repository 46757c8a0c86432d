package io.github.realtimekit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.realtimekit.contract.Fixtures.ACCOUNT;
import static io.github.realtimekit.contract.Fixtures.APP;
import static io.github.realtimekit.contract.Fixtures.LIST_PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.realtimekit.client.RealtimeKitClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One client shared by many threads. */
class ConcurrencyContractTest {

  static final int THREADS = 16;
  static final int CALLS_PER_THREAD = 25;

  @RegisterExtension
  static WireMockExtension server = Fixtures.server();

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void sixteenThreadsShareOneClient() throws Exception {
    // Each recording id gets its own answer, so a mixed-up response would show.
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      UUID id = Fixtures.nthId(i);
      ids.add(id);
      server.stubFor(get(urlPathEqualTo(LIST_PATH + "/" + id))
          .willReturn(okJson(Fixtures.oneRecording(data -> data.put("id", id.toString())).toString())));
    }
    RealtimeKitClient client = Fixtures.client(server).build();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (UUID id : ids) {
        Callable<Integer> worker = () -> {
          start.await();
          int matched = 0;
          for (int call = 0; call < CALLS_PER_THREAD; call++) {
            if (client.getRecording(id).getId().equals(id)) {
              matched++;
            }
          }
          return matched;
        };
        results.add(pool.submit(worker));
      }
      start.countDown();
      for (Future<Integer> result : results) {
        assertEquals(CALLS_PER_THREAD, result.get(50, TimeUnit.SECONDS), "every call got its own recording");
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(THREADS * CALLS_PER_THREAD, server.findAll(getRequestedFor(urlPathMatching(LIST_PATH + "/.*"))).size());
  }
}
