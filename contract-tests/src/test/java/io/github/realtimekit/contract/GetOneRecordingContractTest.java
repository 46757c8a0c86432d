package io.github.realtimekit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.realtimekit.client.Response;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.fixtures.SpecExamples;
import io.github.realtimekit.model.GetRecordingResponse;
import io.github.realtimekit.model.Recording;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** get_one_recording against its documented example, decoded in strict mode. */
class GetOneRecordingContractTest {

  static final String TOKEN = Fixtures.TOKEN;
  static final String ACCOUNT = Fixtures.ACCOUNT;
  static final String APP = Fixtures.APP;
  static final UUID RECORDING = Fixtures.RECORDING;
  static final String PATH = Fixtures.ONE_PATH;

  @RegisterExtension
  static WireMockExtension server = Fixtures.server();

  RealtimeKitClient client;
  JsonNode example = SpecExamples.example("GetOneRecording");

  @BeforeEach
  void setUp() {
    client = Fixtures.client(server).build();
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(SpecExamples.exampleJson("GetOneRecording"))));
  }

  @Test
  void sendsTheDocumentedRequest() {
    client.getRecording(RECORDING);

    server.verify(1, getRequestedFor(urlEqualTo(PATH))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withHeader("Accept", equalTo("application/json")));
    assertEquals(1, server.getAllServeEvents().size(), "exactly one request");
  }

  @Test
  void decodesEveryFieldOfTheDocumentedExample() {
    Response<GetRecordingResponse> response = client.api().getRecordingWithResponse(ACCOUNT, APP, RECORDING);

    assertEquals(200, response.getStatusCode());
    assertTrue(response.getHeader("content-type").orElseThrow().startsWith("application/json"));
    assertEquals(example.get("success").asBoolean(), response.getValue().getSuccess());
    ExampleAssertions.assertRecording(example.get("data"), response.getValue().getData());
  }

  @Test
  void encodesBackToTheDocumentedExample() {
    ExampleAssertions.assertRoundTrip(example, client.api().getRecording(ACCOUNT, APP, RECORDING));
  }

  @Test
  void documentedExampleSatisfiesTheSpecsConstraints() {
    ExampleAssertions.assertValid(client.api().getRecording(ACCOUNT, APP, RECORDING));
  }

  @Test
  void getRecordingReturnsTheData() {
    Recording recording = client.getRecording(RECORDING);
    ExampleAssertions.assertRecording(example.get("data"), recording);
  }
}
