package io.github.realtimekit.client.transport;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDK HttpClients the clients share when the caller brings none: one per connect timeout and
 * protocol version, so building many clients costs no threads or connections of its own.
 *
 * <p>On Java 17 an {@link HttpClient} cannot be closed: its selector thread and connection pool
 * live until it is garbage-collected. A client with an HttpClient of its own would hold both after
 * {@code close()}; sharing one per configuration bounds them by the number of configurations.
 * Redirects are never followed: they would carry the API token to wherever they point.
 */
final class SharedHttpClients {

  private static final Map<String, HttpClient> CLIENTS = new ConcurrentHashMap<>();

  private SharedHttpClients() {
  }

  static HttpClient get(Duration connectTimeout, HttpClient.Version version) {
    return CLIENTS.computeIfAbsent(connectTimeout.toMillis() + "/" + version, key -> HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(version)
        .build());
  }
}
