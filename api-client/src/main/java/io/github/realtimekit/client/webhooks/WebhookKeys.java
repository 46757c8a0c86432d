package io.github.realtimekit.client.webhooks;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The public key deliveries are verified with: given once, or fetched and cached. A fetched key is
 * fetched again when a signature fails (the key may have rotated), but never sooner than
 * {@code minInterval} after the last fetch, successful or not, so that a flood of bad signatures
 * or a key endpoint that is down costs at most one fetch per interval. Thread-safe; a refetch never
 * makes other threads wait: while one runs, they see the key they had.
 */
final class WebhookKeys {

  /** Fetches the key's PEM; any failure is an exception whose message names what went wrong. */
  @FunctionalInterface
  interface Fetcher {
    String fetchPem() throws Exception;
  }

  private final @Nullable Fetcher fetcher;
  private final Clock clock;
  private final Duration minInterval;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile @Nullable RSAPublicKey key;
  private @Nullable Instant lastFetch;
  private @Nullable String lastFailure;
  private long fetches;

  private WebhookKeys(@Nullable RSAPublicKey key, @Nullable Fetcher fetcher, Clock clock, Duration minInterval) {
    this.key = key;
    this.fetcher = fetcher;
    this.clock = clock;
    this.minInterval = minInterval;
  }

  static WebhookKeys fixed(RSAPublicKey key) {
    return new WebhookKeys(key, null, Clock.systemUTC(), Duration.ZERO);
  }

  static WebhookKeys fetched(Fetcher fetcher, Clock clock, Duration minInterval) {
    return new WebhookKeys(null, fetcher, clock, minInterval);
  }

  /**
   * Returns the key, fetching it first if there is none yet and a fetch is allowed.
   *
   * @throws WebhookVerificationException NO_KEY when there is none
   */
  RSAPublicKey current() {
    RSAPublicKey k = key;
    if (k != null) {
      return k;
    }
    lock.lock();
    try {
      if (key == null) {
        fetchIfAllowed();
      }
      k = key;
      if (k == null) {
        throw new WebhookVerificationException(WebhookVerificationException.Reason.NO_KEY,
            "no webhook public key: " + (lastFailure == null ? "not fetched" : lastFailure)
                + "; the next fetch is allowed " + minInterval + " after the last", null);
      }
      return k;
    } finally {
      lock.unlock();
    }
  }

  /**
   * After a signature failed with {@code failed}: returns a different key to try, fetched now if
   * allowed, or null when there is none.
   */
  @Nullable RSAPublicKey afterFailure(RSAPublicKey failed) {
    if (fetcher == null) {
      return null;
    }
    RSAPublicKey k = key;
    if (k != null && !k.equals(failed)) {
      return k;
    }
    if (!lock.tryLock()) {
      return null;
    }
    try {
      k = key;
      if (k != null && !k.equals(failed)) {
        return k;
      }
      fetchIfAllowed();
      k = key;
      return k != null && !k.equals(failed) ? k : null;
    } finally {
      lock.unlock();
    }
  }

  /** How many fetches were tried: for tests. */
  long fetches() {
    lock.lock();
    try {
      return fetches;
    } finally {
      lock.unlock();
    }
  }

  /** Fetches the key unless one was fetched (or tried) less than the interval ago; the lock is held. */
  private void fetchIfAllowed() {
    Instant now = clock.instant();
    if (fetcher == null || (lastFetch != null && now.isBefore(lastFetch.plus(minInterval)))) {
      return;
    }
    lastFetch = now;
    fetches++;
    try {
      key = PublicKeyPem.parse(fetcher.fetchPem());
      lastFailure = null;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      lastFailure = "fetching it failed: " + e.getMessage();
    }
  }
}
