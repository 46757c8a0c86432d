package io.github.realtimekit.client.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/** Key pairs made for the tests (none is committed), signing as RealtimeKit does, and a clock the tests move. */
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
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key as PEM with real newlines, 64 characters a line. */
  static String pem(KeyPair pair) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** The signature header's value: base64 of RSASSA-PKCS1-v1_5 SHA-256 over the bytes. */
  static String sign(KeyPair pair, byte[] body) {
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(pair.getPrivate());
      signer.update(body);
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
