package io.github.realtimekit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.errors.BadRequestException;
import io.github.realtimekit.client.errors.ConflictException;
import io.github.realtimekit.client.errors.InternalServerException;
import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.client.errors.PermissionDeniedException;
import io.github.realtimekit.client.errors.RateLimitException;
import io.github.realtimekit.client.errors.OutcomeUnknownException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.client.errors.ServiceException;
import io.github.realtimekit.client.errors.UnauthorizedException;
import io.github.realtimekit.client.errors.UnexpectedStatusException;
import io.github.realtimekit.client.errors.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation of the spec, found by reading the spec, with every documented example of each
 * error response it declares, served at each status that response covers ({@code 4XX} stands for
 * the 4xx statuses the client has a type for): the client throws that status's
 * {@link ServiceException}, naming the operation and carrying the example's errors.
 */
class EveryOperationErrorContractTest {

  /** The client's exception for each status it has a type for. */
  static final Map<Integer, Class<? extends ServiceException>> TYPED = typed();

  @RegisterExtension
  static SpecValidatedWireMock server = Fixtures.server();

  @TestFactory
  Stream<DynamicTest> everyDocumentedError() {
    List<SpecOperation> operations = SpecOperation.all();
    assertFalse(operations.isEmpty(), "the spec has operations");
    return operations.stream().flatMap(op -> op.errorExamples().entrySet().stream()
        .flatMap(response -> statuses(response.getKey()).boxed()
            .flatMap(status -> response.getValue().entrySet().stream().map(example -> dynamicTest(
                op.label() + ": error " + example.getKey() + " as HTTP " + status + " -> "
                    + expected(status).getSimpleName(),
                () -> throwsTheTypedException(op, status, example.getValue()))))));
  }

  static void throwsTheTypedException(SpecOperation op, int status, JsonNode example) {
    server.resetAll();
    server.stubFor(request(op.method(), urlEqualTo(op.samplePath()))
        .willReturn(EveryOperationContractTest.json(status, example)));
    if (op.reconciles()) {
      // What the check finds after a lost answer: nothing, as the check's own documented answer says.
      SpecOperation check = SpecOperation.all().stream().filter(o -> o.operationId().equals(op.reconcileWith()))
          .findFirst().orElseThrow();
      Map.Entry<String, JsonNode> none = check.errorExamples().get("404").entrySet().iterator().next();
      server.stubFor(request(check.method(), anyUrl()).atPriority(10)
          .willReturn(EveryOperationContractTest.json(404, none.getValue())));
    }
    RealtimeKitClient client = Fixtures.client(server).maxRetries(0).build();

    RealtimeKitException thrown = assertThrows(RealtimeKitException.class, () -> OperationCalls.withResponse(client, op));
    ServiceException e;
    if (op.reconciles() && status >= 500) {
      // A 5xx may have lost the answer of a call that took effect: the client asked what it did (here
      // nothing answers that question) and says the outcome is unknown, with the 5xx as the cause.
      OutcomeUnknownException unknown = assertInstanceOf(OutcomeUnknownException.class, thrown);
      e = assertInstanceOf(ServiceException.class, unknown.getCause());
      assertTrue(unknown.getMessage().contains("found none"), unknown.getMessage());
    } else {
      e = assertInstanceOf(ServiceException.class, thrown);
    }

    assertEquals(expected(status), e.getClass());
    assertEquals(status, e.getStatusCode());
    assertEquals(op.javaName(), e.getOperation(), "the exception names the operation by its Java name");
    List<String> documented = documentedErrors(example);
    assertFalse(documented.isEmpty(), "the example documents an error with a code and a message");
    assertEquals(documented, e.getErrors().stream().map(d -> d.getCode() + " " + d.getMessage()).toList());
    for (JsonNode error : errorObjects(example)) {
      String message = error.get("message").asText();
      assertTrue(e.getMessage().contains(message), () -> "'" + message + "' in " + e.getMessage());
    }
    long sent = server.getAllServeEvents().stream()
        .filter(event -> event.getRequest().getMethod().getName().equals(op.method())).count();
    assertEquals(1, sent, "one request, no retry");
    assertEquals(op.reconciles() && status >= 500 ? 1 : 0, server.getAllServeEvents().size() - sent,
        "asked what a lost answer did, once, and nothing else");
    server.assertExchangesFollowTheSpec();
  }

  /** The statuses a response key covers: itself, or the typed statuses of its range. */
  static IntStream statuses(String key) {
    if (key.matches("\\d{3}")) {
      return IntStream.of(Integer.parseInt(key));
    }
    if (key.matches("[1-5]XX")) {
      int hundreds = key.charAt(0) - '0';
      int[] typed = TYPED.keySet().stream().mapToInt(Integer::intValue).filter(s -> s / 100 == hundreds).toArray();
      return typed.length > 0 ? IntStream.of(typed) : IntStream.of(hundreds * 100);
    }
    if ("default".equals(key)) {
      return IntStream.of(400, 500);
    }
    throw new IllegalStateException("Unknown response key " + key);
  }

  static Class<? extends ServiceException> expected(int status) {
    Class<? extends ServiceException> type = TYPED.get(status);
    if (type != null) {
      return type;
    }
    return status >= 500 && status < 600 ? InternalServerException.class : UnexpectedStatusException.class;
  }

  /** "code message" of every error the example documents, in order. */
  static List<String> documentedErrors(JsonNode example) {
    return errorObjects(example).stream()
        .map(error -> (error.hasNonNull("code") ? error.get("code").asText() : "null") + " "
            + error.get("message").asText()).toList();
  }

  /** The objects of the example that hold a textual {@code message}: its errors, in document order. */
  static List<JsonNode> errorObjects(JsonNode node) {
    List<JsonNode> found = new ArrayList<>();
    if (node.isObject() && node.path("message").isTextual()) {
      found.add(node);
    }
    node.elements().forEachRemaining(child -> found.addAll(errorObjects(child)));
    return found;
  }

  private static Map<Integer, Class<? extends ServiceException>> typed() {
    Map<Integer, Class<? extends ServiceException>> typed = new LinkedHashMap<>();
    typed.put(400, BadRequestException.class);
    typed.put(401, UnauthorizedException.class);
    typed.put(403, PermissionDeniedException.class);
    typed.put(404, NotFoundException.class);
    typed.put(409, ConflictException.class);
    typed.put(422, UnprocessableEntityException.class);
    typed.put(429, RateLimitException.class);
    typed.put(500, InternalServerException.class);
    typed.put(503, InternalServerException.class);
    return typed;
  }
}
