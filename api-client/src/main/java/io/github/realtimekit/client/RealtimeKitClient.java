package io.github.realtimekit.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Request;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import feign.http2client.Http2Client;
import io.github.realtimekit.model.GetRecordingResponse;
import io.github.realtimekit.model.ListRecordingsResponse;
import io.github.realtimekit.model.Recording;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The client of the RealtimeKit recordings API; build one with {@link #builder()}.
 *
 * <pre>{@code
 * RealtimeKitClient client = RealtimeKitClient.builder()
 *     .apiToken(System.getenv("CLOUDFLARE_API_TOKEN"))
 *     .build();
 * Recording recording = client.getRecording(accountId, appId, recordingId);
 * }</pre>
 *
 * <p>One instance is safe to share between threads.
 */
public final class RealtimeKitClient {

  /** The base URL of Cloudflare's API, used unless {@link Builder#baseUrl(String)} says otherwise. */
  public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";

  private final RecordingsApi api;
  private final String baseUrl;

  private RealtimeKitClient(Builder b) {
    this.baseUrl = b.baseUrl;
    ObjectMapper mapper = b.objectMapper;
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(b.connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        // HTTP/2 where TLS negotiates it; no h2c upgrade attempt on plain http.
        .version(b.baseUrl.startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .build();
    String authorization = "Bearer " + b.apiToken;
    this.api = Feign.builder()
        .client(new Http2Client(http))
        .encoder(new JacksonEncoder(mapper))
        .decoder(new RawResponseDecoder(new JacksonDecoder(mapper)))
        .options(new Request.Options(
            b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
            b.readTimeout.toMillis(), TimeUnit.MILLISECONDS,
            false))
        .requestInterceptor(template -> template.header("Authorization", authorization))
        .target(new FormArrayTarget<>(RecordingsApi.class, b.baseUrl));
  }

  /**
   * Returns a builder with the defaults: Cloudflare's API, 10 s connect and 60 s read timeouts.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fetches details of a recording.
   *
   * @param accountId {@code account_id}: the account identifier tag
   * @param appId {@code app_id}: the app identifier tag
   * @param recordingId {@code recording_id}: the recording
   * @return the recording
   */
  public Recording getRecording(String accountId, String appId, UUID recordingId) {
    return api.getOneRecording(accountId, appId, recordingId).getData();
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
   * @param query the filters, sorting and paging; {@link ListRecordingsQuery#none()} for none
   * @return the page
   */
  public ListRecordingsResponse listRecordingsPage(String accountId, String appId, ListRecordingsQuery query) {
    return listRecordingsPageWithResponse(accountId, appId, query).body();
  }

  /**
   * Fetches one page of an app's recordings, with the response's status and headers.
   *
   * @param accountId {@code account_id}: the account identifier tag
   * @param appId {@code app_id}: the app identifier tag
   * @param query the filters, sorting and paging; {@link ListRecordingsQuery#none()} for none
   * @return the decoded page with the response's status and headers
   */
  public RawResponse<ListRecordingsResponse> listRecordingsPageWithResponse(
      String accountId, String appId, ListRecordingsQuery query) {
    ListRecordingsQuery q = Objects.requireNonNull(query, "query");
    return api.getAllRecordingsWithResponse(accountId, appId, q.endTime(), q.expired(), q.meetingId(),
        q.pageNo(), q.perPage(), q.sortBy(), q.sortOrder(), q.startTime(), q.statuses());
  }

  @Override
  public String toString() {
    return "RealtimeKitClient{baseUrl=" + baseUrl + "}";
  }

  /** Configures and builds a {@link RealtimeKitClient}. Not thread-safe. */
  public static final class Builder {
    private String apiToken;
    private String baseUrl = DEFAULT_BASE_URL;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private ObjectMapper objectMapper = RealtimeKitJson.newObjectMapper();

    private Builder() {
    }

    /**
     * Sets the Cloudflare API token, sent as {@code Authorization: Bearer <token>}. Required.
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
      String s = uri.getScheme().toLowerCase(java.util.Locale.ROOT) + uri.toString().substring(scheme.length());
      return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
  }
}
