package io.github.realtimekit.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.client.errors.ResponseDecodingException;
import io.github.realtimekit.model.GetRecordingResponse;
import io.github.realtimekit.model.ListRecordingsResponse;
import io.github.realtimekit.model.Recording;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The client of the RealtimeKit recordings API for one account and app; build one with
 * {@link #builder()} or {@link #fromEnv()}.
 *
 * <pre>{@code
 * try (RealtimeKitClient client = RealtimeKitClient.fromEnv()) {
 *   Recording recording = client.getRecording(recordingId);
 *   for (Recording r : client.listRecordings(ListRecordingsQuery.none())) {
 *     System.out.println(r.getId() + " " + r.getStatus());
 *   }
 * }
 * }</pre>
 *
 * <p>Every call checks its arguments against the spec before sending anything, and goes through
 * one pipeline, assembled in the constructor: retries, then error mapping, then authentication,
 * then logging, around one transport with a deadline and a size limit. Only the unchecked
 * exceptions of {@link io.github.realtimekit.client.errors} are thrown. One instance is safe to
 * share between threads; {@link #close()} it when done.
 */
public final class RealtimeKitClient implements AutoCloseable {

  /** The base URL of Cloudflare's API, used unless {@link Builder#baseUrl(String)} says otherwise. */
  public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";

  /** The default of {@link Builder#maxResponseBytes(long)}: 16 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private final RecordingsApi api;
  private final String baseUrl;
  private final String accountId;
  private final String appId;
  private final AtomicBoolean closed;

  private RealtimeKitClient(Builder b) {
    this.baseUrl = b.baseUrl;
    this.accountId = b.accountId;
    this.appId = b.appId;
    this.closed = new AtomicBoolean();
    ObjectMapper mapper = RealtimeKitJson.newObjectMapper();
    SafeText safe = new SafeText(b.apiToken);
    HttpClient http = b.httpClient != null ? b.httpClient : SharedHttpClients.get(b.connectTimeout,
        // HTTP/2 where TLS negotiates it; no h2c upgrade attempt on plain http.
        b.baseUrl.startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);

    // The pipeline, outermost first: each attempt is authenticated, then logged, then sent.
    Client transport = new JdkTransport(http, b.maxResponseBytes);
    Client logging = new LoggingClient(transport, b.httpLogLevel, safe, System::nanoTime);
    Client authenticating = new AuthenticatingClient(logging, b.apiToken, "realtimekit-java");
    Client errorMapping = new ErrorMappingClient(authenticating, mapper, safe);
    Client retrying = new RetryingClient(errorMapping, b.retryPolicy, b.retryListener, b.sleeper,
        b.currentTimeMillis, b.random);
    Client pipeline = (request, options) -> {
      if (closed.get()) {
        throw new IllegalStateException("This RealtimeKitClient is closed");
      }
      return retrying.execute(request, options);
    };

    this.api = Feign.builder()
        .client(pipeline)
        .contract(new SpecContract())
        .decoder(new ResponseDecoder(new JsonBodyDecoder(mapper, b.strictResponses ? validator() : null, safe)))
        .retryer(Retryer.NEVER_RETRY)
        .logLevel(Logger.Level.NONE)
        .invocationHandlerFactory(new CheckedInvocationHandlerFactory())
        .options(new Request.Options(
            b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
            b.readTimeout.toMillis(), TimeUnit.MILLISECONDS,
            false))
        .target(new FormArrayTarget<>(RecordingsApi.class, b.baseUrl));
  }

  private RealtimeKitClient(RealtimeKitClient parent, String accountId, String appId) {
    this.api = parent.api;
    this.baseUrl = parent.baseUrl;
    this.closed = parent.closed;
    this.accountId = accountId;
    this.appId = appId;
  }

  /**
   * Returns a builder with the defaults: Cloudflare's API, 10 s connect timeout, a 60 s deadline
   * for each response, 16 MiB at most per response, 2 retries, lenient decoding, no HTTP log.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a client from the environment variables the command-line tool reads:
   * {@code CLOUDFLARE_API_TOKEN}, {@code CLOUDFLARE_ACCOUNT_ID}, {@code REALTIMEKIT_APP_ID} and,
   * if set, {@code REALTIMEKIT_BASE_URL}; everything else as {@link #builder()} has it.
   *
   * @return a new client
   * @throws IllegalArgumentException if a required variable is unset or blank, naming it
   */
  public static RealtimeKitClient fromEnv() {
    return builder().fromEnv(System.getenv()).build();
  }

  /**
   * Returns a view of this client for another account and app, sharing its configuration and its
   * life: closing either closes both.
   *
   * @param accountId {@code account_id}: the account identifier tag
   * @param appId {@code app_id}: the app identifier tag
   * @return the view
   */
  public RealtimeKitClient withApp(String accountId, String appId) {
    return new RealtimeKitClient(this, Builder.requireSet("accountId", accountId), Builder.requireSet("appId", appId));
  }

  /**
   * Returns the account this client calls for.
   *
   * @return {@code account_id}
   */
  public String getAccountId() {
    return accountId;
  }

  /**
   * Returns the app this client calls for.
   *
   * @return {@code app_id}
   */
  public String getAppId() {
    return appId;
  }

  /**
   * Returns the generated Feign interface behind this client, with the same pipeline: argument
   * checks, authentication, typed errors, retries, deadlines and limits. Its methods take the
   * account and app on every call.
   *
   * @return the interface; safe to share between threads
   */
  public RecordingsApi api() {
    return api;
  }

  /**
   * Fetches details of a recording.
   *
   * @param recordingId {@code recording_id}: the recording
   * @return the recording
   * @throws io.github.realtimekit.client.errors.NotFoundException if there is no such recording
   * @throws io.github.realtimekit.client.errors.RealtimeKitException for any other failure
   */
  public Recording getRecording(UUID recordingId) {
    return recording(api.getRecording(accountId, appId, recordingId));
  }

  /**
   * Fetches details of a recording, with the response's status and headers.
   *
   * @param recordingId {@code recording_id}: the recording
   * @return the recording with the status and headers of the response
   */
  public Response<Recording> getRecordingWithResponse(UUID recordingId) {
    Response<GetRecordingResponse> response = api.getRecordingWithResponse(accountId, appId, recordingId);
    return new Response<>(response.getStatusCode(), response.getHeaders(), recording(response.getValue()));
  }

  private static Recording recording(GetRecordingResponse response) {
    if (response.getData() == null) {
      throw new ResponseDecodingException("getRecording", 200,
          "The response of getRecording holds no recording (success=" + response.getSuccess() + ")", "", null);
    }
    return response.getData();
  }

  /**
   * Fetches one page of the app's recordings: the query's {@code page_no}, or page 1.
   *
   * @param query the filters, sorting and paging; {@link ListRecordingsQuery#none()} for none
   * @return the page, from which {@link RecordingPage#getNextPage()} fetches the next
   */
  public RecordingPage listRecordingsPage(ListRecordingsQuery query) {
    ListRecordingsQuery q = requireQuery(query);
    return new RecordingPage(api.listRecordings(accountId, appId, q), firstPageNo(q), 0, 0, pageFetcher(q),
        "listRecordings");
  }

  /**
   * Fetches one page of the app's recordings, with the response's status and headers.
   *
   * @param query the filters, sorting and paging; {@link ListRecordingsQuery#none()} for none
   * @return the page with the status and headers of the response
   */
  public Response<RecordingPage> listRecordingsPageWithResponse(ListRecordingsQuery query) {
    ListRecordingsQuery q = requireQuery(query);
    Response<ListRecordingsResponse> response = api.listRecordingsWithResponse(accountId, appId, q);
    RecordingPage page = new RecordingPage(response.getValue(), firstPageNo(q), 0, 0, pageFetcher(q),
        "listRecordings");
    return new Response<>(response.getStatusCode(), response.getHeaders(), page);
  }

  /**
   * Every recording of the app that matches a query, fetched page by page as the caller iterates;
   * see {@link PagedRecordings}. Nothing is sent until then.
   *
   * @param query the filters, sorting and page size; its {@code page_no}, if set, is the first page
   * @return the recordings, lazily
   */
  public PagedRecordings listRecordings(ListRecordingsQuery query) {
    ListRecordingsQuery q = requireQuery(query);
    return new PagedRecordings(() -> new RecordingPage(pageFetcher(q).apply(firstPageNo(q)), firstPageNo(q), 0, 0,
        pageFetcher(q), "listRecordings"));
  }

  private java.util.function.IntFunction<ListRecordingsResponse> pageFetcher(ListRecordingsQuery q) {
    return pageNo -> api.listRecordings(accountId, appId, q.toBuilder().pageNo(pageNo).build());
  }

  private static int firstPageNo(ListRecordingsQuery q) {
    return q.getPageNo() == null ? 1 : q.getPageNo();
  }

  private static ListRecordingsQuery requireQuery(ListRecordingsQuery query) {
    if (query == null) {
      throw new InvalidArgumentException("listRecordings", List.of(new InvalidArgumentException.Violation(
          "query", "must not be null; use ListRecordingsQuery.none() for no filters", "null")));
    }
    return query;
  }

  /**
   * Closes the client: later calls fail with {@link IllegalStateException}. A caller's own
   * {@code HttpClient} is left open; the shared one the client otherwise uses holds no resources
   * of this client's. Closing twice does nothing.
   */
  @Override
  public void close() {
    closed.set(true);
  }

  private static Validator validator() {
    return ValidatorHolder.VALIDATOR;
  }

  @Override
  public String toString() {
    return "RealtimeKitClient{baseUrl=" + baseUrl + ", accountId=" + accountId + ", appId=" + appId + "}";
  }

  /** One validator for the process: Hibernate Validator without an EL implementation. */
  private static final class ValidatorHolder {
    /**
     * Hibernate Validator announces its version at INFO when it starts, which java.util.logging prints
     * on stderr of every program using the client. Unless the application set a level for that one
     * logger, the announcement is left out; warnings and errors are not.
     */
    private static final java.util.logging.Logger VERSION_BANNER =
        java.util.logging.Logger.getLogger("org.hibernate.validator.internal.util.Version");

    static {
      if (VERSION_BANNER.getLevel() == null) {
        VERSION_BANNER.setLevel(java.util.logging.Level.WARNING);
      }
    }

    static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory()
        .getValidator();
  }

  /** Configures and builds a {@link RealtimeKitClient}. Not thread-safe. */
  public static final class Builder {
    private String apiToken;
    private String accountId;
    private String appId;
    private String baseUrl = DEFAULT_BASE_URL;
    private HttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private RetryListener retryListener = RetryListener.NONE;
    private boolean strictResponses;
    private HttpLogLevel httpLogLevel = HttpLogLevel.NONE;
    private RetryingClient.Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
    private LongSupplier currentTimeMillis = System::currentTimeMillis;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {
    }

    /**
     * Sets the Cloudflare API token, sent as {@code Authorization: Bearer <token>}. Required. The
     * token never appears in a message, a log line or a {@code toString()}.
     *
     * @param apiToken the token
     * @return this builder
     */
    public Builder apiToken(String apiToken) {
      this.apiToken = apiToken;
      return this;
    }

    /**
     * Sets the account every call is for. Required.
     *
     * @param accountId {@code account_id}: the account identifier tag
     * @return this builder
     */
    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    /**
     * Sets the app every call is for. Required.
     *
     * @param appId {@code app_id}: the app identifier tag
     * @return this builder
     */
    public Builder appId(String appId) {
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
    public Builder fromEnv(Map<String, String> env) {
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
     * @param baseUrl an absolute http or https URL; defaults to {@link #DEFAULT_BASE_URL}
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sends requests with the caller's own JDK HttpClient, for a proxy, an {@code SSLContext} or an
     * executor. The client never closes it, and its own settings apply: its connect timeout
     * replaces {@link #connectTimeout(Duration)}, and it should not follow redirects, which would
     * carry the token elsewhere. Without one, clients share one HttpClient per configuration.
     *
     * @param httpClient the HttpClient
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Sets how long to wait for a connection.
     *
     * @param connectTimeout a positive duration; defaults to 10 seconds
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
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
    public Builder readTimeout(Duration readTimeout) {
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
    public Builder maxResponseBytes(long maxResponseBytes) {
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
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries: must be 0 or more, was " + maxRetries);
      }
      retryPolicy = retryPolicy.withMaxRetries(maxRetries);
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
    public Builder retryBackoff(Duration initial, Duration max) {
      requireNotNegative("retryBackoff initial", initial);
      requireNotNegative("retryBackoff max", max);
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("retryBackoff: max must be at least initial, was " + max + " < " + initial);
      }
      retryPolicy = retryPolicy.withBackoff(initial, max);
      return this;
    }

    /**
     * Sets the longest wait a {@code Retry-After} or {@code Retry-After-Ms} header can ask for; a
     * longer one is cut to this.
     *
     * @param maxRetryAfter 0 or more; defaults to 60 seconds
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      requireNotNegative("maxRetryAfter", maxRetryAfter);
      retryPolicy = retryPolicy.withMaxRetryAfter(maxRetryAfter);
      return this;
    }

    /**
     * Sets who is told before each retry, for instance to say on a terminal what the program is
     * waiting for.
     *
     * @param retryListener the listener; defaults to {@link RetryListener#NONE}
     * @return this builder
     */
    public Builder retryListener(RetryListener retryListener) {
      this.retryListener = Objects.requireNonNull(retryListener, "retryListener");
      return this;
    }

    /**
     * Sets whether decoded responses are checked against the spec's constraints (required fields,
     * ranges, lengths). Off by default: the client decodes leniently and leaves judgement to the
     * caller. When on, a response that breaks the spec fails with a
     * {@link io.github.realtimekit.client.errors.ResponseValidationException}.
     *
     * @param strictResponses true to check every decoded response
     * @return this builder
     */
    public Builder strictResponses(boolean strictResponses) {
      this.strictResponses = strictResponses;
      return this;
    }

    /**
     * Sets how much of each HTTP exchange is logged; see {@link HttpLogLevel}.
     *
     * @param httpLogLevel the level; defaults to {@link HttpLogLevel#NONE}
     * @return this builder
     */
    public Builder httpLogLevel(HttpLogLevel httpLogLevel) {
      this.httpLogLevel = Objects.requireNonNull(httpLogLevel, "httpLogLevel");
      return this;
    }

    /** Replaces sleeping, the clock and the jitter, so that tests need not wait. */
    Builder clock(RetryingClient.Sleeper sleeper, LongSupplier currentTimeMillis, DoubleSupplier random) {
      this.sleeper = sleeper;
      this.currentTimeMillis = currentTimeMillis;
      this.random = random;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return a new client
     * @throws IllegalArgumentException if a setting is missing or invalid, naming it
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
      requirePositive("connectTimeout", connectTimeout);
      requirePositive("readTimeout", readTimeout);
      baseUrl = normalizeBaseUrl(baseUrl);
      return new RealtimeKitClient(this);
    }

    static String requireSet(String name, String value) {
      if (value == null || value.isBlank()) {
        String env = name.equals("accountId") ? " (CLOUDFLARE_ACCOUNT_ID)" : " (REALTIMEKIT_APP_ID)";
        throw new IllegalArgumentException(name + ": must be set and not blank" + env);
      }
      return value;
    }

    private static void requirePositive(String name, Duration value) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + ": must be a positive duration, was " + value);
      }
    }

    private static void requireNotNegative(String name, Duration value) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException(name + ": must be 0 or a positive duration, was " + value);
      }
    }

    private static String normalizeBaseUrl(String url) {
      if (url == null || url.isBlank()) {
        throw new IllegalArgumentException("baseUrl: must not be null or blank");
      }
      URI uri;
      try {
        uri = URI.create(url.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("baseUrl: must be an absolute http or https URL, was "
            + SafeText.escapeControls(url), e);
      }
      String scheme = uri.getScheme();
      if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
        throw new IllegalArgumentException("baseUrl: must be an absolute http or https URL, was "
            + SafeText.escapeControls(url));
      }
      String s = scheme.toLowerCase(Locale.ROOT) + uri.toString().substring(scheme.length());
      return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
  }
}
