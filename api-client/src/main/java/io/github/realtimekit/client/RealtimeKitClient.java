package io.github.realtimekit.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Request;
import io.github.realtimekit.client.RecordingsApi.GetAllRecordingsQuery;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The client of the RealtimeKit recordings API; build one with {@link #builder()}.
 *
 * <pre>{@code
 * RealtimeKitClient client = RealtimeKitClient.builder()
 *     .apiToken(System.getenv("CLOUDFLARE_API_TOKEN"))
 *     .build();
 * Recording recording = client.getRecording(accountId, appId, recordingId);
 * for (Recording r : client.listRecordings(accountId, appId, GetAllRecordingsQuery.none())) {
 *   System.out.println(r.getId() + " " + r.getStatus());
 * }
 * }</pre>
 *
 * <p>Every method checks its arguments against the spec before sending anything, retries what is
 * safe to retry (see {@link Builder#maxRetries(int)}), and throws only the unchecked exceptions of
 * {@link io.github.realtimekit.client.errors}. One instance is safe to share between threads.
 */
public final class RealtimeKitClient {

  /** The base URL of Cloudflare's API, used unless {@link Builder#baseUrl(String)} says otherwise. */
  public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";

  private final RecordingsApi api;
  private final String baseUrl;

  private RealtimeKitClient(Builder b) {
    this.baseUrl = b.baseUrl;
    ObjectMapper mapper = RealtimeKitJson.newObjectMapper();
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(b.connectTimeout)
        // Redirects are not followed: they would carry the API token to wherever they point.
        .followRedirects(HttpClient.Redirect.NEVER)
        // HTTP/2 where TLS negotiates it; no h2c upgrade attempt on plain http.
        .version(b.baseUrl.startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .build();
    String authorization = "Bearer " + b.apiToken;
    this.api = Feign.builder()
        .client(new JdkHttpClient(http))
        .decoder(new RawResponseDecoder(new JsonBodyDecoder(mapper, b.strictResponses ? validator() : null)))
        .errorDecoder(new ApiErrorDecoder(mapper))
        .retryer(b.retryPolicy.newRetryer())
        .invocationHandlerFactory(new CheckedInvocationHandlerFactory(validator()))
        .logger(new RedactingLogger())
        .logLevel(b.httpLogLevel.feignLevel)
        .options(new Request.Options(
            b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
            b.readTimeout.toMillis(), TimeUnit.MILLISECONDS,
            false))
        .requestInterceptor(template -> template
            .header("Authorization", authorization)
            .header("User-Agent", "realtimekit-java"))
        .target(new FormArrayTarget<>(RecordingsApi.class, b.baseUrl));
  }

  /**
   * Returns a builder with the defaults: Cloudflare's API, 10 s connect and 60 s read timeouts,
   * 2 retries, lenient decoding, no HTTP log.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the generated Feign interface behind this client, with the same configuration:
   * authentication, argument checks, typed errors and retries.
   *
   * @return the interface; safe to share between threads
   */
  public RecordingsApi api() {
    return api;
  }

  /**
   * Fetches details of a recording.
   *
   * @param accountId {@code account_id}: the account identifier tag
   * @param appId {@code app_id}: the app identifier tag
   * @param recordingId {@code recording_id}: the recording
   * @return the recording
   * @throws io.github.realtimekit.client.errors.NotFoundException if there is no such recording
   * @throws io.github.realtimekit.client.errors.RealtimeKitException for any other failure
   */
  public Recording getRecording(String accountId, String appId, UUID recordingId) {
    GetRecordingResponse response = api.getOneRecording(accountId, appId, recordingId);
    if (response.getData() == null) {
      throw new ResponseDecodingException("getOneRecording", 200,
          "The response of getOneRecording holds no recording (success=" + response.getSuccess() + ")", "", null);
    }
    return response.getData();
  }

  /**
   * Fetches details of a recording, with the whole response envelope, status and headers.
   *
   * @param accountId {@code account_id}: the account identifier tag
   * @param appId {@code app_id}: the app identifier tag
   * @param recordingId {@code recording_id}: the recording
   * @return the decoded envelope with the response's status and headers
   */
  public RawResponse<GetRecordingResponse> getRecordingWithResponse(String accountId, String appId, UUID recordingId) {
    return api.getOneRecordingWithResponse(accountId, appId, recordingId);
  }

  /**
   * Fetches one page of an app's recordings, with its paging information.
   *
   * @param accountId {@code account_id}: the account identifier tag
   * @param appId {@code app_id}: the app identifier tag
   * @param query the filters, sorting and paging; {@link GetAllRecordingsQuery#none()} for none
   * @return the page
   */
  public ListRecordingsResponse listRecordingsPage(String accountId, String appId, GetAllRecordingsQuery query) {
    return api.getAllRecordings(accountId, appId, query);
  }

  /**
   * Fetches one page of an app's recordings, with the response's status and headers.
   *
   * @param accountId {@code account_id}: the account identifier tag
   * @param appId {@code app_id}: the app identifier tag
   * @param query the filters, sorting and paging; {@link GetAllRecordingsQuery#none()} for none
   * @return the decoded page with the response's status and headers
   */
  public RawResponse<ListRecordingsResponse> listRecordingsPageWithResponse(
      String accountId, String appId, GetAllRecordingsQuery query) {
    return api.getAllRecordingsWithResponse(accountId, appId, query);
  }

  /**
   * Every recording of an app that matches a query, fetched page by page as the caller iterates;
   * see {@link PagedRecordings} for how the walk proceeds and ends. Nothing is sent until then.
   *
   * @param accountId {@code account_id}: the account identifier tag
   * @param appId {@code app_id}: the app identifier tag
   * @param query the filters, sorting and page size; its {@code page_no}, if set, is the first page
   * @return the recordings, lazily
   */
  public PagedRecordings listRecordings(String accountId, String appId, GetAllRecordingsQuery query) {
    GetAllRecordingsQuery q = requireQuery(query);
    int firstPage = q.pageNo() == null ? 1 : q.pageNo();
    return new PagedRecordings(firstPage,
        pageNo -> listRecordingsPage(accountId, appId, q.toBuilder().pageNo(pageNo).build()));
  }

  private static GetAllRecordingsQuery requireQuery(GetAllRecordingsQuery query) {
    if (query == null) {
      throw new InvalidArgumentException("getAllRecordings", List.of(new InvalidArgumentException.Violation(
          "query", "must not be null; use GetAllRecordingsQuery.none() for no filters", "null")));
    }
    return query;
  }

  private static Validator validator() {
    return ValidatorHolder.VALIDATOR;
  }

  @Override
  public String toString() {
    return "RealtimeKitClient{baseUrl=" + baseUrl + "}";
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
    private String baseUrl = DEFAULT_BASE_URL;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private boolean strictResponses;
    private HttpLogLevel httpLogLevel = HttpLogLevel.NONE;

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
     * Sets how long to wait for a response once a request is sent.
     *
     * @param readTimeout a positive duration; defaults to 60 seconds
     * @return this builder
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
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
      retryPolicy = new RetryPolicy(maxRetries, retryPolicy.initialBackoff, retryPolicy.maxBackoff,
          retryPolicy.maxRetryAfter);
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
      retryPolicy = new RetryPolicy(retryPolicy.maxRetries, initial, max, retryPolicy.maxRetryAfter);
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
      retryPolicy = new RetryPolicy(retryPolicy.maxRetries, retryPolicy.initialBackoff, retryPolicy.maxBackoff,
          maxRetryAfter);
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
      if (httpLogLevel == null) {
        throw new IllegalArgumentException("httpLogLevel: must not be null");
      }
      this.httpLogLevel = httpLogLevel;
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
        throw new IllegalArgumentException("apiToken: must not be null or blank");
      }
      if (apiToken.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
        throw new IllegalArgumentException("apiToken: must not contain whitespace or control characters");
      }
      requirePositive("connectTimeout", connectTimeout);
      requirePositive("readTimeout", readTimeout);
      baseUrl = normalizeBaseUrl(baseUrl);
      return new RealtimeKitClient(this);
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
        throw new IllegalArgumentException("baseUrl: must be an absolute http or https URL, was " + url, e);
      }
      String scheme = uri.getScheme();
      if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
        throw new IllegalArgumentException("baseUrl: must be an absolute http or https URL, was " + url);
      }
      String s = scheme.toLowerCase(Locale.ROOT) + uri.toString().substring(scheme.length());
      return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
  }
}
