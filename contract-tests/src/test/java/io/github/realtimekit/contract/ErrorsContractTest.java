package io.github.realtimekit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.realtimekit.contract.Fixtures.ACCOUNT;
import static io.github.realtimekit.contract.Fixtures.APP;
import static io.github.realtimekit.contract.Fixtures.ONE_PATH;
import static io.github.realtimekit.contract.Fixtures.RECORDING;
import static io.github.realtimekit.contract.Fixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.errors.BadRequestException;
import io.github.realtimekit.client.errors.ConflictException;
import io.github.realtimekit.client.errors.InternalServerException;
import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.client.errors.PermissionDeniedException;
import io.github.realtimekit.client.errors.RateLimitException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.client.errors.ResponseDecodingException;
import io.github.realtimekit.client.errors.ServiceException;
import io.github.realtimekit.client.errors.UnauthorizedException;
import io.github.realtimekit.client.errors.UnexpectedStatusException;
import io.github.realtimekit.client.errors.UnprocessableEntityException;
import io.github.realtimekit.fixtures.SpecExamples;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Responses outside 2xx, and 2xx responses that cannot be decoded. */
class ErrorsContractTest {

  @RegisterExtension
  static WireMockExtension server = Fixtures.serverForOffSpecResponses();

  RealtimeKitClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(server).maxRetries(0).build();
  }

  private RealtimeKitException callWith(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
    server.stubFor(get(urlPathEqualTo(ONE_PATH)).willReturn(response));
    return assertThrows(RealtimeKitException.class, () -> client.getRecording(RECORDING));
  }

  @Test
  void readsCloudflaresV4Envelope() {
    RealtimeKitException thrown = callWith(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withHeader("cf-ray", "8f2b3c4d5e6f7a8b-LHR")
        .withBody(SpecExamples.exampleJson("CloudflareError")));

    UnauthorizedException e = assertInstanceOf(UnauthorizedException.class, thrown);
    assertEquals(401, e.getStatusCode());
    assertEquals(1, e.getErrors().size());
    assertEquals(10000, e.getErrors().get(0).getCode());
    assertEquals("Authentication error", e.getErrors().get(0).getMessage());
    assertEquals("8f2b3c4d5e6f7a8b-LHR", e.getRequestId().orElseThrow());
    assertEquals("application/json", e.getHeader("content-type").orElseThrow());
    assertEquals(java.util.Optional.empty(), e.getBodyExcerpt(), "an envelope is parsed, not excerpted");
    assertEquals("getRecording", e.getOperation());
    assertEquals("HTTP 401 from getRecording: Authentication error (code 10000) [cf-ray 8f2b3c4d5e6f7a8b-LHR]",
        e.getMessage());
  }

  @Test
  void readsRealtimeKitsEnvelope() {
    RealtimeKitException thrown = callWith(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody(SpecExamples.exampleJson("RealtimeKitError")));

    NotFoundException e = assertInstanceOf(NotFoundException.class, thrown);
    assertEquals(404, e.getErrors().get(0).getCode());
    assertEquals("Recording not found", e.getErrors().get(0).getMessage());
    assertTrue(e.getRequestId().isEmpty());
    assertEquals("HTTP 404 from getRecording: Recording not found (code 404)", e.getMessage());
  }

  @Test
  void keepsAnExcerptOfABodyThatIsNoEnvelope() {
    String html = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>" + "x".repeat(5000) + "</body></html>";
    RealtimeKitException thrown = callWith(aResponse().withStatus(502)
        .withHeader("Content-Type", "text/html").withBody(html));

    InternalServerException e = assertInstanceOf(InternalServerException.class, thrown);
    assertTrue(e.getErrors().isEmpty());
    String excerpt = e.getBodyExcerpt().orElseThrow();
    assertTrue(excerpt.startsWith("<html> <head><title>502 Bad Gateway</title>"), excerpt);
    assertTrue(excerpt.length() <= 301, "the excerpt is bounded: " + excerpt.length());
    assertFalse(e.getMessage().contains("\n"), "one line");
  }

  @Test
  void copesWithAnEmptyErrorBody() {
    RealtimeKitException thrown = callWith(aResponse().withStatus(403));

    PermissionDeniedException e = assertInstanceOf(PermissionDeniedException.class, thrown);
    assertTrue(e.getErrors().isEmpty());
    assertEquals(java.util.Optional.empty(), e.getBodyExcerpt());
    assertEquals("HTTP 403 from getRecording", e.getMessage());
  }

  @Test
  void copesWithJsonThatIsNeitherEnvelope() {
    RealtimeKitException thrown = callWith(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("{\"detail\":\"bad\"}"));

    BadRequestException e = assertInstanceOf(BadRequestException.class, thrown);
    assertTrue(e.getErrors().isEmpty());
    assertEquals("{\"detail\":\"bad\"}", e.getBodyExcerpt().orElseThrow());
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class),
        Arguments.of(401, UnauthorizedException.class),
        Arguments.of(403, PermissionDeniedException.class),
        Arguments.of(404, NotFoundException.class),
        Arguments.of(409, ConflictException.class),
        Arguments.of(422, UnprocessableEntityException.class),
        Arguments.of(429, RateLimitException.class),
        Arguments.of(500, InternalServerException.class),
        Arguments.of(503, InternalServerException.class),
        Arguments.of(418, UnexpectedStatusException.class),
        Arguments.of(302, UnexpectedStatusException.class));
  }

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @MethodSource("statuses")
  void mapsEachStatusToItsException(int status, Class<? extends ServiceException> type) {
    RealtimeKitException thrown = callWith(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(SpecExamples.exampleJson("RealtimeKitError")));

    ServiceException e = assertInstanceOf(type, thrown);
    assertEquals(status, e.getStatusCode());
    assertTrue(e.getMessage().startsWith("HTTP " + status + " from getRecording"), e.getMessage());
  }

  /** Redirects that are followed, and where the token goes, are api-client's RedirectTest. */
  @Test
  void aRedirectWithoutALocationIsAnUnexpectedStatus() {
    RealtimeKitException thrown = callWith(aResponse().withStatus(302));

    assertInstanceOf(UnexpectedStatusException.class, thrown);
    assertEquals(1, server.getAllServeEvents().size());
  }

  @Test
  void malformedJsonIsADecodingErrorWithItsCause() {
    RealtimeKitException thrown = callWith(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"success\": true, \"data\": {\"id\": "));

    ResponseDecodingException e = assertInstanceOf(ResponseDecodingException.class, thrown);
    assertEquals(200, e.getStatusCode());
    assertInstanceOf(JsonProcessingException.class, e.getCause());
    assertTrue(e.getMessage().startsWith("Malformed JSON in the response of getRecording"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }

  @Test
  void aWrongContentTypeIsADecodingError() {
    RealtimeKitException thrown = callWith(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>"));

    ResponseDecodingException e = assertInstanceOf(ResponseDecodingException.class, thrown);
    assertEquals("Expected JSON from getRecording but got text/html: <html>maintenance</html>", e.getMessage());
    assertEquals("<html>maintenance</html>", e.getBodyExcerpt().orElseThrow());
  }

  @Test
  void anEmptySuccessBodyIsADecodingError() {
    RealtimeKitException thrown = callWith(aResponse().withStatus(200).withHeader("Content-Type", "application/json"));

    assertInstanceOf(ResponseDecodingException.class, thrown);
    assertEquals("Empty response body from getRecording", thrown.getMessage());
  }

  @Test
  void trailingGarbageIsADecodingError() {
    RealtimeKitException thrown = callWith(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(SpecExamples.exampleJson("GetOneRecording") + "}garbage"));

    assertInstanceOf(ResponseDecodingException.class, thrown);
  }

  @Test
  void aSuccessWithoutARecordingIsADecodingError() {
    RealtimeKitException thrown = callWith(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"success\": false}"));

    ResponseDecodingException e = assertInstanceOf(ResponseDecodingException.class, thrown);
    assertEquals("The response of getRecording holds no data: GetRecordingResponse{success=false, data=null}",
        e.getMessage());
  }

  @Test
  void messagesNeverContainTheToken() {
    for (int status : new int[] {400, 401, 403, 500}) {
      server.resetAll();
      RealtimeKitException thrown = callWith(aResponse().withStatus(status)
          .withHeader("Content-Type", "application/json").withBody(SpecExamples.exampleJson("CloudflareError")));
      assertNotNull(thrown.getMessage());
      assertFalse(thrown.getMessage().contains(TOKEN), thrown.getMessage());
      assertFalse(thrown.toString().contains(TOKEN), thrown.toString());
    }
    assertFalse(client.toString().contains(TOKEN));
  }
}
