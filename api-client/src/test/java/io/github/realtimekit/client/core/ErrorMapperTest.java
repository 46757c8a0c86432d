package io.github.realtimekit.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.RealtimeKitJson;
import io.github.realtimekit.client.errors.BadRequestException;
import io.github.realtimekit.client.errors.CallCancelledException;
import io.github.realtimekit.client.errors.ConflictException;
import io.github.realtimekit.client.errors.DownloadException;
import io.github.realtimekit.client.errors.DownloadFileException;
import io.github.realtimekit.client.errors.DownloadStatusException;
import io.github.realtimekit.client.errors.InternalServerException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.NetworkTimeoutException;
import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.client.errors.PermissionDeniedException;
import io.github.realtimekit.client.errors.RateLimitException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.client.errors.ResponseDecodingException;
import io.github.realtimekit.client.errors.ServiceException;
import io.github.realtimekit.client.errors.UnauthorizedException;
import io.github.realtimekit.client.errors.UnexpectedStatusException;
import io.github.realtimekit.client.errors.UnprocessableEntityException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one error mapper on its own: each kind of failure, for the API and for downloads. */
class ErrorMapperTest {

  static final String TOKEN = "tok-3f9a8b7c6d5e4f30";
  static final OperationDescriptor OP = new OperationDescriptor("someOperation", "some_operation", "GET", "/x",
      true, false);
  static final ErrorMapper ERRORS = new ErrorMapper(RealtimeKitJson.newObjectMapper(), new SafeText(TOKEN),
      Duration.ofSeconds(2), Duration.ofSeconds(3));
  static final String SIGNED = "https://files.test/bucket/r.mp4?X-Amz-Signature=0123456789abcdef";

  static HttpRequest api() {
    return HttpRequest.of(OP, "GET", "http://api.test:8080/v4/x", Map.of(), null);
  }

  static HttpRequest download() {
    return HttpRequest.streamed(OP, SIGNED, Map.of(), Duration.ofMillis(1500));
  }

  @Test
  void eachStatusHasItsException() {
    Map<Integer, Class<? extends ServiceException>> expected = Map.of(400, BadRequestException.class,
        401, UnauthorizedException.class, 403, PermissionDeniedException.class, 404, NotFoundException.class,
        409, ConflictException.class, 422, UnprocessableEntityException.class, 429, RateLimitException.class,
        500, InternalServerException.class, 503, InternalServerException.class, 418, UnexpectedStatusException.class);
    expected.forEach((status, type) -> {
      ServiceException e = ERRORS.statusFailure(HttpResponse.of(api(), status, Map.of(), ""));
      assertInstanceOf(type, e, String.valueOf(status));
      assertEquals(status, e.getStatusCode());
      assertEquals("someOperation", e.getOperation());
    });
  }

  @Test
  void aStatusFailureReadsEitherEnvelopeAndCleansWhatTheServerSent() {
    ServiceException v4 = ERRORS.statusFailure(HttpResponse.of(api(), 404, Map.of("X-Echo", List.of(TOKEN)),
        "{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"no \\u001b[2J" + TOKEN + "\"}]}"));
    assertEquals("no \\u001B[2J***", v4.getErrors().get(0).getMessage());
    assertEquals("***", v4.getHeader("x-echo").orElseThrow());
    ServiceException kit = ERRORS.statusFailure(HttpResponse.of(api(), 404, Map.of(),
        "{\"success\":false,\"error\":{\"code\":404,\"message\":\"Recording not found\"}}"));
    assertEquals("Recording not found", kit.getErrors().get(0).getMessage());
    ServiceException html = ERRORS.statusFailure(HttpResponse.of(api(), 502, Map.of(),
        "<html>\n  Bearer " + TOKEN + "   " + "x".repeat(400) + "</html>"));
    assertEquals(List.of(), html.getErrors());
    String excerpt = html.getBodyExcerpt().orElseThrow();
    assertTrue(excerpt.startsWith("<html> Bearer *** x"), excerpt);
    assertEquals(301, excerpt.length(), "cut at 300 characters and an ellipsis");
  }

  @Test
  void anIoFailureOfACallSaysWhereAndWhat() {
    assertEquals("Connection refused by api.test:8080 calling someOperation (nothing listens on that port, or a "
        + "firewall refuses the connection)",
        ERRORS.ioFailure(api(), new ConnectException("refused")).getMessage());
    assertEquals("Timed out connecting to api.test:8080 calling someOperation (connect timeout 2000 ms)",
        ERRORS.ioFailure(api(), new HttpConnectTimeoutException("x")).getMessage());
    assertEquals("Timed out waiting for api.test:8080 calling someOperation (read timeout 3000 ms for the whole "
        + "response)", ERRORS.ioFailure(api(), new HttpTimeoutException("x")).getMessage());
    assertInstanceOf(CallCancelledException.class, ERRORS.ioFailure(api(), new HttpTransport.CallCancelledIOException()));
    assertEquals("Connection to api.test:8080 failed calling someOperation (IOException: odd ***)",
        ERRORS.ioFailure(api(), new IOException("odd " + TOKEN)).getMessage());
  }

  @Test
  void eachKindOfConnectionFailureIsNamedInWords() {
    ConnectException unresolved = new ConnectException();
    unresolved.initCause(new java.nio.channels.UnresolvedAddressException());
    assertEquals("Unknown host api.test calling someOperation (the name does not resolve: check the base URL, and "
        + "the DNS or proxy settings)", ERRORS.ioFailure(api(), unresolved).getMessage());
    assertEquals("Unknown host api.test calling someOperation (the name does not resolve: check the base URL, and "
        + "the DNS or proxy settings)", ERRORS.ioFailure(api(), new java.net.UnknownHostException("api.test"))
        .getMessage());
    ConnectException connectTimeout = new ConnectException("HTTP connect timed out");
    connectTimeout.initCause(new HttpConnectTimeoutException("HTTP connect timed out"));
    RealtimeKitException timedOut = ERRORS.ioFailure(api(), connectTimeout);
    assertInstanceOf(NetworkTimeoutException.class, timedOut);
    assertEquals("Timed out connecting to api.test:8080 calling someOperation (connect timeout 2000 ms)",
        timedOut.getMessage());
    javax.net.ssl.SSLHandshakeException expired = new javax.net.ssl.SSLHandshakeException("PKIX path validation "
        + "failed: validity check failed");
    expired.initCause(new java.security.cert.CertificateExpiredException("NotAfter: 2020"));
    assertEquals("TLS certificate of api.test:8080 expired or not yet valid calling someOperation (the server's "
        + "certificate is outside its validity dates, or this machine's clock is wrong)",
        ERRORS.ioFailure(api(), expired).getMessage());
    javax.net.ssl.SSLHandshakeException noCipher = new javax.net.ssl.SSLHandshakeException("Received fatal alert: "
        + "handshake_failure");
    assertEquals("TLS handshake with api.test:8080 refused calling someOperation (no TLS version or cipher suite "
        + "that both sides accept: Received fatal alert: handshake_failure)", ERRORS.ioFailure(api(), noCipher)
        .getMessage());
    assertEquals("Connection to api.test:8080 failed calling someOperation (SSLHandshakeException: Remote host "
        + "terminated the handshake)", ERRORS.ioFailure(api(),
        new javax.net.ssl.SSLHandshakeException("Remote host terminated the handshake")).getMessage());
  }

  @Test
  void aDownloadsConnectionFailureIsNamedTheSameWay() {
    assertEquals("download from files.test failed: unknown host files.test (the name does not resolve: check the "
        + "base URL, and the DNS or proxy settings)",
        ERRORS.downloadFailure(download(), new java.net.UnknownHostException("files.test"), -1, -1).getMessage());
    javax.net.ssl.SSLHandshakeException untrusted = new javax.net.ssl.SSLHandshakeException("PKIX path building "
        + "failed");
    untrusted.initCause(new java.security.cert.CertPathBuilderException("unable to find valid certification path"));
    assertEquals("download from files.test failed: TLS certificate of files.test:443 not trusted (it is "
        + "self-signed or issued by a certificate authority this JVM does not trust: " + NetworkText.TRUST_ITS_CA
        + ")", ERRORS.downloadFailure(download(), untrusted, -1, -1).getMessage());
  }

  @Test
  void aBodyThatDoesNotDecodeKeepsAnExcerptWhenAsked() {
    HttpResponse response = HttpResponse.of(api(), 200, Map.of(), "{\"data\": " + TOKEN);
    ResponseDecodingException e = ERRORS.decodingFailure(response, "Malformed", true, null);
    assertEquals("someOperation", e.getOperation());
    assertEquals(200, e.getStatusCode());
    assertEquals("{\"data\": ***", e.getBodyExcerpt().orElseThrow());
    assertFalse(ERRORS.decodingFailure(response, "Empty", false, null).getBodyExcerpt().isPresent());
    assertEquals("holds no data: {}", ErrorMapper.missingContent(OP, 200, "holds no data: {}", "").getMessage());
  }

  @Test
  void whateverACallThrowsIsTheClientsOwnOrUnexpected() {
    NetworkException network = new NetworkException("op", "m", null);
    assertSame(network, ErrorMapper.translate("op", network));
    assertSame(network, ErrorMapper.translate("op", new RuntimeException("an engine's wrapper", network)));
    IllegalStateException closed = new IllegalStateException("This RealtimeKitClient is closed");
    assertSame(closed, ErrorMapper.translate("op", closed));
    RuntimeException odd = ErrorMapper.translate("op", new ArithmeticException());
    assertEquals(RealtimeKitException.class, odd.getClass());
    assertEquals("Unexpected failure calling op: java.lang.ArithmeticException", odd.getMessage());
    assertThrows(StackOverflowError.class, () -> ErrorMapper.translate("op", new StackOverflowError()));
  }

  @Test
  void aDownloadsFailureNamesTheHostAndNeverTheSignature() {
    assertEquals("download from files.test failed: cannot connect: ConnectException: refused",
        ERRORS.downloadFailure(download(), new ConnectException("refused"), -1, -1).getMessage());
    assertEquals("download from files.test: no connection within the connect timeout",
        ERRORS.downloadFailure(download(), new HttpConnectTimeoutException("x"), -1, -1).getMessage());
    assertEquals("download from files.test: no response within 1.5 s",
        ERRORS.downloadFailure(download(), new HttpTimeoutException("x"), -1, -1).getMessage());
    RealtimeKitException stalled = ERRORS.downloadFailure(download(), new HttpTransport.BodyStalledIOException(),
        4096, 10_000);
    assertInstanceOf(NetworkTimeoutException.class, stalled);
    assertEquals("download from files.test stalled: no data for 1.5 s after 4096 bytes", stalled.getMessage());
    RealtimeKitException cut = ERRORS.downloadFailure(download(),
        new IOException("closed " + SIGNED), 4096, 10_000);
    assertEquals("download from files.test failed after 4096 bytes of 10000: IOException: closed "
        + "https://files.test/bucket/r.mp4?***", cut.getMessage());
    assertEquals(DownloadException.OPERATION, cut.getOperation());
  }

  @Test
  void aDownloadInterruptedSaysSoAndKeepsTheFlag() {
    try {
      RealtimeKitException e = ERRORS.downloadFailure(download(), new HttpTransport.CallCancelledIOException(), 10, -1);
      assertEquals(DownloadException.class, e.getClass());
      assertEquals("download from files.test interrupted", e.getMessage());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aDownloadsStatusRedirectAndFileFailures() {
    DownloadStatusException status = ERRORS.downloadStatusFailure(HttpResponse.of(download(), 403, Map.of(), ""), 500);
    assertEquals("download failed: HTTP 403 from files.test (resuming at byte 500)", status.getMessage());
    assertEquals(403, status.getStatusCode());
    assertEquals("download from files.test was redirected from https to http; not accepted",
        ERRORS.downloadRedirectRefused(SIGNED, "http").getMessage());
    DownloadException file = ErrorMapper.fileFailure("files.test", "cannot write .x.part", new IOException("full"));
    assertInstanceOf(DownloadFileException.class, file);
    assertEquals("cannot write .x.part: full", file.getMessage());
  }
}
