package io.github.realtimekit.client.webhooks;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads an RSA public key from PEM (SubjectPublicKeyInfo), with real newlines or escaped ones ({@code \n}). */
final class PublicKeyPem {

  private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String END = "-----END PUBLIC KEY-----";
  /** Bounds the text read; an RSA key of 16384 bits is under 3 KB of PEM. */
  static final int MAX_LENGTH = 16 * 1024;

  private PublicKeyPem() {
  }

  /**
   * Parses the key.
   *
   * @param pem the PEM text
   * @return the RSA key
   * @throws IllegalArgumentException saying what is wrong, without the text
   */
  static RSAPublicKey parse(String pem) {
    if (pem.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the public key PEM is longer than " + MAX_LENGTH + " characters");
    }
    String text = pem.replace("\\r", "\r").replace("\\n", "\n").strip();
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          "the public key is not a PEM between '" + BEGIN + "' and '" + END + "' (SubjectPublicKeyInfo)");
    }
    String body = text.substring(begin + BEGIN.length(), end);
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the public key PEM's body is not base64", e);
    }
    PublicKey key;
    try {
      key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the public key PEM does not hold an RSA public key", e);
    }
    return (RSAPublicKey) key;
  }
}
