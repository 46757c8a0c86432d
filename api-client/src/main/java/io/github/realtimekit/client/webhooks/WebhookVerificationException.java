package io.github.realtimekit.client.webhooks;

import io.github.realtimekit.client.errors.RealtimeKitException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A webhook delivery that cannot be accepted, and why: {@link #getReason()} tells a receiver what
 * to answer (a missing or malformed signature or payload: 400; a signature that does not verify:
 * 401; no key to verify with: a transient failure of its own, 503, so that the sender retries).
 * The message never holds the body or the signature.
 */
public final class WebhookVerificationException extends RealtimeKitException {

  private static final long serialVersionUID = 1L;

  /** What failed. */
  public enum Reason {
    /** The {@code rtk-signature} header is missing or empty. */
    MISSING_SIGNATURE,
    /** The {@code rtk-signature} header is not one base64 value. */
    MALFORMED_SIGNATURE,
    /** The signature does not verify with the public key, after a refetch of the key where allowed. */
    BAD_SIGNATURE,
    /** No public key: none given, and fetching it failed or is not allowed again yet. */
    NO_KEY,
    /** The signature verifies but the body is not a webhook event (not JSON, or without its required fields). */
    MALFORMED_PAYLOAD
  }

  private final Reason reason;

  WebhookVerificationException(Reason reason, String message, @Nullable Throwable cause) {
    super("verifyWebhook", message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns what failed.
   *
   * @return the reason, never {@code null}
   */
  public Reason getReason() {
    return reason;
  }
}
