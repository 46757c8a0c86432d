package io.github.realtimekit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.realtimekit.contract.Fixtures.ACCOUNT;
import static io.github.realtimekit.contract.Fixtures.APP;
import static io.github.realtimekit.contract.Fixtures.LIST_PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.realtimekit.client.ListRecordingsQuery;
import io.github.realtimekit.client.Page;
import io.github.realtimekit.client.PagedIterable;
import io.github.realtimekit.client.errors.PagingException;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.errors.NotFoundException;
import io.github.realtimekit.fixtures.SpecExamples;
import io.github.realtimekit.model.ListRecordingsResponse;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.RecordingStatusFilter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The auto-pager walking a data set served in pages of the documented shape. */
class PagingContractTest {

  static final int TOTAL = 250;
  static final int PER_PAGE = 100;

  @RegisterExtension
  static WireMockExtension server = Fixtures.server();

  RealtimeKitClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(server).build();
  }

  /** Serves {@code total} recordings, {@code perPage} at a time, on pages numbered from 1. */
  private void serve(int total, int perPage) {
    int pages = (total + perPage - 1) / perPage;
    for (int pageNo = 1; pageNo <= pages + 1; pageNo++) {
      long first = (long) (pageNo - 1) * perPage;
      List<UUID> ids = LongStream.range(first, Math.min(first + perPage, total)).mapToObj(Fixtures::nthId).toList();
      server.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("page_no", equalTo(String.valueOf(pageNo)))
          .willReturn(okJson(Fixtures.page(ids, first + 1, total))));
    }
  }

  private List<String> requestedPages() {
    return server.findAll(getRequestedFor(urlPathEqualTo(LIST_PATH))).stream()
        .map(r -> r.queryParameter("page_no").firstValue())
        .collect(Collectors.toList());
  }

  @Test
  void walksEveryRecordingOfAMultiPageResult() {
    serve(TOTAL, PER_PAGE);

    List<UUID> ids = new ArrayList<>();
    for (Recording r : client.listRecordings(ListRecordingsQuery.builder().perPage(PER_PAGE).build())) {
      ids.add(r.getId());
    }

    assertEquals(LongStream.range(0, TOTAL).mapToObj(Fixtures::nthId).toList(), ids, "all 250, in order, once each");
    assertEquals(List.of("1", "2", "3"), requestedPages(), "stops at total_count without asking for page 4");
    server.verify(3, getRequestedFor(urlPathEqualTo(LIST_PATH)).withQueryParam("per_page", havingExactly("100")));
  }

  @Test
  void keepsTheQuerysFiltersOnEveryPage() {
    serve(TOTAL, PER_PAGE);

    long count = client.listRecordings(ListRecordingsQuery.builder()
        .perPage(PER_PAGE).status(RecordingStatusFilter.UPLOADED, RecordingStatusFilter.INVOKED).build()).stream().count();

    assertEquals(TOTAL, count);
    server.verify(3, getRequestedFor(urlPathEqualTo(LIST_PATH))
        .withQueryParam("status", havingExactly("UPLOADED,INVOKED")));
  }

  @Test
  void fetchesLazily() {
    serve(TOTAL, PER_PAGE);

    PagedIterable<Recording> all = client.listRecordings(ListRecordingsQuery.builder().perPage(PER_PAGE).build());
    assertEquals(List.of(), requestedPages(), "nothing is sent before iterating");

    Iterator<Recording> it = all.iterator();
    assertTrue(it.hasNext());
    assertEquals(List.of("1"), requestedPages(), "one page at a time");

    List<Recording> first150 = all.stream().limit(150).toList();
    assertEquals(150, first150.size());
    assertEquals(List.of("1", "1", "2"), requestedPages(), "a stream stops fetching when the caller stops");
  }

  @Test
  void stopsAtAnEmptyPage() {
    // The server claims more than it has: page 2 is empty, so the walk ends there.
    List<UUID> ids = List.of(Fixtures.nthId(1), Fixtures.nthId(2));
    server.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("page_no", equalTo("1"))
        .willReturn(okJson(Fixtures.page(ids, 1, 1000))));
    server.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("page_no", equalTo("2"))
        .willReturn(okJson(Fixtures.page(List.of(), 3, 1000))));

    assertEquals(ids, client.listRecordings(ListRecordingsQuery.none()).stream().map(Recording::getId).toList());
    assertEquals(List.of("1", "2"), requestedPages());
  }

  @Test
  void startsAtTheQuerysPage() {
    serve(TOTAL, PER_PAGE);

    List<Recording> rest = client.listRecordings(ListRecordingsQuery.builder().perPage(PER_PAGE).pageNo(2).build()).stream().toList();

    assertEquals(150, rest.size());
    assertEquals(Fixtures.nthId(100), rest.get(0).getId());
    assertEquals(List.of("2", "3"), requestedPages());
  }

  @Test
  void iteratesPagesWithTheirPagingInformation() {
    serve(TOTAL, PER_PAGE);

    List<Page<Recording>> pages = new ArrayList<>();
    client.listRecordings(ListRecordingsQuery.builder().perPage(PER_PAGE).build()).iterableByPage()
        .forEach(pages::add);

    assertEquals(3, pages.size());
    assertEquals(List.of(1, 2, 3), pages.stream().map(Page::getPageNo).toList());
    assertEquals(List.of(1L, 101L, 201L), pages.stream().map(p -> p.getStartOffset().getAsLong()).toList());
    assertEquals(List.of(100L, 200L, 250L), pages.stream().map(p -> p.getEndOffset().getAsLong()).toList());
    pages.forEach(p -> assertEquals(TOTAL, p.getTotalCount().getAsLong()));
  }

  @Test
  void anEmptyResultHasOneEmptyPageAndNoRecordings() {
    server.stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(okJson(Fixtures.page(List.of(), 1, 0))));

    PagedIterable<Recording> none = client.listRecordings(ListRecordingsQuery.none());

    assertFalse(none.iterator().hasNext());
    assertEquals(1, none.streamByPage().count(), "the first page is returned even when empty");
    assertEquals(List.of("1", "1"), requestedPages());
  }

  @Test
  void anErrorMidWaySurfacesAsTheTypedException() {
    serve(TOTAL, PER_PAGE);
    server.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("page_no", equalTo("2"))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withBody(SpecExamples.exampleJson("RealtimeKitError"))));

    Iterator<Recording> it = client.listRecordings(ListRecordingsQuery.builder().perPage(PER_PAGE).build())
        .iterator();
    for (int i = 0; i < PER_PAGE; i++) {
      it.next();
    }

    NotFoundException e = assertThrows(NotFoundException.class, it::hasNext);
    assertEquals("listRecordings", e.getOperation());
  }

  @Test
  void aFailedPageIsFetchedAgainNotSkipped() {
    serve(TOTAL, PER_PAGE);
    server.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("page_no", equalTo("2"))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withBody(SpecExamples.exampleJson("RealtimeKitError"))));
    Iterator<Recording> it = client.listRecordings(ListRecordingsQuery.builder().perPage(PER_PAGE).build())
        .iterator();
    List<UUID> seen = new ArrayList<>();
    for (int i = 0; i < PER_PAGE; i++) {
      seen.add(it.next().getId());
    }
    assertThrows(NotFoundException.class, it::hasNext);
    assertThrows(NotFoundException.class, it::hasNext);

    serve(TOTAL, PER_PAGE);
    it.forEachRemaining(r -> seen.add(r.getId()));

    assertEquals(LongStream.range(0, TOTAL).mapToObj(Fixtures::nthId).toList(), seen, "every recording, once, in order");
    assertEquals(List.of("1", "2", "2", "2", "3"), requestedPages());
  }

  @Test
  void aPageValueIsUnchangedByAFailedFetch() {
    serve(TOTAL, PER_PAGE);
    Page<Recording> first = client.listRecordingsPage(ListRecordingsQuery.builder().perPage(PER_PAGE).pageNo(1).build());
    server.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("page_no", equalTo("2"))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withBody(SpecExamples.exampleJson("RealtimeKitError"))));
    assertThrows(NotFoundException.class, first::getNextPage);
    serve(TOTAL, PER_PAGE);

    Page<Recording> second = first.getNextPage();

    assertEquals(2, second.getPageNo());
    assertEquals(Fixtures.nthId(100), second.getItems().get(0).getId());
    assertEquals(1, first.getPageNo());
    assertEquals(PER_PAGE, first.getItems().size());
  }

  @Test
  void aServerThatIgnoresPageNoEndsTheWalkInsteadOfLooping() {
    // Every page_no gets the same first page of a thousand recordings.
    server.stubFor(get(urlPathEqualTo(LIST_PATH))
        .willReturn(okJson(Fixtures.page(List.of(Fixtures.nthId(1), Fixtures.nthId(2)), 1, 1000))));

    Iterator<Recording> it = client.listRecordings(ListRecordingsQuery.none()).iterator();
    it.next();
    it.next();
    PagingException e = assertThrows(PagingException.class, it::hasNext);

    assertEquals(2, e.getPageNo());
    assertEquals("Page 2 of listRecordings repeats page 1 (the server may be ignoring page_no); the walk stops",
        e.getMessage());
    assertEquals(List.of("1", "2"), requestedPages());
  }

  @Test
  void eachIterationWalksAgain() {
    serve(30, 30);
    PagedIterable<Recording> all = client.listRecordings(ListRecordingsQuery.none());

    assertEquals(30, all.stream().count());
    assertEquals(30, all.stream().count());
    assertEquals(List.of("1", "1"), requestedPages());
  }
}
