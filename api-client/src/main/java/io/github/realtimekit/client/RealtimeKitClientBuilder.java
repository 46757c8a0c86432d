package io.github.realtimekit.client;

import io.github.realtimekit.client.core.HttpPipeline;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;

/** Configures and builds a {@link RealtimeKitClient}. Not thread-safe. */
public final class RealtimeKitClientBuilder {
  String apiToken;
  String accountId;
  String appId;
  String baseUrl = RealtimeKitClient.DEFAULT_BASE_URL;
  HttpClient httpClient;
  Duration connectTimeout = Duration.ofSeconds(10);
  Duration readTimeout = Duration.ofSeconds(60);
  long maxResponseBytes = RealtimeKitClient.DEFAULT_MAX_RESPONSE_BYTES;
  int maxRetries = 2;
  Duration initialBackoff = Duration.ofMillis(500);
  Duration maxBackoff = Duration.ofSeconds(8);
  Duration maxRetryAfter = Duration.ofSeconds(60);
  String userAgent = "realtimekit-java";
  RetryListener retryListener = RetryListener.NONE;
  boolean strictResponses;
  java.util.concurrent.@org.jspecify.annotations.Nullable Executor asyncExecutor;
  HttpLogLevel httpLogLevel = HttpLogLevel.NONE;
  HttpPipeline.Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
  LongSupplier currentTimeMillis = System::currentTimeMillis;
  DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
  // Rate limits and the application's own stages.
  List<RateLimit> rateLimits = RateLimit.cloudflareDefaults();
  final List<ClientStage> stages = new ArrayList<>();
  LongSupplier nanoTime = System::nanoTime;

  RealtimeKitClientBuilder() {
  }

  /**
   * Sets the Cloudflare API token, sent as {@code Authorization: Bearer <token>}. Required. The
   * token never appears in a message, a log line or a {@code toString()}.
   *
   * @param apiToken the token
   * @return this builder
   */
  public RealtimeKitClientBuilder apiToken(String apiToken) {
    this.apiToken = apiToken;
    return this;
  }

  /**
   * Sets the account every call is for. Required.
   *
   * @param accountId {@code account_id}: the account identifier tag
   * @return this builder
   */
  public RealtimeKitClientBuilder accountId(String accountId) {
    this.accountId = accountId;
    return this;
  }

  /**
   * Sets the app every call is for. Required.
   *
   * @param appId {@code app_id}: the app identifier tag
   * @return this builder
   */
  public RealtimeKitClientBuilder appId(String appId) {
    this.appId = appId;
    return this;
  }

  /**
   * Sets the token, account, app and (if present) base URL from environment variables:
   * {@code CLOUDFLARE_API_TOKEN}, {@code CLOUDFLARE_ACCOUNT_ID}, {@code REALTIMEKIT_APP_ID},
   * {@code REALTIMEKIT_BASE_URL}. Variables that are unset or blank change nothing.
   *
   * @param env the environment, such as {@code System.getenv()}
   * @return this builder
   */
  public RealtimeKitClientBuilder fromEnv(Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    apiToken = envOr(env, "CLOUDFLARE_API_TOKEN", apiToken);
    accountId = envOr(env, "CLOUDFLARE_ACCOUNT_ID", accountId);
    appId = envOr(env, "REALTIMEKIT_APP_ID", appId);
    baseUrl = envOr(env, "REALTIMEKIT_BASE_URL", baseUrl);
    return this;
  }

  private static String envOr(Map<String, String> env, String name, String current) {
    String value = env.get(name);
    return value == null || value.isBlank() ? current : value.trim();
  }

  /**
   * Sets the base URL of the API.
   *
   * @param baseUrl an absolute http or https URL; defaults to {@link RealtimeKitClient#DEFAULT_BASE_URL}
   * @return this builder
   */
  public RealtimeKitClientBuilder baseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
    return this;
  }

  /**
   * Sends requests with the caller's own JDK HttpClient, for instance for an executor. The client
   * never closes it, and its own settings apply: its connect timeout replaces
   * {@link #connectTimeout(Duration)}, and its proxy, authenticator and {@code SSLContext} are the
   * caller's to set (it cannot be combined with {@link #proxy(ProxySelector)} or
   * {@link #sslContext(SSLContext)}). It must not follow
   * redirects ({@code followRedirects(HttpClient.Redirect.NEVER)}, the JDK's default): the client
   * follows them itself and sends the token only to the API's origin, and {@link #build()} refuses
   * one that would carry the token elsewhere. Without one, clients share one HttpClient per
   * configuration.
   *
   * @param httpClient the HttpClient
   * @return this builder
   */
  public RealtimeKitClientBuilder httpClient(HttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    return this;
  }

  /**
   * Sets how long to wait for a connection.
   *
   * @param connectTimeout a positive duration; defaults to 10 seconds
   * @return this builder
   */
  public RealtimeKitClientBuilder connectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
    return this;
  }

  /**
   * Sets the deadline for each attempt's whole response, from sending the request to the last
   * byte of the body. A server that is slower than this, however it trickles, ends the attempt
   * in a {@link io.github.realtimekit.client.errors.NetworkTimeoutException}.
   *
   * @param readTimeout a positive duration; defaults to 60 seconds
   * @return this builder
   */
  public RealtimeKitClientBuilder readTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
    return this;
  }

  /**
   * Sets the largest 2xx response body the client reads. A larger one ends in a
   * {@link io.github.realtimekit.client.errors.ResponseTooLargeException} after reading at most
   * this much, and the connection is discarded. Bodies of other statuses are read up to 64 KiB,
   * which is all an error message needs.
   *
   * @param maxResponseBytes from 1 KiB to 2 GiB less 16 bytes; defaults to 16 MiB, room for a
   *     page of about ten thousand recordings
   * @return this builder
   */
  public RealtimeKitClientBuilder maxResponseBytes(long maxResponseBytes) {
    if (maxResponseBytes < 1024 || maxResponseBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxResponseBytes: must be from 1024 to " + (Integer.MAX_VALUE - 16)
          + ", was " + maxResponseBytes);
    }
    this.maxResponseBytes = maxResponseBytes;
    return this;
  }

  /**
   * Sets how often a failed call is tried again: on 408, 409, 429, 5xx and connection failures or
   * timeouts, never on other statuses.
   *
   * @param maxRetries 0 or more; defaults to 2 (3 attempts in all); 0 disables retries
   * @return this builder
   */
  public RealtimeKitClientBuilder maxRetries(int maxRetries) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries: must be 0 or more, was " + maxRetries);
    }
    this.maxRetries = maxRetries;
    return this;
  }

  /**
   * Sets the exponential backoff between attempts: the first wait, doubling up to the cap, each
   * shortened by a random jitter of up to a quarter.
   *
   * @param initial the first wait, 0 or more; defaults to 0.5 seconds
   * @param max the longest wait, at least {@code initial}; defaults to 8 seconds
   * @return this builder
   */
  public RealtimeKitClientBuilder retryBackoff(Duration initial, Duration max) {
    BuilderChecks.requireNotNegative("retryBackoff initial", initial);
    BuilderChecks.requireNotNegative("retryBackoff max", max);
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("retryBackoff: max must be at least initial, was " + max + " < " + initial);
    }
    this.initialBackoff = initial;
    this.maxBackoff = max;
    return this;
  }

  /**
   * Sets the longest wait a {@code Retry-After} or {@code Retry-After-Ms} header can ask for; a
   * longer one is cut to this.
   *
   * @param maxRetryAfter 0 or more; defaults to 60 seconds
   * @return this builder
   */
  public RealtimeKitClientBuilder maxRetryAfter(Duration maxRetryAfter) {
    BuilderChecks.requireNotNegative("maxRetryAfter", maxRetryAfter);
    this.maxRetryAfter = maxRetryAfter;
    return this;
  }

  /**
   * Sets who is told before each retry, for instance to say on a terminal what the program is
   * waiting for.
   *
   * @param retryListener the listener; defaults to {@link RetryListener#NONE}
   * @return this builder
   */
  public RealtimeKitClientBuilder retryListener(RetryListener retryListener) {
    this.retryListener = Objects.requireNonNull(retryListener, "retryListener");
    return this;
  }

  /**
   * Sets the executor that runs the attempts of {@link RealtimeKitClient#async()}'s calls (their I/O
   * blocks its thread while it lasts; their waits hold none). On JDK 21 and later,
   * {@code Executors.newVirtualThreadPerTaskExecutor()} holds no platform thread at all.
   *
   * @param asyncExecutor the executor; by default a pool of 16 daemon threads shared by every client
   * @return this builder
   */
  public RealtimeKitClientBuilder asyncExecutor(java.util.concurrent.Executor asyncExecutor) {
    this.asyncExecutor = java.util.Objects.requireNonNull(asyncExecutor, "asyncExecutor");
    return this;
  }

  /**
   * Sets whether decoded responses are checked against the spec's constraints (required fields,
   * ranges, lengths). Off by default: the client decodes leniently and leaves judgement to the
   * caller. When on, a response that breaks the spec fails with a
   * {@link io.github.realtimekit.client.errors.ResponseValidationException}.
   *
   * <p>Strict mode needs Hibernate Validator, an optional dependency of the client: add
   * {@code org.hibernate.validator:hibernate-validator} to the application to use it. Without it,
   * {@link #build()} fails with an {@link IllegalStateException} that says so.
   *
   * @param strictResponses true to check every decoded response
   * @return this builder
   */
  public RealtimeKitClientBuilder strictResponses(boolean strictResponses) {
    this.strictResponses = strictResponses;
    return this;
  }

  /**
   * Sets how much of each HTTP exchange is logged; see {@link HttpLogLevel}.
   *
   * @param httpLogLevel the level; defaults to {@link HttpLogLevel#NONE}
   * @return this builder
   */
  public RealtimeKitClientBuilder httpLogLevel(HttpLogLevel httpLogLevel) {
    this.httpLogLevel = Objects.requireNonNull(httpLogLevel, "httpLogLevel");
    return this;
  }

  /**
   * Sets the {@code User-Agent} header of every call and download, such as a program's
   * {@code name/version}.
   *
   * @param userAgent printable, not blank; {@code realtimekit-java} by default
   * @return this builder
   */
  public RealtimeKitClientBuilder userAgent(String userAgent) {
    Objects.requireNonNull(userAgent, "userAgent");
    if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException("userAgent: must be printable and not blank");
    }
    this.userAgent = userAgent;
    return this;
  }

  // Rate limits and the application's own stages.

  /**
   * Sets the budgets the client keeps its calls under, counted over all its threads and views; a
   * call that would exceed one waits. Whatever they are, a {@code 429} answered to any call shuts
   * the client for every thread until its {@code Retry-After} has passed.
   *
   * @param rateLimits the budgets; defaults to {@link RateLimit#cloudflareDefaults()}; an empty list
   *     for none, when something else keeps the account's budget (a proxy, or the caller)
   * @return this builder
   */
  public RealtimeKitClientBuilder rateLimits(List<RateLimit> rateLimits) {
    Objects.requireNonNull(rateLimits, "rateLimits");
    this.rateLimits = List.copyOf(rateLimits);
    return this;
  }

  /**
   * Adds a stage of the application's own to every attempt of every call to the API, after the ones
   * added before; see {@link ClientStage} for where it runs and what it sees.
   *
   * @param stage the stage, safe for concurrent use
   * @return this builder
   */
  public RealtimeKitClientBuilder addStage(ClientStage stage) {
    stages.add(Objects.requireNonNull(stage, "stage"));
    return this;
  }

  /** Replaces the monotonic clock of the rate gate, so that tests need not wait. */
  RealtimeKitClientBuilder nanoClock(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    return this;
  }

  // End of rate limits and stages.

  // Network: proxy and TLS, applied to the HttpClient the client builds.
  ProxySelector proxy;
  ProxyCredentials proxyCredentials;
  SSLContext sslContext;

  /**
   * Sends every request through the proxies a selector chooses, such as
   * {@code ProxySelector.of(new InetSocketAddress("proxy.example", 3128))}; https goes through a
   * {@code CONNECT} tunnel. Downloads go through it too. Not with {@link #httpClient(HttpClient)}: set
   * it on that client.
   *
   * @param proxy the selector
   * @return this builder
   */
  public RealtimeKitClientBuilder proxy(ProxySelector proxy) {
    this.proxy = Objects.requireNonNull(proxy, "proxy");
    this.proxyCredentials = null;
    return this;
  }

  /**
   * As {@link #proxy(ProxySelector)}, with {@code Proxy-Authorization: Basic} sent with each request
   * (as curl does), which the JDK sends to a proxy only, never to the API; no log line, message or
   * {@code toString()} shows it. Over an https tunnel the JDK sends Basic credentials only when the
   * system property {@code jdk.http.auth.tunneling.disabledSchemes} is empty before its first
   * HttpClient ({@code -Djdk.http.auth.tunneling.disabledSchemes=}). (No JDK {@code Authenticator}:
   * with one, the JDK ends the API's 401s without {@code WWW-Authenticate} in an I/O error.)
   *
   * @param proxy the selector
   * @param user the proxy's user name, without {@code ':'}
   * @param password the proxy's password; copied, and the copy cleared once encoded
   * @return this builder
   */
  public RealtimeKitClientBuilder proxy(ProxySelector proxy, String user, char[] password) {
    ProxyCredentials credentials = ProxyCredentials.basic(user, password);
    proxy(proxy);
    this.proxyCredentials = credentials;
    return this;
  }

  /**
   * Sets the TLS context of every connection: one that trusts a corporate CA, or that holds a client
   * certificate for mutual TLS. Not with {@link #httpClient(HttpClient)}: set it on that client.
   *
   * @param sslContext the context; defaults to the JVM's
   * @return this builder
   */
  public RealtimeKitClientBuilder sslContext(SSLContext sslContext) {
    this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
    return this;
  }

  /** Replaces sleeping, the clock and the jitter, so that tests need not wait. */
  RealtimeKitClientBuilder clock(HttpPipeline.Sleeper sleeper, LongSupplier currentTimeMillis, DoubleSupplier random) {
    // The rate gate's clock moves by what is slept, so that a retry's wait opens the gate as it would.
    java.util.concurrent.atomic.AtomicLong slept = new java.util.concurrent.atomic.AtomicLong();
    this.nanoTime = slept::get;
    this.sleeper = duration -> {
      sleeper.sleep(duration);
      slept.addAndGet(duration.toNanos());
    };
    this.currentTimeMillis = currentTimeMillis;
    this.random = random;
    return this;
  }

  /**
   * Builds the client.
   *
   * @return a new client
   * @throws IllegalArgumentException if a setting is missing or invalid, naming it
   * @throws IllegalStateException if {@link #strictResponses strict mode} is asked for without
   *     Hibernate Validator on the class path
   */
  public RealtimeKitClient build() {
    if (apiToken == null || apiToken.isBlank()) {
      throw new IllegalArgumentException("apiToken: must not be null or blank (CLOUDFLARE_API_TOKEN)");
    }
    if (apiToken.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      throw new IllegalArgumentException("apiToken: must not contain whitespace or control characters");
    }
    requireSet("accountId", accountId);
    requireSet("appId", appId);
    BuilderChecks.requirePositive("connectTimeout", connectTimeout);
    BuilderChecks.requirePositive("readTimeout", readTimeout);
    baseUrl = BuilderChecks.normalizeBaseUrl(baseUrl);
    BuilderChecks.checkNetwork(httpClient, proxy != null, sslContext != null);
    return new RealtimeKitClient(new ClientRuntime(this), accountId, appId);
  }

  static String requireSet(String name, String value) {
    if (value == null || value.isBlank()) {
      String env = name.equals("accountId") ? " (CLOUDFLARE_ACCOUNT_ID)" : " (REALTIMEKIT_APP_ID)";
      throw new IllegalArgumentException(name + ": must be set and not blank" + env);
    }
    return value;
  }
}
