package io.github.realtimekit.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyEncryptorBuilder;

/**
 * An OpenPGP signing key made for one test run and never written anywhere but memory and the
 * environment of the build it signs. RSA 2048, passphrase protected, as {@code MAVEN_GPG_KEY} expects it:
 * an ASCII-armored transferable secret key.
 */
final class ThrowawayKey {

  static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

  private final PGPKeyPair pair;
  private final String armoredSecretKey;
  private final String passphrase;

  private ThrowawayKey(PGPKeyPair pair, String armoredSecretKey, String passphrase) {
    this.pair = pair;
    this.armoredSecretKey = armoredSecretKey;
    this.passphrase = passphrase;
  }

  static ThrowawayKey generate(String userId) {
    try {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048);
      PGPKeyPair pair = new JcaPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, rsa.generateKeyPair(), new Date());

      byte[] secret = new byte[24];
      new SecureRandom().nextBytes(secret);
      String passphrase = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);

      PGPSignatureSubpacketGenerator flags = new PGPSignatureSubpacketGenerator();
      flags.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
      PGPDigestCalculator sha1 = new JcaPGPDigestCalculatorProviderBuilder().setProvider(PROVIDER).build()
          .get(HashAlgorithmTags.SHA1);
      PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, userId, sha1,
          flags.generate(), null,
          new JcaPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256).setProvider(PROVIDER),
          new JcePBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha1).setProvider(PROVIDER)
              .build(passphrase.toCharArray()));
      PGPSecretKeyRing ring = rings.generateSecretKeyRing();

      ByteArrayOutputStream armored = new ByteArrayOutputStream();
      try (ArmoredOutputStream out = new ArmoredOutputStream(armored)) {
        ring.encode(out);
      }
      return new ThrowawayKey(pair, armored.toString(StandardCharsets.US_ASCII), passphrase);
    } catch (GeneralSecurityException | PGPException | IOException e) {
      throw new IllegalStateException("cannot make a throwaway signing key", e);
    }
  }

  /** The value for {@code MAVEN_GPG_KEY}. */
  String armoredSecretKey() {
    return armoredSecretKey;
  }

  /** The value for {@code MAVEN_GPG_PASSPHRASE}. */
  String passphrase() {
    return passphrase;
  }

  PGPPublicKey publicKey() {
    return pair.getPublicKey();
  }

  /** Writes {@code file.asc}, a detached ASCII-armored signature, as the release's signer does. */
  void sign(Path file) throws IOException {
    try {
      PGPPrivateKey privateKey = pair.getPrivateKey();
      PGPSignatureGenerator generator = new PGPSignatureGenerator(
          new JcaPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256).setProvider(PROVIDER),
          pair.getPublicKey());
      generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
      generator.update(Files.readAllBytes(file));
      try (OutputStream asc = Files.newOutputStream(file.resolveSibling(file.getFileName() + ".asc"));
           ArmoredOutputStream armored = new ArmoredOutputStream(asc);
           BCPGOutputStream out = new BCPGOutputStream(armored)) {
        generator.generate().encode(out);
      }
    } catch (PGPException e) {
      throw new IOException("cannot sign " + file, e);
    }
  }

  @Override
  public String toString() {
    return "ThrowawayKey[" + Long.toHexString(pair.getKeyID()) + "]";
  }
}
