package io.github.realtimekit.cli;

import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.core.Outcome;
import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.model.Webhook;
import io.github.realtimekit.model.WebhookEventName;
import io.github.realtimekit.model.WebhookRequest;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * {@code serve --register PUBLIC_URL}: the app's webhook that sends {@code recording.statusUpdate} to
 * that URL, reused when there is one, made otherwise. Adding a webhook is not idempotent, so a lost
 * answer to it is never sent again blindly: the webhooks are listed again, and one that now sends to
 * the URL is the one made.
 */
final class WebhookRegistration {

  /** The event serve acts on. */
  static final WebhookEventName EVENT = WebhookEventName.of("recording.statusUpdate");

  /** The name a webhook made by serve is given. */
  static final String NAME = RecordingsCli.NAME + " serve";

  private WebhookRegistration() {
  }

  /** What was done: the webhook, and whether it was there already. */
  record Registered(Webhook webhook, boolean reused) {
  }

  /**
   * Finds or makes the webhook.
   *
   * @param client the API
   * @param url the public URL deliveries are to be sent to
   * @return the webhook
   * @throws RealtimeKitException when the API fails, or a lost answer leaves no such webhook listed
   */
  static Registered register(RealtimeKitClient client, URI url) {
    Optional<Webhook> existing = find(client.listWebhooks(), url);
    if (existing.isPresent()) {
      return new Registered(existing.get(), true);
    }
    WebhookRequest request = WebhookRequest.builder().name(NAME).url(url).events(List.of(EVENT)).enabled(true).build();
    try {
      return new Registered(client.createWebhook(request), false);
    } catch (RealtimeKitException e) {
      if (!Outcome.answerLost(e)) {
        throw e;
      }
      // The webhook may have been made: the list says so, and it is not added twice.
      return find(client.listWebhooks(), url).map(found -> new Registered(found, false)).orElseThrow(() -> e);
    }
  }

  /** An enabled webhook that sends the event to the URL. */
  static Optional<Webhook> find(List<Webhook> webhooks, URI url) {
    return webhooks.stream()
        .filter(w -> url.equals(w.getUrl()) && w.getEvents().contains(EVENT) && !Boolean.FALSE.equals(w.getEnabled()))
        .findFirst();
  }
}
