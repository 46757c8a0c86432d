package io.github.realtimekit.client.transport;

import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The JDK HttpClients the clients share when the caller brings none: one per configuration (connect
 * timeout, protocol version, and the proxy and {@code SSLContext} instances, if any), so building many clients costs no threads or connections of its own.
 *
 * <p>On Java 17 an {@link HttpClient} cannot be closed: its selector thread and connection pool
 * live until it is garbage-collected. A client with an HttpClient of its own would hold both after
 * {@code close()}; sharing one per configuration bounds them by the number of configurations. A
 * program that builds a new {@code SSLContext} or {@code ProxySelector} for every client makes a
 * configuration each time: it should reuse them.
 * Redirects are never followed here: the pipeline follows them, and keeps the token to the API's
 * origin.
 */
final class SharedHttpClients {

  /** One configuration; the proxy and SSL context compare by identity. */
  private record Key(long connectMillis, HttpClient.Version version, @Nullable ProxySelector proxy,
      @Nullable SSLContext sslContext) {
  }

  private static final Map<Key, HttpClient> CLIENTS = new ConcurrentHashMap<>();

  /**
   * On Java 21 and later, the HttpClients' own tasks run on virtual threads. The JDK's default is a
   * cached pool of platform threads, which grows with the calls in flight: 10,000 virtual threads
   * calling through one client raised it to 141 threads (VirtualThreadsTest). Null on Java 17, whose
   * callers are platform threads: the JDK's default stays.
   */
  private static final @Nullable Executor EXECUTOR = virtualThreadPerTask();

  private static @Nullable Executor virtualThreadPerTask() {
    try {
      return (Executor) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException | RuntimeException beforeJava21) {
      return null;
    }
  }

  private SharedHttpClients() {
  }

  static HttpClient get(Duration connectTimeout, HttpClient.Version version, @Nullable ProxySelector proxy,
      @Nullable SSLContext sslContext) {
    return CLIENTS.computeIfAbsent(new Key(connectTimeout.toMillis(), version, proxy, sslContext),
        key -> {
          HttpClient.Builder builder = HttpClient.newBuilder()
              .connectTimeout(connectTimeout)
              .followRedirects(HttpClient.Redirect.NEVER)
              .version(version);
          if (proxy != null) {
            builder.proxy(proxy);
          }
          if (sslContext != null) {
            builder.sslContext(sslContext);
          }
          if (EXECUTOR != null) {
            builder.executor(EXECUTOR);
          }
          return builder.build();
        });
  }
}
