package io.github.realtimekit.cli;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A load generator for {@code serve}, not a test: measures the deliveries per second a {@code serve}
 * process acknowledges on loopback and the 99th percentile of the time to its 2xx, then kills it with
 * SIGKILL under a stream of UPLOADED deliveries and measures how long a restart takes to archive every
 * one it had acknowledged. Run it with the test class path:
 * {@code java -cp cli/target/test-classes:cli/target/classes:CLASSPATH io.github.realtimekit.cli.ServeLoad [CLIENTS] [SECONDS]}.
 */
public final class ServeLoad {

  private ServeLoad() {
  }

  public static void main(String... args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Path dir = Files.createTempDirectory("serve-load");
    try (ServeFakes fakes = new ServeFakes()) {
      Path pem = ServeFakes.writePem(Files.createTempDirectory("serve-load-key"));
      try (ServeProcess serve = ServeProcess.start(fakes.baseUrl(), dir, pem)) {
        URI url = serve.url();
        byte[] body = ServeFakes.meetingStarted();
        String signature = ServeFakes.sign(ServeFakes.KEY, body);
        run(fakes, url, body, signature, clients, 5, false);
        run(fakes, url, body, signature, clients, seconds, true);
        serve.terminate();
      }
      recoveryAfterKill(fakes, Files.createTempDirectory("serve-load-kill"), pem);
    }
  }

  /** Sends signed deliveries with fresh ids from {@code clients} threads for a while; prints the figures. */
  private static void run(ServeFakes fakes, URI url, byte[] body, String signature, int clients, int seconds,
      boolean print) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Future<long[]>> results = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      results.add(pool.submit(() -> {
        long[] times = new long[1 << 20];
        int n = 0;
        long failed = 0;
        while (System.nanoTime() < end && n < times.length) {
          long start = System.nanoTime();
          HttpResponse<String> r = fakes.post(url, body, signature, UUID.randomUUID().toString());
          if (r.statusCode() / 100 == 2) {
            times[n++] = System.nanoTime() - start;
          } else {
            failed++;
          }
        }
        long[] kept = Arrays.copyOf(times, n + 1);
        kept[n] = -failed - 1;
        return kept;
      }));
    }
    List<Long> all = new ArrayList<>();
    long failed = 0;
    for (Future<long[]> f : results) {
      long[] t = f.get();
      for (int i = 0; i < t.length - 1; i++) {
        all.add(t[i]);
      }
      failed += -t[t.length - 1] - 1;
    }
    pool.shutdown();
    if (!print) {
      return;
    }
    all.sort(null);
    System.out.printf("%d clients, %d s: %d acknowledged, %.0f deliveries/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, "
        + "%d not 2xx%n", clients, seconds, all.size(), all.size() / (double) seconds, ms(all, 0.50), ms(all, 0.99),
        all.get(all.size() - 1) / 1e6, failed);
  }

  private static double ms(List<Long> sorted, double q) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size()))) / 1e6;
  }

  /** UPLOADED deliveries from 8 threads, SIGKILL after 5 seconds, restart, time until all acknowledged are archived. */
  private static void recoveryAfterKill(ServeFakes fakes, Path dir, Path pem) throws Exception {
    Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean sending = new AtomicBoolean(true);
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try (ServeProcess serve = ServeProcess.start(fakes.baseUrl(), dir, pem, "--workers", "4", "--queue", "1000")) {
      URI url = serve.url();
      for (int t = 0; t < 8; t++) {
        senders.execute(() -> {
          while (sending.get()) {
            UUID id = UUID.randomUUID();
            try {
              if (fakes.deliver(url, ServeFakes.statusUpdate(id, "UPLOADED"), id.toString()).statusCode() == 200) {
                acknowledged.add(id);
              }
            } catch (Exception killed) {
              return;
            }
          }
        });
      }
      Thread.sleep(5000);
      serve.kill();
      sending.set(false);
    }
    senders.shutdown();
    senders.awaitTermination(30, TimeUnit.SECONDS);
    long start = System.nanoTime();
    try (ServeProcess again = ServeProcess.start(fakes.baseUrl(), dir, pem, "--workers", "4")) {
      again.url();
      Set<String> done;
      do {
        Thread.sleep(50);
        done = manifestIds(dir);
      } while (!done.containsAll(acknowledged.stream().map(UUID::toString).toList()));
      double took = (System.nanoTime() - start) / 1e9;
      String startup = again.errLines.stream().filter(l -> l.contains("listening on")).findFirst().orElse("");
      again.terminate();
      System.out.printf("kill -9 after 5 s of UPLOADED deliveries: %d acknowledged, all %d archived %.1f s after the "
          + "restart (%s)%n", acknowledged.size(), acknowledged.size(), took,
          startup.substring(startup.lastIndexOf(';') + 2));
    }
  }

  private static Set<String> manifestIds(Path dir) throws Exception {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    Path manifest = dir.resolve(ArchiveManifest.NAME);
    if (Files.exists(manifest)) {
      for (String line : Files.readAllLines(manifest)) {
        int at = line.indexOf("\"id\":\"");
        if (at >= 0 && line.length() >= at + 42) {
          ids.add(line.substring(at + 6, at + 42));
        }
      }
    }
    return ids;
  }
}
