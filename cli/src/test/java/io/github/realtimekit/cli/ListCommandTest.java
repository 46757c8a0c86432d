package io.github.realtimekit.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code list}: the query it sends, its table and JSON output, and {@code --all}. */
class ListCommandTest {

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final List<UUID> IDS = IntStream.range(0, 5)
      .mapToObj(i -> UUID.fromString("00000000-0000-4000-8000-00000000000" + i))
      .collect(Collectors.toList());

  private static String baseUrl() {
    return server.baseUrl() + Examples.BASE_PATH;
  }

  @Test
  void printsATableWithTheIdsOfThePage() {
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).willReturn(okJson(Examples.page(IDS.subList(0, 2), 1, 2))));

    Cli.Result r = Cli.against(baseUrl(), "list");

    assertEquals(0, r.exitCode(), r.toString());
    List<String> lines = r.outLines();
    assertEquals(3, lines.size(), r.toString());
    assertTrue(lines.get(0).startsWith("ID "), lines.get(0));
    for (String column : List.of("STATUS", "MEETING/SESSION", "INVOKED", "DURATION", "SIZE", "FILE")) {
      assertTrue(lines.get(0).contains(column), lines.get(0));
    }
    assertTrue(lines.get(1).startsWith(IDS.get(0) + " "), lines.get(1));
    assertTrue(lines.get(2).startsWith(IDS.get(1) + " "), lines.get(2));
    assertTrue(lines.get(1).contains("INVOKED") && lines.get(1).contains("output_file_name"), lines.get(1));
    assertTrue(lines.get(1).contains("2019-12-27T18:11:19Z"), lines.get(1));
    // Columns line up: every row has its status where the header has STATUS.
    int status = lines.get(0).indexOf("STATUS");
    assertEquals("INVOKED", lines.get(1).substring(status, status + 7));
    assertEquals("", r.err(), "nothing to say when the page holds every recording");
    server.verify(getRequestedFor(urlPathEqualTo(Examples.LIST_PATH))
        .withHeader("Authorization", equalTo("Bearer " + Cli.TOKEN)));
  }

  @Test
  void sendsEveryFilter() {
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).willReturn(okJson(Examples.page(List.of(), 1, 0))));
    UUID meeting = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000001");

    Cli.Result r = Cli.against(baseUrl(), "list", "--meeting-id", meeting.toString(), "--status", "uploaded",
        "--search", "Daily standup", "--start-time", "2024-01-01T10:00:00+05:30", "--end-time", "2024-01-31T23:59:59Z",
        "--sort-by", "invokedTime", "--sort-order", "desc", "--expired", "false", "--page-no", "3", "--per-page", "25");

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("", r.out());
    assertTrue(r.err().contains("no recordings"), r.err());
    server.verify(getRequestedFor(urlPathEqualTo(Examples.LIST_PATH))
        .withQueryParam("meeting_id", equalTo(meeting.toString()))
        .withQueryParam("status", equalTo("UPLOADED"))
        .withQueryParam("search", havingExactly("Daily standup"))
        .withQueryParam("start_time", equalTo("2024-01-01T10:00:00+05:30"))
        .withQueryParam("end_time", equalTo("2024-01-31T23:59:59Z"))
        .withQueryParam("sort_by", equalTo("invokedTime"))
        .withQueryParam("sort_order", equalTo("DESC"))
        .withQueryParam("expired", equalTo("false"))
        .withQueryParam("page_no", equalTo("3"))
        .withQueryParam("per_page", equalTo("25")));
  }

  static Stream<List<String>> statusOptions() {
    return Stream.of(
        List.of("--status", "UPLOADED,RECORDING"),
        List.of("--status", "UPLOADED", "--status", "RECORDING"),
        List.of("--status=uploaded, recording"));
  }

  @ParameterizedTest
  @MethodSource("statusOptions")
  void sendsSeveralStatusesAsOneCommaSeparatedValue(List<String> statusOptions) {
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).willReturn(okJson(Examples.page(IDS.subList(0, 1), 1, 1))));
    List<String> args = new ArrayList<>(List.of("list"));
    args.addAll(statusOptions);

    Cli.Result r = Cli.against(baseUrl(), args.toArray(String[]::new));

    assertEquals(0, r.exitCode(), r.toString());
    server.verify(1, getRequestedFor(urlPathEqualTo(Examples.LIST_PATH))
        .withQueryParam("status", havingExactly("UPLOADED,RECORDING")));
    LoggedRequest request = server.findAll(getRequestedFor(urlPathEqualTo(Examples.LIST_PATH))).get(0);
    assertTrue(request.getUrl().contains("status=UPLOADED,RECORDING"), request.getUrl());
  }

  @Test
  void listsTheFailedAndPausedRecordings() {
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).willReturn(okJson(Examples.example("GetAllRecordingsErrored")
        .toString())));

    Cli.Result r = Cli.against(baseUrl(), "list", "--status", "errored", "--status", "PAUSED");

    assertEquals(0, r.exitCode(), r.toString());
    server.verify(1, getRequestedFor(urlPathEqualTo(Examples.LIST_PATH))
        .withQueryParam("status", havingExactly("ERRORED,PAUSED")));
    String id = Examples.example("GetAllRecordingsErrored").at("/data/0/id").asText();
    assertEquals(2, r.outLines().size(), r.toString());
    assertTrue(r.outLines().get(1).startsWith(id + " ") && r.outLines().get(1).contains("ERRORED"), r.toString());
  }

  @Test
  void sendsTheSearchTextWhateverItHolds() {
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).willReturn(okJson(Examples.page(List.of(), 1, 0))));
    String search = "Q3 review & retro #2 + 50%";

    Cli.Result r = Cli.against(baseUrl(), "list", "--search", search);

    assertEquals(0, r.exitCode(), r.toString());
    server.verify(1, getRequestedFor(urlPathEqualTo(Examples.LIST_PATH)).withQueryParam("search", havingExactly(search)));
  }

  @Test
  void showsTheMeetingsRecordingConfigWithItsStorageSecretMasked() {
    JsonNode example = Examples.example("GetAllRecordingsErrored");
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).willReturn(okJson(example.toString())));
    String password = example.at("/data/0/meeting/recording_config/storage_config/password").asText();

    Cli.Result r = Cli.against(baseUrl(), "list", "--json");

    assertEquals(0, r.exitCode(), r.toString());
    JsonNode meeting = r.jsonLines().get(0).get("meeting");
    assertTrue(meeting.get("transcribe_on_end").asBoolean(), r.out());
    JsonNode config = meeting.get("recording_config");
    assertEquals(example.at("/data/0/meeting/recording_config/max_seconds").asInt(), config.get("max_seconds").asInt());
    assertEquals("left top", config.at("/video_config/watermark/position").asText());
    assertEquals("rtmp://a.rtmp.youtube.com/live2", config.at("/live_streaming_config/rtmp_url").asText());
    assertEquals("***", config.at("/storage_config/password").asText());
    assertFalse(r.out().contains(password), r.out());
  }

  @Test
  void printsOneJsonObjectPerRecordingWithSecretsMasked() {
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).willReturn(okJson(Examples.page(IDS.subList(0, 3), 1, 3))));

    Cli.Result r = Cli.against(baseUrl(), "list", "--json");

    assertEquals(0, r.exitCode(), r.toString());
    List<JsonNode> lines = r.jsonLines();
    assertEquals(3, lines.size(), r.toString());
    for (int i = 0; i < 3; i++) {
      JsonNode recording = lines.get(i);
      assertEquals(IDS.get(i).toString(), recording.get("id").asText());
      assertEquals("output_file_name", recording.get("output_file_name").asText(), "snake_case, as the API");
      assertEquals("2019-12-27T18:11:19.117Z", recording.get("invoked_time").asText(), "RFC 3339, as sent");
      assertEquals("title", recording.at("/meeting/title").asText());
      JsonNode storage = recording.get("storage_config");
      for (String secret : List.of("access_key", "secret", "password", "private_key")) {
        assertEquals("***", storage.get(secret).asText(), secret);
      }
      assertEquals("bucket", storage.get("bucket").asText(), "what is not secret is shown");
      assertEquals("username", storage.get("username").asText());
    }
    Examples.SECRET_VALUES.forEach(secret -> assertFalse(r.out().contains(secret), secret));
  }

  @Test
  void allWalksEveryPage() {
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).withQueryParam("page_no", equalTo("1"))
        .willReturn(okJson(Examples.page(IDS.subList(0, 2), 1, 5))));
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).withQueryParam("page_no", equalTo("2"))
        .willReturn(okJson(Examples.page(IDS.subList(2, 4), 3, 5))));
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).withQueryParam("page_no", equalTo("3"))
        .willReturn(okJson(Examples.page(IDS.subList(4, 5), 5, 5))));

    Cli.Result json = Cli.against(baseUrl(), "list", "--all", "--per-page", "2", "--json");

    assertEquals(0, json.exitCode(), json.toString());
    assertEquals(IDS.stream().map(UUID::toString).collect(Collectors.toList()),
        json.jsonLines().stream().map(n -> n.get("id").asText()).collect(Collectors.toList()));
    server.verify(3, getRequestedFor(urlPathEqualTo(Examples.LIST_PATH)).withQueryParam("per_page", equalTo("2")));

    Cli.Result table = Cli.against(baseUrl(), "list", "--all", "--per-page", "2", "--status", "INVOKED");

    assertEquals(0, table.exitCode(), table.toString());
    assertEquals(6, table.outLines().size(), table.toString());
    for (int i = 0; i < 5; i++) {
      assertTrue(table.outLines().get(i + 1).startsWith(IDS.get(i).toString()), table.toString());
    }
    server.verify(3, getRequestedFor(urlPathEqualTo(Examples.LIST_PATH)).withQueryParam("status", equalTo("INVOKED")));
  }

  @Test
  void allStartsFromPageNo() {
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).withQueryParam("page_no", equalTo("2"))
        .willReturn(okJson(Examples.page(IDS.subList(2, 4), 3, 4))));

    Cli.Result r = Cli.against(baseUrl(), "list", "--all", "--page-no", "2", "--per-page", "2", "--json");

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(2, r.jsonLines().size());
    server.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void saysHowToSeeTheNextPage() {
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).willReturn(okJson(Examples.page(IDS.subList(0, 2), 1, 5))));

    Cli.Result r = Cli.against(baseUrl(), "list", "--per-page", "2");

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(3, r.outLines().size(), "the hint goes to stderr, not into the table");
    assertEquals(List.of("realtimekit-recordings: recordings 1-2 of 5; --page-no 2 for the next page, "
        + "--all for every page"), r.errLines());
  }

  @Test
  void readsTheBaseUrlFromTheEnvironment() {
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).willReturn(okJson(Examples.page(IDS.subList(0, 1), 1, 1))));
    var env = Cli.realEnv();
    env.put("REALTIMEKIT_BASE_URL", baseUrl());

    Cli.Result r = Cli.run(env, "list");

    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains(IDS.get(0).toString()), r.toString());
  }

  @Test
  void optionsWinOverTheEnvironment() {
    server.stubFor(get(urlPathEqualTo("/client/v4/accounts/acct-from-option/realtime/kit/app-from-option/recordings"))
        .willReturn(okJson(Examples.page(IDS.subList(0, 1), 1, 1))));

    Cli.Result r = Cli.against(baseUrl(), "--token", "token-from-option", "--account", "acct-from-option",
        "--app", "app-from-option", "list");

    assertEquals(0, r.exitCode(), r.toString());
    server.verify(getRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer token-from-option")));
  }

  @Test
  void failsOnAnErrorStatusWithTheApisMessage() {
    server.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody(Examples.example("CloudflareError").toString())));

    Cli.Result r = Cli.against(baseUrl(), "list", "--all");

    assertEquals(3, r.exitCode(), r.toString());
    assertEquals(List.of("realtimekit-recordings: HTTP 401 from listRecordings: Authentication error (code 10000)"),
        r.errLines());
    assertEquals("", r.out());
  }

  @Test
  void pagesAndPageSizesStartAt1AsTheHelpSays() {
    for (String option : List.of("--page-no", "--per-page")) {
      for (String value : List.of("0", "-1", "x")) {
        Cli.Result r = Cli.against(baseUrl(), "list", option, value);

        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("realtimekit-recordings: Invalid value for option '" + option + "': '" + value
            + "' is not a whole number, 1 or more", r.errLines().get(0));
      }
    }
    server.verify(0, anyRequestedFor(anyUrl()));
    Cli.Result help = Cli.against(baseUrl(), "list", "--help");
    assertTrue(help.out().contains("The page to show, from 1"), help.out());
    assertTrue(help.out().contains("Recordings per page, from 1"), help.out());
  }

  @Test
  void aBadValueIsRefusedBeforeTheMockStarts() {
    Cli.Result r = Cli.run(java.util.Map.of(), "list", "--page-no", "-1");

    assertEquals(2, r.exitCode(), r.toString());
    assertFalse(r.err().contains("mock"), "nothing started: " + r.err());
  }

  @Test
  void expiredIsTrueOrFalse() {
    Cli.Result r = Cli.against(baseUrl(), "list", "--expired", "maybe");

    assertEquals(2, r.exitCode(), r.toString());
    assertEquals("realtimekit-recordings: Invalid value for option '--expired': 'maybe': expected true or false",
        r.errLines().get(0));
    server.verify(0, anyRequestedFor(anyUrl()));
  }
}
