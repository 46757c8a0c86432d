package io.github.realtimekit.client.core;

import io.github.realtimekit.client.errors.RealtimeKitException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Stages in order around one transport, itself a transport. The API's pipeline, outermost first:
 * retries ({@link RetryStage}), the client's rate gate ({@link ThrottleStage}), the application's own
 * stages, error mapping ({@link ErrorStage}), authentication ({@link AuthStage}), redirects
 * ({@link RedirectStage}, which keeps the token to the API's origin), logging
 * ({@link LoggingStage}). A download's: redirects ({@link RedirectStage}) and logging, with
 * no credential and no retry; its errors are mapped by the downloader, through the same
 * {@link ErrorMapper}.
 *
 * <p>Runtime SPI: public so that the client's other packages can reach it; not meant for
 * applications, and it may change in any release.
 */
public final class HttpPipeline implements HttpTransport {

  /** The {@code java.util.logging} logger the HTTP log goes to, at {@code FINE}. */
  public static final String LOGGER_NAME = "io.github.realtimekit.client.http";

  /** Told before each retry. */
  @FunctionalInterface
  public interface RetryObserver {
    /**
     * A retry is about to happen.
     *
     * @param operation the operation's name
     * @param nextAttempt the number of the attempt after the wait, 2 for the first retry
     * @param maxAttempts the most attempts the call may make
     * @param delay the wait
     * @param failure how the last attempt failed
     */
    void beforeRetry(String operation, int nextAttempt, int maxAttempts, Duration delay, RealtimeKitException failure);
  }

  /** Sleeps; the real one is {@code Thread.sleep}. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  private final HttpTransport head;
  private final int stages;

  HttpPipeline(List<HttpStage> stages, HttpTransport transport) {
    HttpTransport next = Objects.requireNonNull(transport, "transport");
    for (int i = stages.size() - 1; i >= 0; i--) {
      HttpStage stage = stages.get(i);
      HttpTransport rest = next;
      next = request -> stage.send(request, rest);
    }
    this.head = next;
    this.stages = stages.size();
  }

  @Override
  public HttpResponse send(HttpRequest request) throws IOException {
    return head.send(request);
  }

  /**
   * Returns a builder with the client's defaults: no token, no log, 2 retries.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "HttpPipeline[" + stages + " stages]";
  }

  /** Configures the pipelines of one client. Not thread-safe. */
  public static final class Builder {
    private String apiToken = "";
    private String userAgent = "realtimekit-java";
    private boolean log;
    private boolean logHeaders;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private RetryObserver retryObserver = (operation, next, max, delay, failure) -> { };
    private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
    private LongSupplier currentTimeMillis = System::currentTimeMillis;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private LongSupplier nanoTime = System::nanoTime;
    private LongSupplier gateClock = System::nanoTime;
    private final List<RateGate.Limit> rateLimits = new ArrayList<>();
    private List<HttpStage> ownStages = List.of();

    private Builder() {
    }

    /**
     * Sets the token and the {@code User-Agent} every call to the API carries.
     *
     * @param apiToken the token
     * @param userAgent the {@code User-Agent}
     * @return this builder
     */
    public Builder credentials(String apiToken, String userAgent) {
      this.apiToken = Objects.requireNonNull(apiToken, "apiToken");
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /**
     * Sets whether each exchange is logged, and with its headers.
     *
     * @param log whether to log
     * @param headers whether to log the headers too
     * @return this builder
     */
    public Builder logging(boolean log, boolean headers) {
      this.log = log;
      this.logHeaders = headers;
      return this;
    }

    /**
     * Sets how often and after how long a failed call is tried again.
     *
     * @param maxRetries 0 or more
     * @param initialBackoff the first wait
     * @param maxBackoff the longest wait
     * @param maxRetryAfter the longest wait a server may ask for
     * @return this builder
     */
    public Builder retries(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
      this.retryPolicy = new RetryPolicy(maxRetries, initialBackoff, maxBackoff, maxRetryAfter);
      return this;
    }

    /**
     * Sets who is told before each retry.
     *
     * @param retryObserver the observer
     * @return this builder
     */
    public Builder retryObserver(RetryObserver retryObserver) {
      this.retryObserver = Objects.requireNonNull(retryObserver, "retryObserver");
      return this;
    }

    /**
     * Replaces sleeping, the clock and the jitter, so that tests need not wait.
     *
     * @param sleeper sleeps between attempts
     * @param currentTimeMillis the wall clock, for {@code Retry-After} dates
     * @param random numbers in [0, 1) for the jitter
     * @return this builder
     */
    public Builder clock(Sleeper sleeper, LongSupplier currentTimeMillis, DoubleSupplier random) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      this.currentTimeMillis = Objects.requireNonNull(currentTimeMillis, "currentTimeMillis");
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Adds a budget the API's calls keep under: at most {@code requests} sent in any {@code window}.
     *
     * @param requests 1 or more
     * @param window a positive duration
     * @return this builder
     */
    public Builder rateLimit(int requests, Duration window) {
      rateLimits.add(new RateGate.Limit(requests, Objects.requireNonNull(window, "window")));
      return this;
    }

    /**
     * Replaces the monotonic clock of the rate gate, so that tests need not wait; its waits are slept
     * with the sleeper of {@link #clock}.
     *
     * @param nanoTime nanoseconds from any origin, such as {@code System::nanoTime}
     * @return this builder
     */
    public Builder nanoClock(LongSupplier nanoTime) {
      this.gateClock = Objects.requireNonNull(nanoTime, "nanoTime");
      return this;
    }

    /**
     * Sets the application's own stages, run in this order on every attempt, between the rate gate
     * and error mapping.
     *
     * @param stages the stages
     * @return this builder
     */
    public Builder ownStages(List<HttpStage> stages) {
      this.ownStages = List.copyOf(stages);
      return this;
    }

    /**
     * Returns the {@code User-Agent} set here.
     *
     * @return the header's value
     */
    public String userAgent() {
      return userAgent;
    }

    /**
     * Builds the pipeline of the API's calls: retries, the rate gate, the application's stages, error
     * mapping, authentication, redirects (the token only ever to the first request's origin), logging.
     * Each pipeline built has a gate of its own.
     *
     * @param errors the client's error mapper
     * @param transport the transport at the end
     * @return the pipeline
     */
    public HttpPipeline buildForApi(ErrorMapper errors, HttpTransport transport) {
      SafeText safe = new SafeText(apiToken);
      List<HttpStage> stages = new ArrayList<>(6 + ownStages.size());
      stages.add(new RetryStage(retryPolicy, retryObserver, sleeper, currentTimeMillis, random));
      stages.add(new ThrottleStage(new RateGate(rateLimits, gateClock, sleeper), retryPolicy, currentTimeMillis));
      stages.addAll(ownStages);
      stages.add(new ErrorStage(errors));
      stages.add(new AuthStage(apiToken, userAgent));
      stages.add(new RedirectStage(errors));
      if (log) {
        stages.add(new LoggingStage(logHeaders, safe, nanoTime));
      }
      return new HttpPipeline(stages, transport);
    }

    /**
     * Builds the pipeline of downloads: redirects and logging, no credential, no retry.
     *
     * @param errors the client's error mapper
     * @param transport the transport at the end, the API's own
     * @return the pipeline
     */
    public HttpPipeline buildForDownloads(ErrorMapper errors, HttpTransport transport) {
      List<HttpStage> stages = new ArrayList<>(2);
      stages.add(new RedirectStage(errors));
      if (log) {
        stages.add(new LoggingStage(logHeaders, new SafeText(apiToken), nanoTime));
      }
      return new HttpPipeline(stages, transport);
    }
  }
}
