package io.github.realtimekit.client.core;

import static io.github.realtimekit.client.core.RetryPolicyTest.status;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.errors.CallCancelledException;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.client.errors.NetworkException;
import io.github.realtimekit.client.errors.NetworkTimeoutException;
import io.github.realtimekit.client.errors.RealtimeKitException;
import io.github.realtimekit.client.errors.ResponseDecodingException;
import io.github.realtimekit.client.errors.ResponseTooLargeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeTest {

  @Test
  void nothingSentOrRefusedByTheServerCertainlyDidNothing() {
    for (RealtimeKitException failure : List.of(
        new NetworkException("op", "refused", new ConnectException("refused")),
        new NetworkTimeoutException("op", "slow", new HttpConnectTimeoutException("connect timed out")),
        status(429), status(503, Map.of("Retry-After", List.of("3"))),
        status(503, Map.of("retry-after-ms", List.of("300"))))) {
      assertTrue(Outcome.certainlyNotTakenEffect(failure), failure.toString());
      assertFalse(Outcome.answerLost(failure), failure.toString());
    }
  }

  @Test
  void aDroppedConnectionATimeoutOrAServerErrorMayHaveTakenEffect() {
    for (RealtimeKitException failure : List.of(
        new NetworkException("op", "reset", new IOException("connection reset")),
        new NetworkException("op", "closed", null),
        new NetworkTimeoutException("op", "slow", new HttpTimeoutException("request timed out")),
        status(500), status(502), status(503), status(504), status(599),
        new ResponseDecodingException("op", 200, "not JSON", "<html>", null),
        new ResponseTooLargeException("op", 10, "too large", null))) {
      assertFalse(Outcome.certainlyNotTakenEffect(failure), failure.toString());
      assertTrue(Outcome.answerLost(failure), failure.toString());
    }
  }

  @Test
  void aRefusalOrTheCallersOwnEndIsNoLostAnswer() {
    for (RealtimeKitException failure : List.of(status(400), status(401), status(403), status(404), status(408),
        status(409), status(422), new ResponseDecodingException("op", 404, "not JSON", "<html>", null),
        new CallCancelledException("op", "interrupted", null),
        new InvalidArgumentException("op", List.of(new InvalidArgumentException.Violation("body", "must not be null", "null"))))) {
      assertFalse(Outcome.answerLost(failure), failure.toString());
    }
  }
}
