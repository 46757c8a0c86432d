package io.github.realtimekit.client.webhooks;

import io.github.realtimekit.fixtures.WebhookSigning;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

/** Key pairs made for the tests (none is committed), and signing as RealtimeKit does. */
final class TestKeys {

  /** RealtimeKit's key in these tests. */
  static final KeyPair KEY = generate();
  /** Its key after a rotation. */
  static final KeyPair ROTATED = generate();
  /** Anyone else's. */
  static final KeyPair OTHER = generate();

  private TestKeys() {
  }

  private static KeyPair generate() {
    return WebhookSigning.newKeyPair();
  }

  /** The public key as PEM with real newlines, 64 characters a line. */
  static String pem(KeyPair pair) {
    return WebhookSigning.pem(pair);
  }

  /** The signature header's value: base64 of RSASSA-PKCS1-v1_5 SHA-256 over the bytes. */
  static String sign(KeyPair pair, byte[] body) {
    return WebhookSigning.sign(pair, body);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
