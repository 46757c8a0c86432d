package io.github.realtimekit.client.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.realtimekit.client.core.HttpRequest;
import io.github.realtimekit.client.core.HttpResponse;
import io.github.realtimekit.client.core.OperationDescriptor;
import io.github.realtimekit.client.core.SafeText;
import io.github.realtimekit.client.transport.JdkTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Fetches the webhook public key from its well-known URL, answered as
 * {@code {"success": true, "data": {"publicKey": "-----BEGIN PUBLIC KEY-----..."}}}, through the
 * client's own transport: the answer bounded in size and time, redirects not followed.
 */
final class HttpKeyFetcher implements WebhookKeys.Fetcher {

  /** The largest answer read: a key's PEM is a few KB. */
  static final int MAX_BYTES = 64 * 1024;

  private static final OperationDescriptor FETCH_KEY =
      new OperationDescriptor("fetchWebhookPublicKey", "webhook_public_key", "GET", "/.well-known/webhooks.json", true, false);

  private final URI url;
  private final JdkTransport transport;
  private final ObjectMapper mapper;

  HttpKeyFetcher(URI url, Duration timeout, ObjectMapper mapper) {
    this.url = checked(url);
    this.transport = new JdkTransport(JdkTransport.sharedHttpClient(timeout, url.toString()), MAX_BYTES, timeout);
    this.mapper = mapper;
  }

  /** An https URL, or http to this machine only: a key fetched in clear over a network could be anyone's. */
  static URI checked(URI url) {
    String scheme = url.getScheme();
    if (!url.isAbsolute() || url.getHost() == null || scheme == null) {
      throw new IllegalArgumentException("publicKeyUrl must be an absolute https URL: " + SafeText.of(url));
    }
    if ("https".equalsIgnoreCase(scheme)) {
      return url;
    }
    if ("http".equalsIgnoreCase(scheme) && isLoopback(url.getHost())) {
      return url;
    }
    throw new IllegalArgumentException("publicKeyUrl must be https (http only to a loopback address): " + SafeText.of(url));
  }

  private static boolean isLoopback(String host) {
    if ("localhost".equalsIgnoreCase(host)) {
      return true;
    }
    try {
      String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      // Only an address literal is looked at; a name other than localhost is never resolved here.
      return (literal.matches("[0-9.]+") || literal.contains(":")) && InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException | RuntimeException notAnAddress) {
      return false;
    }
  }

  @Override
  public String fetchPem() throws IOException {
    HttpResponse response = transport.send(HttpRequest.of(FETCH_KEY, "GET", url.toString(),
        Map.of("Accept", List.of("application/json")), null));
    if (!response.isSuccess()) {
      throw new IOException(url + " answered " + response.status());
    }
    JsonNode key;
    try {
      key = mapper.readTree(response.bodyArray(), 0, response.bodyLength()).path("data").path("publicKey");
    } catch (IOException e) {
      throw new IOException(url + " answered something other than JSON");
    }
    if (!key.isTextual()) {
      throw new IOException(url + " answered JSON without data.publicKey");
    }
    return key.asText();
  }
}
