package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import feign.Feign;
import feign.Retryer;
import io.github.realtimekit.client.core.ErrorMapper;
import io.github.realtimekit.client.core.HttpRequest;
import io.github.realtimekit.client.core.HttpResponse;
import io.github.realtimekit.client.core.JsonResponses;
import io.github.realtimekit.client.core.OperationDescriptor;
import io.github.realtimekit.client.core.SafeText;
import io.github.realtimekit.model.GetRecordingResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Feign's request becomes the pipeline's once, with its operation; the response comes back in place. */
class FeignAdapterTest {

  static final UUID ID = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");

  final List<HttpRequest> sent = new ArrayList<>();
  boolean closed;

  RecordingsApi api() {
    ErrorMapper errors = new ErrorMapper(RealtimeKitJson.newObjectMapper(), new SafeText("tok-3f9a8b7c6d5e4f30"), Duration.ofSeconds(1),
        Duration.ofSeconds(1));
    return Feign.builder()
        .client(new FeignAdapter(request -> {
          sent.add(request);
          return HttpResponse.of(request, 200, Map.of("Content-Type", List.of("application/json"), "cf-ray",
              List.of("7d")), "{\"success\":true,\"data\":{\"id\":\"" + ID + "\",\"status\":\"UPLOADED\","
                  + "\"invoked_time\":\"2024-01-01T10:00:00Z\",\"output_file_name\":\"m.mp4\"}}");
        }, OperationIndex.ALL, () -> closed))
        .contract(new SpecContract(OperationIndex.ALL))
        .decoder(new ResponseDecoder(new JsonResponses(RealtimeKitJson.newObjectMapper(), null, errors,
            new SafeText("tok-3f9a8b7c6d5e4f30"))))
        .retryer(Retryer.NEVER_RETRY)
        .target(RecordingsApi.class, "http://api.test/v4");
  }

  @Test
  void everyGeneratedMethodResolvesToItsOperation() {
    for (OperationDescriptor operation : Operations.all()) {
      assertSame(operation, OperationIndex.ALL.forMethod(operation.getName()));
      assertSame(operation, OperationIndex.ALL.forMethod(operation.getName() + "WithResponse"));
    }
    OperationDescriptor unknown = OperationIndex.ALL.forMethod("somethingElseWithResponse");
    assertEquals("somethingElse", unknown.getName());
    assertFalse(unknown.isIdempotent(), "never retried as if it could be sent twice");
  }

  @Test
  void theRequestCarriesItsOperationAndTheResponseItsHeaders() {
    Response<GetRecordingResponse> response = api().getRecordingWithResponse("acc", "app", ID);

    assertEquals(1, sent.size());
    HttpRequest request = sent.get(0);
    assertSame(Operations.GET_RECORDING, request.operation());
    assertEquals("GET", request.method());
    assertEquals("http://api.test/v4/accounts/acc/realtime/kit/app/recordings/" + ID, request.url());
    assertEquals(List.of("application/json"), request.headers().get("accept"));
    assertEquals(ID, response.getValue().getData().getId());
    assertEquals("7d", response.getHeader("CF-RAY").orElseThrow());
  }

  @Test
  void aClosedClientSendsNothing() {
    closed = true;
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> api().getRecording("acc", "app", ID));
    assertEquals("This RealtimeKitClient is closed", e.getMessage());
    assertEquals(List.of(), sent);
  }
}
