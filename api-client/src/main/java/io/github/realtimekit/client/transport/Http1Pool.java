package io.github.realtimekit.client.transport;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * The idle connections of {@link Http1Transport}, shared by every client of the JVM as the JDK's own
 * pools are: at most {@link #MAX_IDLE_PER_ROUTE} per scheme, host, port and TLS configuration, each
 * closed after {@link #KEEP_ALIVE_SECONDS} s unused (by the {@link Watchdog}'s thread, or when next
 * looked at). A connection is only ever put back after a response read to its end.
 */
final class Http1Pool {

  static final int MAX_IDLE_PER_ROUTE = 5;
  static final long KEEP_ALIVE_SECONDS = 30;

  static final Http1Pool SHARED = new Http1Pool();

  /** A route: where, and through which TLS configuration (compared by identity). */
  record Route(String origin, @Nullable SSLSocketFactory tls) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Route && ((Route) o).origin.equals(origin) && ((Route) o).tls == tls;
    }

    @Override
    public int hashCode() {
      return origin.hashCode() * 31 + System.identityHashCode(tls);
    }
  }

  private final Map<Route, ArrayDeque<Http1Connection>> idle = new ConcurrentHashMap<>();

  /** An idle connection to the route, or null; the newest first. */
  @Nullable Http1Connection take(Route route, long now) {
    ArrayDeque<Http1Connection> connections = idle.get(route);
    if (connections == null) {
      return null;
    }
    while (true) {
      Http1Connection c;
      synchronized (connections) {
        c = connections.pollFirst();
        if (c == null) {
          return null;
        }
      }
      if (now - c.idleSince() < TimeUnit.SECONDS.toNanos(KEEP_ALIVE_SECONDS)) {
        return c;
      }
      c.close();
    }
  }

  /** Keeps a connection whose response was read to its end, or closes it when the route has enough. */
  void put(Route route, Http1Connection connection, long now) {
    connection.idleSince(now);
    ArrayDeque<Http1Connection> connections = idle.computeIfAbsent(route, r -> new ArrayDeque<>());
    synchronized (connections) {
      if (connections.size() < MAX_IDLE_PER_ROUTE) {
        connections.addFirst(connection);
        connection = null;
      }
    }
    if (connection != null) {
      connection.close();
    } else {
      Watchdog.SHARED.poolHasIdle();
    }
  }

  /** True when no connection is idle; for the watchdog, which then has nothing to close. */
  boolean isEmpty() {
    for (ArrayDeque<Http1Connection> connections : idle.values()) {
      synchronized (connections) {
        if (!connections.isEmpty()) {
          return false;
        }
      }
    }
    return true;
  }

  /** Closes the connections idle for longer than the keep-alive. */
  void sweep(long now) {
    for (ArrayDeque<Http1Connection> connections : idle.values()) {
      synchronized (connections) {
        for (Iterator<Http1Connection> i = connections.descendingIterator(); i.hasNext(); ) {
          Http1Connection c = i.next();
          if (now - c.idleSince() >= TimeUnit.SECONDS.toNanos(KEEP_ALIVE_SECONDS)) {
            i.remove();
            c.close();
          }
        }
      }
    }
  }
}
