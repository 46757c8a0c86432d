package io.github.realtimekit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.realtimekit.client.Operations;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.Response;
import io.github.realtimekit.client.core.OperationDescriptor;
import io.github.realtimekit.fixtures.SpecExamples;
import io.github.realtimekit.fixtures.SpecOperations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation of the spec, found by reading the spec rather than named here, with every
 * documented example of its 2xx response, served by the spec-checked server and decoded through
 * {@link RealtimeKitClient}; list operations also walk their auto-pager over pages made from the
 * example. Each dynamic test is named after the operation's Java name and operationId.
 */
class EveryOperationContractTest {

  /** Items on each of the two pages the pager walks. */
  static final int PER_PAGE = 2;

  @RegisterExtension
  static SpecValidatedWireMock server = Fixtures.server();

  static final List<SpecOperation> OPERATIONS = SpecOperation.all();

  @TestFactory
  Stream<DynamicTest> everyDocumentedResponse() {
    assertFalse(OPERATIONS.isEmpty(), "the spec has operations");
    return OPERATIONS.stream().flatMap(op -> op.okExamples().isEmpty()
        ? Stream.of(dynamicTest(op.label() + ": documents an example of its " + op.okStatus() + " response",
            () -> fail(op.label() + " documents no example of its " + op.okStatus() + " response")))
        : op.okExamples().entrySet().stream().map(example -> dynamicTest(
            op.label() + ": example " + example.getKey(), () -> decodesTheExample(op, example.getValue()))));
  }

  /** Each documented request body (or one built from the schema's required fields) goes out as it is written. */
  @TestFactory
  Stream<DynamicTest> everyDocumentedRequestBody() {
    return OPERATIONS.stream().flatMap(op -> op.requestBodyExamples().entrySet().stream().map(body -> dynamicTest(
        op.label() + ": request body " + body.getKey(), () -> sendsTheBody(op, body.getValue()))));
  }

  /** For every body, also one built from its schema's required fields only: what a spec without examples gets. */
  @TestFactory
  Stream<DynamicTest> aBodyOfOnlyTheRequiredFieldsIsSentAndFollowsTheSpec() {
    JsonNode spec = SpecExamples.spec();
    return OPERATIONS.stream().filter(op -> op.requestBodyExample() != null).map(op -> dynamicTest(
        op.label() + ": request body of the required fields", () -> {
          JsonNode requestBody = SpecOperations.resolve(spec, spec.path("paths").path(op.pathTemplate())
              .path(op.method().toLowerCase(java.util.Locale.ROOT)).path("requestBody"));
          JsonNode schema = requestBody.at("/content/application~1json/schema");
          JsonNode sample = RequiredFields.sample(spec, schema);
          // A body whose fields are all optional (an edit) is sent as {}: it changes nothing, and is valid.
          boolean requires = SpecOperations.resolve(spec, schema).path("required").size() > 0;
          assertEquals(requires, !sample.isEmpty(), "the body has its required fields: " + sample);
          sendsTheBody(op, sample);
        }));
  }

  /** One call with a body: sent once, as the example's JSON, and the exchange checked against the spec. */
  static void sendsTheBody(SpecOperation op, JsonNode body) throws Exception {
    server.resetAll();
    JsonNode answer = op.okExamples().values().iterator().next();
    server.stubFor(request(op.method(), urlPathEqualTo(op.samplePath())).willReturn(json(op.okStatus(), answer)));

    Response<?> response = OperationCalls.withResponse(Fixtures.client(server).build(), op, body);

    assertEquals(op.okStatus(), response.getStatusCode());
    assertEquals(1, server.getAllServeEvents().size(), "one request");
    var sent = server.getAllServeEvents().get(0).getRequest();
    assertEquals("application/json", sent.getHeader("Content-Type"));
    assertEquals(ExampleAssertions.withoutNulls(body), ExampleAssertions.MAPPER.readTree(sent.getBodyAsString()),
        "the body as documented");
    server.assertExchangesFollowTheSpec();
  }

  @TestFactory
  Stream<DynamicTest> everyOperationHasItsDescriptor() {
    return OPERATIONS.stream().map(op -> dynamicTest(op.label() + ": descriptor", () -> {
      OperationDescriptor descriptor = Operations.byName(op.javaName())
          .orElseThrow(() -> new AssertionError("Operations has no " + op.javaName()));
      assertEquals(op.operationId(), descriptor.getOperationId());
      assertEquals(op.method().toUpperCase(java.util.Locale.ROOT), descriptor.getHttpMethod());
      assertEquals(op.pathTemplate(), descriptor.getPathTemplate());
      assertEquals(op.paged(), descriptor.isPaged());
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyPagerWalksTwoPages() {
    return OPERATIONS.stream().filter(SpecOperation::paged).flatMap(op -> {
      List<Map.Entry<String, JsonNode>> withItems = op.okExamples().entrySet().stream()
          .filter(example -> example.getValue().path("data").size() > 0).toList();
      return withItems.isEmpty()
          ? Stream.of(dynamicTest(op.label() + ": documents a page with items",
              () -> fail(op.label() + " documents no example page with items to walk")))
          : withItems.stream().map(example -> dynamicTest(
              op.label() + ": pager walks two pages made from example " + example.getKey(),
              () -> walksTwoPages(op, example.getValue())));
    });
  }

  /** One call: the status, the value re-encoded to the example, and the exchange checked against the spec. */
  static void decodesTheExample(SpecOperation op, JsonNode example) {
    server.resetAll();
    server.stubFor(request(op.method(), urlEqualTo(op.samplePath())).willReturn(json(op.okStatus(), example)));

    Response<?> response = OperationCalls.withResponse(Fixtures.client(server).build(), op);

    assertEquals(op.okStatus(), response.getStatusCode());
    JsonNode expected = ExampleAssertions.withoutNulls(op.hasData() ? example.get("data") : example);
    if (op.paged()) {
      List<?> items = OperationCalls.items(response.getValue());
      ExampleAssertions.assertRoundTrip(expected, items);
      items.forEach(ExampleAssertions::assertValid);
    } else {
      ExampleAssertions.assertRoundTrip(expected, response.getValue());
      ExampleAssertions.assertValid(response.getValue());
    }
    assertEquals(1, server.getAllServeEvents().size(), "one request");
    server.assertExchangesFollowTheSpec();
  }

  /**
   * The auto-pager over two pages made from the example's items, each item with its own id: every
   * item comes once, in order, and the walk stops after the page that reaches {@code total_count}.
   */
  static void walksTwoPages(SpecOperation op, JsonNode example) {
    List<JsonNode> items = distinctItems(op, example.get("data"), 2 * PER_PAGE);
    server.resetAll();
    server.stubFor(request(op.method(), urlPathEqualTo(op.samplePath())).atPriority(5)
        .willReturn(json(op.okStatus(), page(example, items.subList(0, PER_PAGE), 1, items.size()))));
    server.stubFor(request(op.method(), urlPathEqualTo(op.samplePath())).atPriority(1)
        .withQueryParam("page_no", equalTo("2"))
        .willReturn(json(op.okStatus(), page(example, items.subList(PER_PAGE, items.size()), PER_PAGE + 1,
            items.size()))));

    List<JsonNode> walked = new ArrayList<>();
    for (Object item : OperationCalls.pager(Fixtures.client(server).build(), op)) {
      walked.add(reencoded(item));
    }

    assertEquals(items.stream().map(ExampleAssertions::withoutNulls).toList(), walked, "every item once, in order");
    assertEquals(2, server.getAllServeEvents().size(), "two pages, no more");
    server.assertExchangesFollowTheSpec();
  }

  /**
   * {@code count} copies of the example's items, in turn, each with its own identifier: the item's
   * {@code id} (or first string property), a UUID where the schema says so.
   */
  static List<JsonNode> distinctItems(SpecOperation op, JsonNode exampleItems, int count) {
    JsonNode spec = SpecExamples.spec();
    JsonNode properties = op.itemSchema(spec).path("properties");
    String key = properties.has("id") ? "id" : properties.properties().stream()
        .filter(property -> "string".equals(SpecOperations.resolve(spec, property.getValue()).path("type").asText()))
        .map(Map.Entry::getKey).findFirst().orElse(null);
    assertNotNull(key, op.label() + ": its items have no property to tell them apart");
    boolean uuid = "uuid".equals(SpecOperations.resolve(spec, properties.get(key)).path("format").asText());
    List<JsonNode> items = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      ObjectNode item = (ObjectNode) exampleItems.get((n - 1) % exampleItems.size()).deepCopy();
      item.put(key, uuid ? SpecExamples.nthId(n).toString() : "item-" + n);
      items.add(item);
    }
    return items;
  }

  /** The example with other items, and paging with 1-based inclusive offsets. */
  static JsonNode page(JsonNode example, List<JsonNode> items, long startOffset, long totalCount) {
    ObjectNode page = example.deepCopy();
    ArrayNode data = page.putArray("data");
    items.forEach(data::add);
    ObjectNode paging = page.has("paging") ? (ObjectNode) page.get("paging") : page.putObject("paging");
    paging.put("start_offset", startOffset);
    paging.put("end_offset", startOffset + items.size() - 1);
    paging.put("total_count", totalCount);
    return page;
  }

  static ResponseDefinitionBuilder json(int status, JsonNode body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString());
  }

  static JsonNode reencoded(Object decoded) {
    try {
      return ExampleAssertions.MAPPER.readTree(ExampleAssertions.MAPPER.writeValueAsString(decoded));
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
