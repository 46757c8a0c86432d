package io.github.realtimekit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.realtimekit.contract.Fixtures.ACCOUNT;
import static io.github.realtimekit.contract.Fixtures.APP;
import static io.github.realtimekit.contract.Fixtures.ONE_PATH;
import static io.github.realtimekit.contract.Fixtures.RECORDING;
import static io.github.realtimekit.contract.Fixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.realtimekit.client.HttpLogLevel;
import io.github.realtimekit.client.Response;
import io.github.realtimekit.model.GetRecordingResponse;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.StorageConfig;
import io.github.realtimekit.model.StorageType;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Secrets stay out of toString() and the HTTP log; status and headers stay reachable. */
class SecretsAndLoggingContractTest {

  static final String SECRETS_BODY = Fixtures.oneRecording(data -> ((ObjectNode) data.get("storage_config"))
      .put("access_key", "AKIA-ACCESS-KEY-VALUE")
      .put("secret", "SECRET-KEY-VALUE")
      .put("password", "PASSWORD-VALUE")
      .put("private_key", "PRIVATE-KEY-VALUE")).toString();

  @RegisterExtension
  static WireMockExtension server = Fixtures.server();

  final Logger httpLog = Logger.getLogger("io.github.realtimekit.client.http");
  final List<String> logged = new ArrayList<>();
  final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };
  Level previousLevel;

  @BeforeEach
  void setUp() {
    server.stubFor(get(urlPathEqualTo(ONE_PATH)).willReturn(okJson(SECRETS_BODY).withHeader("cf-ray", "7d1e-AMS")));
    previousLevel = httpLog.getLevel();
    httpLog.setLevel(Level.FINE);
    httpLog.addHandler(capture);
  }

  @AfterEach
  void tearDown() {
    httpLog.removeHandler(capture);
    httpLog.setLevel(previousLevel);
  }

  @Test
  void toStringMasksEverySecretTheSpecMarks() {
    GetRecordingResponse response = Fixtures.client(server).build()
        .api().getRecording(ACCOUNT, APP, RECORDING);
    StorageConfig storage = response.getData().getStorageConfig();

    String text = response.toString();
    for (String secret : List.of("AKIA-ACCESS-KEY-VALUE", "SECRET-KEY-VALUE", "PASSWORD-VALUE", "PRIVATE-KEY-VALUE")) {
      assertFalse(text.contains(secret), "toString leaks " + secret + ": " + text);
    }
    assertTrue(storage.toString().contains("accessKey=***, authMethod=KEY, bucket=bucket"), storage.toString());
    assertTrue(storage.toString().contains("password=***"));
    assertTrue(storage.toString().contains("privateKey=***"));
    assertTrue(storage.toString().contains("secret=***"));
    assertEquals("SECRET-KEY-VALUE", storage.getSecret(), "the value itself stays readable");
    assertTrue(StorageConfig.builder().type(StorageType.AWS).build().toString().contains("password=null"),
        "an absent secret reads null");
  }

  @Test
  void theHttpLogRedactsTheToken() {
    Fixtures.client(server).httpLogLevel(HttpLogLevel.HEADERS).build().getRecording(RECORDING);

    String log = String.join("\n", logged);
    assertTrue(log.contains("--> GET " + server.baseUrl() + ONE_PATH), log);
    assertTrue(log.contains("Authorization: ***"), log);
    assertTrue(log.contains("<-- 200 GET " + server.baseUrl() + ONE_PATH), log);
    assertTrue(log.contains("cf-ray: 7d1e-AMS"), log);
    assertFalse(log.contains(TOKEN), "the token is never logged:\n" + log);
    assertFalse(log.contains("SECRET-KEY-VALUE"), "bodies are never logged:\n" + log);
  }

  @Test
  void noLogUnlessAskedFor() {
    Fixtures.client(server).build().getRecording(RECORDING);

    assertEquals(List.of(), logged);
  }

  @Test
  void rawResponsesCarryStatusAndHeaders() {
    Response<Recording> raw = Fixtures.client(server).build().getRecordingWithResponse(RECORDING);

    assertEquals(200, raw.getStatusCode());
    assertEquals("7d1e-AMS", raw.getHeader("CF-RAY").orElseThrow(), "header names match in any case");
    assertEquals(List.of("7d1e-AMS"), raw.getHeaders().get("cf-ray"));
    assertEquals(RECORDING, raw.getValue().getId());
  }
}
