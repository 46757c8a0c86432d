package io.github.realtimekit.benchmarks;

import com.fasterxml.jackson.databind.ObjectReader;
import io.github.realtimekit.client.RealtimeKitJson;
import io.github.realtimekit.client.webhooks.RealtimeKitWebhooks;
import io.github.realtimekit.client.webhooks.WebhookDelivery;
import io.github.realtimekit.client.webhooks.WebhookVerificationException;
import io.github.realtimekit.model.RecordingStatusUpdate;
import io.github.realtimekit.model.WebhookEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying one webhook delivery on one thread: the RSA-2048 SHA-256 signature over a
 * recording.statusUpdate body of about 800 bytes, then decoding it into its typed event
 * ({@code verify}); and refusing one whose body differs from the signed one by a byte
 * ({@code refuse}, the cost a flood of forged deliveries puts on a receiver, the key being given so
 * nothing is fetched; a signature by another key is often refused sooner, as a number larger than
 * the key's modulus); against
 * its two parts alone: the JDK's signature check ({@code floorSignatureOnly}) and decoding the
 * body with the client's mapper ({@code decodeOnly}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(1)
public class WebhookVerifyBenchmark {

  static final String BODY = "{\"event\":\"recording.statusUpdate\",\"recording\":{"
      + "\"id\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\",\"recordingId\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\","
      + "\"meetingId\":\"97440c6a-140b-40a9-9499-b23fd7a3868a\",\"organizationId\":\"d61f6956-e68f-4375-bf10-c38a704d1bec\","
      + "\"roomUUID\":\"0c9b8a7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d\",\"status\":\"UPLOADED\","
      + "\"downloadUrl\":\"https://bucket.example.com/recordings/3f2504e0.mp4?X-Amz-Signature=abcdef0123456789\","
      + "\"audioDownloadUrl\":\"https://bucket.example.com/recordings/3f2504e0.m4a?X-Amz-Signature=abcdef0123456789\","
      + "\"downloadUrlExpiry\":\"2026-07-07T09:45:06.102Z\",\"startedTime\":\"2026-06-30 09:15:06.102123Z\","
      + "\"stoppedTime\":\"2026-06-30T09:45:06.102Z\",\"fileSize\":\"2044680\",\"outputFileName\":\"standup-3f2504e0.mp4\","
      + "\"recordingDuration\":1800},\"meeting\":{\"id\":\"97440c6a-140b-40a9-9499-b23fd7a3868a\","
      + "\"sessionId\":\"0c9b8a7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d\",\"title\":\"Daily standup\",\"status\":\"LIVE\","
      + "\"createdAt\":\"2026-06-30T09:00:00.412Z\",\"startedAt\":\"2026-06-30T09:15:00.000Z\","
      + "\"endedAt\":\"2026-06-30T09:45:10.000Z\",\"organizedBy\":{\"id\":\"o-1\",\"name\":\"Ada\"}}}";

  RealtimeKitWebhooks webhooks;
  byte[] body;
  Map<String, List<String>> signed;
  byte[] tampered;
  PublicKey publicKey;
  ObjectReader reader;
  byte[] signatureBytes;

  @Setup
  public void sign() throws GeneralSecurityException {
    KeyPair key = generate();
    body = BODY.getBytes(StandardCharsets.UTF_8);
    webhooks = RealtimeKitWebhooks.builder().publicKeyPem("-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(key.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----").build();
    signed = Map.of("rtk-signature", List.of(signature(key, body)), "rtk-uuid", List.of("d-1"));
    publicKey = key.getPublic();
    reader = RealtimeKitJson.newObjectMapper().readerFor(WebhookEvent.class);
    signatureBytes = Base64.getDecoder().decode(signature(key, body));
    tampered = body.clone();
    tampered[tampered.length - 3] = (byte) 'X';
    if (!(verify().getEvent() instanceof RecordingStatusUpdate) || refuse() == null) {
      throw new IllegalStateException("the setup does not verify as the benchmark expects");
    }
  }

  @Benchmark
  public WebhookDelivery verify() {
    return webhooks.verify(body, signed);
  }

  @Benchmark
  public WebhookVerificationException refuse() {
    try {
      webhooks.verify(tampered, signed);
      throw new IllegalStateException("a forged delivery verified");
    } catch (WebhookVerificationException expected) {
      return expected;
    }
  }

  @Benchmark
  public boolean floorSignatureOnly() throws GeneralSecurityException {
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(publicKey);
    verifier.update(body);
    return verifier.verify(signatureBytes);
  }

  @Benchmark
  public WebhookEvent decodeOnly() throws IOException {
    return reader.readValue(body);
  }

  private static KeyPair generate() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static String signature(KeyPair key, byte[] bytes) throws GeneralSecurityException {
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key.getPrivate());
    signer.update(bytes);
    return Base64.getEncoder().encodeToString(signer.sign());
  }
}
