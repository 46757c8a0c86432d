package io.github.realtimekit.client.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.realtimekit.client.RealtimeKitJson;
import io.github.realtimekit.client.core.SafeText;
import io.github.realtimekit.client.webhooks.WebhookVerificationException.Reason;
import io.github.realtimekit.model.WebhookEvent;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Verifies RealtimeKit's webhook deliveries and decodes their events.
 *
 * <p>A delivery is accepted only when its {@code rtk-signature} header, base64, is an
 * RSASSA-PKCS1-v1_5 SHA-256 signature of the exact raw body bytes by RealtimeKit's key; the body is
 * parsed only after that. Pass the bytes as they came off the wire, never JSON written again.
 *
 * <pre>{@code
 * RealtimeKitWebhooks webhooks = RealtimeKitWebhooks.builder().build(); // fetches the key
 * WebhookDelivery delivery = webhooks.verify(body, headers);
 * if (delivery.getEvent() instanceof RecordingStatusUpdate update) { ... }
 * }</pre>
 *
 * <p>The key is either given ({@link Builder#publicKeyPem}) or fetched from
 * {@link #DEFAULT_PUBLIC_KEY_URL} and cached; a fetched key is fetched again when a signature fails,
 * in case it rotated, at most once per {@link Builder#minRefetchInterval}. Thread-safe and
 * immutable; build one and share it.
 */
public final class RealtimeKitWebhooks {

  /** Where RealtimeKit publishes its webhook public key. */
  public static final URI DEFAULT_PUBLIC_KEY_URL = URI.create("https://api.realtime.cloudflare.com/.well-known/webhooks.json");
  /** The header carrying the signature. */
  public static final String SIGNATURE_HEADER = "rtk-signature";
  /** The header carrying the delivery's id. */
  public static final String DELIVERY_ID_HEADER = "rtk-uuid";
  /** The header carrying the webhook configuration's id. */
  public static final String WEBHOOK_ID_HEADER = "rtk-webhook-id";
  /** The longest signature header read: a 16384-bit signature is 2732 base64 characters. */
  static final int MAX_SIGNATURE_CHARS = 4096;

  private final WebhookKeys keys;
  private final ObjectReader reader;

  private RealtimeKitWebhooks(WebhookKeys keys, ObjectMapper mapper) {
    this.keys = keys;
    this.reader = mapper.readerFor(WebhookEvent.class);
  }

  /**
   * Returns a builder: without a key, the built verifier fetches it from {@link #DEFAULT_PUBLIC_KEY_URL}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a delivery and decodes its event.
   *
   * @param rawBody the request body, exactly as received
   * @param headers the request headers, names in any case
   * @return the delivery
   * @throws WebhookVerificationException saying what failed; nothing of the body is decoded before the signature verifies
   */
  public WebhookDelivery verify(byte[] rawBody, Map<String, List<String>> headers) {
    Objects.requireNonNull(headers, "headers");
    return verify(rawBody, name -> header(headers, name));
  }

  /**
   * Verifies a delivery and decodes its event, reading headers through a function (such as the JDK
   * server's {@code exchange.getRequestHeaders()::getFirst}).
   *
   * @param rawBody the request body, exactly as received
   * @param header gives the value of a header by its lower-case name, or null when it is missing
   * @return the delivery
   * @throws WebhookVerificationException saying what failed; nothing of the body is decoded before the signature verifies
   */
  public WebhookDelivery verify(byte[] rawBody, Function<String, @Nullable String> header) {
    Objects.requireNonNull(rawBody, "rawBody");
    Objects.requireNonNull(header, "header");
    byte[] signature = signature(header.apply(SIGNATURE_HEADER));
    RSAPublicKey key = keys.current();
    if (!verifies(key, rawBody, signature)) {
      // One more key at most per delivery, whatever the key endpoint answers.
      RSAPublicKey next = keys.afterFailure(key);
      if (next == null || !verifies(next, rawBody, signature)) {
        throw new WebhookVerificationException(Reason.BAD_SIGNATURE,
            "the " + SIGNATURE_HEADER + " signature does not verify with the webhook public key", null);
      }
    }
    WebhookEvent event;
    try {
      event = reader.readValue(rawBody);
    } catch (JsonProcessingException e) {
      throw new WebhookVerificationException(Reason.MALFORMED_PAYLOAD,
          "the signed body is not a webhook event: " + SafeText.of(e.getOriginalMessage()), null);
    } catch (IOException e) {
      throw new WebhookVerificationException(Reason.MALFORMED_PAYLOAD, "the signed body could not be read", null);
    }
    return new WebhookDelivery(event, header.apply(DELIVERY_ID_HEADER), header.apply(WEBHOOK_ID_HEADER));
  }

  private static byte[] signature(@Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new WebhookVerificationException(Reason.MISSING_SIGNATURE, "the " + SIGNATURE_HEADER + " header is missing", null);
    }
    if (value.length() > MAX_SIGNATURE_CHARS) {
      throw new WebhookVerificationException(Reason.MALFORMED_SIGNATURE,
          "the " + SIGNATURE_HEADER + " header is longer than " + MAX_SIGNATURE_CHARS + " characters", null);
    }
    try {
      return Base64.getDecoder().decode(value.strip());
    } catch (IllegalArgumentException e) {
      throw new WebhookVerificationException(Reason.MALFORMED_SIGNATURE, "the " + SIGNATURE_HEADER + " header is not base64", null);
    }
  }

  /** RSASSA-PKCS1-v1_5 with SHA-256; the JDK compares the digests in constant time. */
  private static boolean verifies(RSAPublicKey key, byte[] body, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update(body);
      return verifier.verify(signature);
    } catch (GeneralSecurityException wrongLengthOrMalformed) {
      return false;
    }
  }

  private static @Nullable String header(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    if (values == null) {
      for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
        if (entry.getKey() != null && entry.getKey().toLowerCase(Locale.ROOT).equals(name)) {
          values = entry.getValue();
          break;
        }
      }
    }
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1 && SIGNATURE_HEADER.equals(name)) {
      throw new WebhookVerificationException(Reason.MALFORMED_SIGNATURE, "there is more than one " + SIGNATURE_HEADER + " header", null);
    }
    return values.get(0);
  }

  /** Builds {@link RealtimeKitWebhooks}. Not thread-safe. */
  public static final class Builder {

    private @Nullable String publicKeyPem;
    private URI publicKeyUrl = DEFAULT_PUBLIC_KEY_URL;
    private Duration fetchTimeout = Duration.ofSeconds(10);
    private Duration minRefetchInterval = Duration.ofMinutes(1);
    private Clock clock = Clock.systemUTC();
    private WebhookKeys.@Nullable Fetcher fetcher;

    private Builder() {
    }

    /**
     * Verifies with this key and never fetches one. The PEM is SubjectPublicKeyInfo
     * ({@code -----BEGIN PUBLIC KEY-----}), with real newlines or escaped ones ({@code \n}).
     *
     * @param pem the key, or null to fetch it
     * @return this builder
     */
    public Builder publicKeyPem(@Nullable String pem) {
      this.publicKeyPem = pem;
      return this;
    }

    /**
     * Fetches the key from this URL rather than {@link #DEFAULT_PUBLIC_KEY_URL}.
     *
     * @param url an https URL (http only to a loopback address, for tests)
     * @return this builder
     */
    public Builder publicKeyUrl(URI url) {
      this.publicKeyUrl = HttpKeyFetcher.checked(Objects.requireNonNull(url, "publicKeyUrl"));
      return this;
    }

    /**
     * Bounds a key fetch: the connection and the whole answer each within it. Default 10 seconds.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder fetchTimeout(Duration timeout) {
      this.fetchTimeout = positive(timeout, "fetchTimeout");
      return this;
    }

    /**
     * The least time between two fetches of the key, successful or not: a signature that fails
     * sooner after the last fetch is refused without fetching. Default 1 minute.
     *
     * @param interval zero or more
     * @return this builder
     */
    public Builder minRefetchInterval(Duration interval) {
      Objects.requireNonNull(interval, "minRefetchInterval");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("minRefetchInterval must not be negative: " + interval);
      }
      this.minRefetchInterval = interval;
      return this;
    }

    /**
     * The clock the refetch interval is measured with. Default the system's.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Fetches the key's PEM this way instead of over HTTP: for tests. */
    Builder fetcher(WebhookKeys.Fetcher fetcher) {
      this.fetcher = fetcher;
      return this;
    }

    /**
     * Builds the verifier. A given key is parsed now; a fetched one on the first delivery.
     *
     * @return a new verifier
     * @throws IllegalArgumentException if the given PEM holds no RSA public key
     */
    public RealtimeKitWebhooks build() {
      ObjectMapper mapper = RealtimeKitJson.newObjectMapper();
      WebhookKeys keys;
      if (publicKeyPem != null) {
        keys = WebhookKeys.fixed(PublicKeyPem.parse(publicKeyPem));
      } else {
        WebhookKeys.Fetcher f = fetcher != null ? fetcher : new HttpKeyFetcher(publicKeyUrl, fetchTimeout, mapper);
        keys = WebhookKeys.fetched(f, clock, minRefetchInterval);
      }
      return new RealtimeKitWebhooks(keys, mapper);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }
  }

  /** The key source: for tests. */
  WebhookKeys keys() {
    return keys;
  }
}
