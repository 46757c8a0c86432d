package io.github.realtimekit.client.webhooks;

import io.github.realtimekit.model.WebhookEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One verified webhook delivery: its event, decoded, and the ids the sender's headers carry.
 * Deliveries may come twice: keep {@link #getDeliveryId()} to skip a duplicate. Immutable.
 */
public final class WebhookDelivery {

  private final WebhookEvent event;
  private final @Nullable String deliveryId;
  private final @Nullable String webhookId;

  WebhookDelivery(WebhookEvent event, @Nullable String deliveryId, @Nullable String webhookId) {
    this.event = Objects.requireNonNull(event, "event");
    this.deliveryId = deliveryId;
    this.webhookId = webhookId;
  }

  /**
   * Returns the event: a class of its own per event name the spec knows
   * ({@link io.github.realtimekit.model.RecordingStatusUpdate} and the others), an
   * {@link io.github.realtimekit.model.UnknownWebhookEvent} for a newer one.
   *
   * @return the event, never {@code null}
   */
  public WebhookEvent getEvent() {
    return event;
  }

  /**
   * Returns the event's name, as {@code recording.statusUpdate}.
   *
   * @return the name, never {@code null}
   */
  public String getEventName() {
    return event.getEvent();
  }

  /**
   * Returns the id of this delivery, the {@code rtk-uuid} header: the same on a redelivery of the
   * same event, so a receiver that keeps it can skip a duplicate. The header is not signed.
   *
   * @return the id, or {@code null} when the header is missing
   */
  public @Nullable String getDeliveryId() {
    return deliveryId;
  }

  /**
   * Returns the id of the webhook configuration that sent it, the {@code rtk-webhook-id} header.
   * The header is not signed.
   *
   * @return the id, or {@code null} when the header is missing
   */
  public @Nullable String getWebhookId() {
    return webhookId;
  }

  @Override
  public String toString() {
    return "WebhookDelivery{event=" + event.getEvent() + ", deliveryId=" + deliveryId + ", webhookId=" + webhookId + "}";
  }
}
