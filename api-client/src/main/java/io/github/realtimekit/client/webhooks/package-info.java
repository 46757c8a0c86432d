/**
 * Receiving RealtimeKit's webhooks: {@link io.github.realtimekit.client.webhooks.RealtimeKitWebhooks}
 * verifies a delivery's signature over its raw bytes and decodes it into the spec's
 * {@link io.github.realtimekit.model.WebhookEvent}, with the delivery's id for skipping duplicates
 * and {@link io.github.realtimekit.client.webhooks.RecordingStatusOrder} for recognising a stale
 * status.
 */
@NullMarked
package io.github.realtimekit.client.webhooks;

import org.jspecify.annotations.NullMarked;
