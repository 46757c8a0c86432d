package io.github.realtimekit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.realtimekit.client.ListRecordingsQuery;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.fixtures.SpecExamples;
import io.github.realtimekit.model.ListRecordingsResponse;
import io.github.realtimekit.model.RecordingSortBy;
import io.github.realtimekit.model.RecordingStatus;
import io.github.realtimekit.model.RecordingStatusFilter;
import io.github.realtimekit.model.SortOrder;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** get_all_recordings against its documented example, with every parameter set, decoded in strict mode. */
class GetAllRecordingsContractTest {

  static final String TOKEN = Fixtures.TOKEN;
  static final String ACCOUNT = Fixtures.ACCOUNT;
  static final String APP = Fixtures.APP;
  static final String PATH = Fixtures.LIST_PATH;
  static final UUID MEETING = UUID.fromString("97440c6a-140b-40a9-9499-b23fd7a3868a");

  /** Every parameter set; the date-times have zero seconds and non-UTC offsets on purpose. */
  static final ListRecordingsQuery EVERY_PARAMETER = ListRecordingsQuery.builder()
      .endTime(OffsetDateTime.parse("2024-01-01T10:00:00+05:30"))
      .expired(false)
      .meetingId(MEETING)
      .pageNo(2)
      .perPage(25)
      .search("Daily standup")
      .sortBy(RecordingSortBy.INVOKED_TIME)
      .sortOrder(SortOrder.DESC)
      .startTime(OffsetDateTime.parse("2023-12-01T08:30:00-04:00"))
      .status(RecordingStatusFilter.UPLOADED, RecordingStatusFilter.RECORDING)
      .build();

  @RegisterExtension
  static WireMockExtension server = Fixtures.server();

  RealtimeKitClient client;
  JsonNode example = SpecExamples.example("GetAllRecordings");

  @BeforeEach
  void setUp() {
    client = Fixtures.client(server).build();
    server.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(SpecExamples.exampleJson("GetAllRecordings"))));
  }

  @Test
  void sendsEveryParameterInTheSpecsWireFormat() {
    client.listRecordingsPage(EVERY_PARAMETER);

    server.verify(1, getRequestedFor(urlPathEqualTo(PATH))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withHeader("Accept", equalTo("application/json"))
        .withQueryParam("end_time", havingExactly("2024-01-01T10:00:00+05:30"))
        .withQueryParam("expired", havingExactly("false"))
        .withQueryParam("meeting_id", havingExactly(MEETING.toString()))
        .withQueryParam("page_no", havingExactly("2"))
        .withQueryParam("per_page", havingExactly("25"))
        .withQueryParam("search", havingExactly("Daily standup"))
        .withQueryParam("sort_by", havingExactly("invokedTime"))
        .withQueryParam("sort_order", havingExactly("DESC"))
        .withQueryParam("start_time", havingExactly("2023-12-01T08:30:00-04:00"))
        .withQueryParam("status", havingExactly("UPLOADED,RECORDING")));

    LoggedRequest request = server.getAllServeEvents().get(0).getRequest();
    String query = request.getUrl().substring(request.getUrl().indexOf('?') + 1);
    assertEquals(10, query.split("&").length, "ten query parameters, each once: " + query);
    assertTrue(query.contains("status=UPLOADED,RECORDING"), "form style, explode false, literal comma: " + query);
  }

  @Test
  void leavesUnsetParametersOut() {
    client.listRecordingsPage(ListRecordingsQuery.none());

    LoggedRequest request = server.getAllServeEvents().get(0).getRequest();
    assertEquals(PATH, request.getUrl());
  }

  @Test
  void sendsASingleStatusAsOneValue() {
    client.listRecordingsPage(ListRecordingsQuery.builder().status(RecordingStatusFilter.INVOKED).build());

    server.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("status", havingExactly("INVOKED")));
  }

  @Test
  void sendsTheFailedAndPausedStatuses() {
    client.listRecordingsPage(ListRecordingsQuery.builder()
        .status(RecordingStatusFilter.ERRORED, RecordingStatusFilter.PAUSED).build());

    server.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("status", havingExactly("ERRORED,PAUSED")));
    assertTrue(RecordingStatusFilter.ERRORED.isKnown() && RecordingStatusFilter.PAUSED.isKnown());
  }

  @Test
  void filtersByEveryStatusARecordingCanHave() {
    // The filter accepts every status a recording can be in, so no recording is out of a filter's reach.
    assertEquals(
        RecordingStatus.knownValues().stream().map(RecordingStatus::value).collect(Collectors.toList()),
        RecordingStatusFilter.knownValues().stream().map(RecordingStatusFilter::value).collect(Collectors.toList()));

    client.listRecordingsPage(ListRecordingsQuery.builder()
        .status(RecordingStatusFilter.knownValues()).build());

    server.verify(getRequestedFor(urlPathEqualTo(PATH))
        .withQueryParam("status", havingExactly("INVOKED,RECORDING,UPLOADING,UPLOADED,ERRORED,PAUSED")));
  }

  @Test
  void sendsTheSearchTextAsOneQueryValueWhateverItHolds() {
    String search = "Q3 review & retro #2 + 50%/100 = ü?";

    client.listRecordingsPage(ListRecordingsQuery.builder().search(search).build());

    server.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("search", havingExactly(search)));
    LoggedRequest request = server.getAllServeEvents().get(0).getRequest();
    String query = request.getUrl().substring(request.getUrl().indexOf('?') + 1);
    assertEquals(1, query.split("&").length, "the text's & and # are encoded, not separators: " + query);
    assertTrue(query.startsWith("search=") && !query.contains(" "), query);
  }

  @Test
  void decodesEveryFieldOfTheDocumentedExample() {
    ListRecordingsResponse page = client.api().listRecordings(ACCOUNT, APP, EVERY_PARAMETER);

    assertEquals(example.get("success").asBoolean(), page.getSuccess());
    assertEquals(example.get("data").size(), page.getData().size());
    for (int i = 0; i < page.getData().size(); i++) {
      ExampleAssertions.assertRecording(example.get("data").get(i), page.getData().get(i));
    }
    JsonNode paging = example.get("paging");
    assertEquals(paging.get("end_offset").asLong(), page.getPaging().getEndOffset());
    assertEquals(paging.get("start_offset").asLong(), page.getPaging().getStartOffset());
    assertEquals(paging.get("total_count").asLong(), page.getPaging().getTotalCount());
  }

  @Test
  void encodesBackToTheDocumentedExample() {
    ExampleAssertions.assertRoundTrip(example, client.api().listRecordings(ACCOUNT, APP, EVERY_PARAMETER));
  }

  @Test
  void documentedExampleSatisfiesTheSpecsConstraints() {
    ExampleAssertions.assertValid(client.api().listRecordings(ACCOUNT, APP, EVERY_PARAMETER));
  }

  @Test
  void decodedListIsImmutable() {
    List<?> data = client.listRecordingsPage(EVERY_PARAMETER).getItems();
    org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> data.remove(0));
  }
}
