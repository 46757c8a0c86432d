package io.github.realtimekit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.RealtimeKitJson;
import io.github.realtimekit.client.ListRecordingsQuery;
import io.github.realtimekit.client.Page;
import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.model.GetRecordingResponse;
import io.github.realtimekit.model.ListRecordingsResponse;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.RecordingSortBy;
import io.github.realtimekit.model.RecordingStatusFilter;
import io.github.realtimekit.model.SortOrder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The clients measured side by side, each behind one small interface so that every benchmark, the
 * cold-start runs and the tests drive them the same way: this project's client, the three clients
 * OpenAPI Generator makes from the same spec with default options (each with its closure relocated
 * under its own package), and the floors, a request made by hand with a bare transport and one
 * {@code ObjectMapper} decoding into this project's models.
 *
 * <p>Every list call sets all nine query parameters, as a caller filtering by each would. The floors
 * send a URL built once; the clients build theirs from the arguments on every call.
 */
final class Contenders {

  // Literals, not Pages: loading Pages parses the spec, which would weigh on the cold-start runs.
  static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  static final String APP = "9a7806061c88ada191ed06f989cc3dac";
  static final UUID RECORDING = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
  static final String TOKEN = "benchmark-token";
  static final OffsetDateTime START_TIME = OffsetDateTime.parse("2024-01-01T10:00:00+05:30");
  static final OffsetDateTime END_TIME = OffsetDateTime.parse("2024-01-31T23:59:59Z");
  static final UUID MEETING = UUID.fromString("97440c6a-140b-40a9-9499-b23fd7a3868a");
  static final boolean EXPIRED = false;
  static final int PAGE_NO = 1;

  /** The list operation's query parameters, every one of which each contender sends. */
  static final List<String> QUERY_PARAMETERS = List.of(
      "end_time", "expired", "meeting_id", "page_no", "per_page", "sort_by", "sort_order", "start_time", "status");

  /** The names, which are also the names of the benchmark methods. */
  static final List<String> CLIENTS = List.of("client", "oagFeign", "oagNative", "oagOkhttpGson");
  static final List<String> FLOORS = List.of("floorJdkHttpClient", "floorHttpUrlConnection", "floorOkHttp");

  private Contenders() {
  }

  /** One client or floor, configured for one server. */
  interface Contender {

    /** One list call with all nine query parameters; the decoded page. */
    Object list() throws Exception;

    /** One get call for {@link #RECORDING}; the decoded response. */
    Object getOne() throws Exception;

    /** Decodes a list response body the way this contender's own decoder does. */
    Object decodePage(byte[] body) throws Exception;

    /** The number of recordings in what {@link #list()} or {@link #decodePage} returned. */
    int recordings(Object page);

    /** The recording's id in what {@link #getOne()} returned. */
    UUID id(Object one);
  }

  /**
   * A contender by name, found by reflection so that building one loads no other contender's classes
   * (which matters to the cold-start runs).
   *
   * @param name one of {@link #CLIENTS} or {@link #FLOORS}
   * @param baseUrl the base URL, with the API's base path
   * @param perPage the page size the list call asks for
   */
  static Contender create(String name, String baseUrl, int perPage) {
    try {
      Class<?> type = Class.forName(Contenders.class.getName() + "$" + Character.toUpperCase(name.charAt(0))
          + name.substring(1));
      return (Contender) type.getDeclaredConstructor(String.class, int.class).newInstance(baseUrl, perPage);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no contender " + name, e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot build " + name, e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + name, e);
    }
  }

  /** The contender a JMH benchmark method measures: the method's name. */
  static String nameOf(String benchmark) {
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }

  /** A server answering the list path with {@code page} and any other path with the documented recording. */
  static LoopbackServer server(byte[] page) {
    byte[] one = Pages.oneRecording();
    return LoopbackServer.json(uri -> uri.getPath().endsWith("/recordings") ? page : one);
  }

  /**
   * Makes one list call and checks it: the page decoded whole, the request carried the token and all
   * nine query parameters with the page size asked for.
   */
  static void checkList(Contender contender, LoopbackServer server, int perPage) throws Exception {
    Object page = contender.list();
    check(contender.recordings(page) == perPage, contender, "decoded " + contender.recordings(page) + " recordings");
    checkRequest(contender, server);
    Map<String, List<String>> query = query(server.lastRequest().uri());
    check(query.keySet().containsAll(QUERY_PARAMETERS) && query.size() == QUERY_PARAMETERS.size(), contender,
        "sent the query parameters " + query.keySet());
    check(query.get("per_page").equals(List.of(String.valueOf(perPage))), contender, "sent per_page=" + query.get("per_page"));
  }

  /** Makes one get call and checks the recording decoded and the request carried the token. */
  static void checkGetOne(Contender contender, LoopbackServer server) throws Exception {
    UUID id = contender.id(contender.getOne());
    check(RECORDING.equals(id), contender, "decoded the recording " + id);
    checkRequest(contender, server);
  }

  private static void checkRequest(Contender contender, LoopbackServer server) {
    check(("Bearer " + TOKEN).equalsIgnoreCase(server.lastRequest().header("Authorization")), contender,
        "sent no bearer token");
  }

  private static void check(boolean ok, Contender contender, String what) {
    if (!ok) {
      throw new IllegalStateException(contender.getClass().getSimpleName() + " " + what);
    }
  }

  /** The query parameters of a URI by name, each with its values in order. */
  static Map<String, List<String>> query(URI uri) {
    Map<String, List<String>> parameters = new java.util.TreeMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name = java.net.URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  /** The list URL the floors send: the nine parameters, encoded once. */
  static String floorListUrl(String baseUrl, int perPage) {
    return baseUrl + "/accounts/" + ACCOUNT + "/realtime/kit/" + APP + "/recordings"
        + "?end_time=2024-01-31T23%3A59%3A59Z&expired=false&meeting_id=" + MEETING
        + "&page_no=1&per_page=" + perPage + "&sort_by=invokedTime&sort_order=DESC"
        + "&start_time=2024-01-01T10%3A00%3A00%2B05%3A30&status=UPLOADED%2CRECORDING";
  }

  static String floorGetUrl(String baseUrl) {
    return baseUrl + "/accounts/" + ACCOUNT + "/realtime/kit/" + APP + "/recordings/" + RECORDING;
  }

  /** This project's client. */
  static final class Client implements Contender {

    private final RealtimeKitClient client;
    private final ListRecordingsQuery query;
    private final ObjectMapper mapper = RealtimeKitJson.newObjectMapper();

    Client(String baseUrl, int perPage) {
      // Loopback has no account budget to keep; the client's default budgets would pace the run.
      client = RealtimeKitClient.builder().apiToken(TOKEN).accountId(ACCOUNT).appId(APP).baseUrl(baseUrl).rateLimits(java.util.List.of()).build();
      query = ListRecordingsQuery.builder()
          .endTime(END_TIME)
          .expired(EXPIRED)
          .meetingId(MEETING)
          .pageNo(PAGE_NO)
          .perPage(perPage)
          .sortBy(RecordingSortBy.INVOKED_TIME)
          .sortOrder(SortOrder.DESC)
          .startTime(START_TIME)
          .status(RecordingStatusFilter.UPLOADED, RecordingStatusFilter.RECORDING)
          .build();
    }

    @Override
    public Object list() {
      return client.listRecordingsPage(query);
    }

    @Override
    public Object getOne() {
      return client.getRecording(RECORDING);
    }

    /** The client's decoder reads the body whole and hands the bytes to a mapper configured like this one. */
    @Override
    public Object decodePage(byte[] body) throws IOException {
      return mapper.readValue(body, ListRecordingsResponse.class);
    }

    @Override
    public int recordings(Object page) {
      // list() answers a page of the client; decodePage() the decoded response.
      return page instanceof Page ? ((Page<?>) page).getItems().size()
          : ((ListRecordingsResponse) page).getData().size();
    }

    @Override
    public UUID id(Object one) {
      return ((Recording) one).getId();
    }
  }

  /** OpenAPI Generator java, library feign, default options: Feign over OkHttp, Jackson. */
  static final class OagFeign implements Contender {

    private final io.github.realtimekit.peers.oagfeign.ApiClient apiClient;
    private final io.github.realtimekit.peers.oagfeign.api.RecordingsApi api;
    private final int perPage;
    private final List<io.github.realtimekit.peers.oagfeign.model.RecordingStatusFilter> status = List.of(
        io.github.realtimekit.peers.oagfeign.model.RecordingStatusFilter.UPLOADED,
        io.github.realtimekit.peers.oagfeign.model.RecordingStatusFilter.RECORDING);

    OagFeign(String baseUrl, int perPage) {
      apiClient = new io.github.realtimekit.peers.oagfeign.ApiClient("api_token");
      apiClient.setBasePath(baseUrl);
      apiClient.setBearerToken(TOKEN);
      api = apiClient.buildClient(io.github.realtimekit.peers.oagfeign.api.RecordingsApi.class);
      this.perPage = perPage;
    }

    @Override
    public Object list() {
      return api.getAllRecordings(ACCOUNT, APP, END_TIME, EXPIRED, MEETING, PAGE_NO, perPage, null,
          io.github.realtimekit.peers.oagfeign.model.RecordingSortBy.INVOKED_TIME,
          io.github.realtimekit.peers.oagfeign.model.SortOrder.DESC, START_TIME, status);
    }

    @Override
    public Object getOne() {
      return api.getOneRecording(ACCOUNT, APP, RECORDING);
    }

    /** Its ApiResponseDecoder, a Feign JacksonDecoder, over the response Feign's OkHttp client hands it. */
    @Override
    public Object decodePage(byte[] body) throws IOException {
      Map<String, Collection<String>> headers = Map.of("Content-Type", List.of("application/json"));
      io.github.realtimekit.peers.oagfeign.shaded.feign.Request request =
          io.github.realtimekit.peers.oagfeign.shaded.feign.Request.create(
              io.github.realtimekit.peers.oagfeign.shaded.feign.Request.HttpMethod.GET, "http://127.0.0.1/recordings",
              Map.of(), null, StandardCharsets.UTF_8, null);
      io.github.realtimekit.peers.oagfeign.shaded.feign.Response response =
          io.github.realtimekit.peers.oagfeign.shaded.feign.Response.builder()
              .status(200).headers(headers).request(request).body(new ByteArrayInputStream(body), body.length).build();
      return new io.github.realtimekit.peers.oagfeign.ApiResponseDecoder(apiClient.getObjectMapper())
          .decode(response, io.github.realtimekit.peers.oagfeign.model.ListRecordingsResponse.class);
    }

    @Override
    public int recordings(Object page) {
      return ((io.github.realtimekit.peers.oagfeign.model.ListRecordingsResponse) page).getData().size();
    }

    @Override
    public UUID id(Object one) {
      return ((io.github.realtimekit.peers.oagfeign.model.GetRecordingResponse) one).getData().getId();
    }
  }

  /** OpenAPI Generator java, library native, default options: the JDK HttpClient, Jackson. */
  static final class OagNative implements Contender {

    private final io.github.realtimekit.peers.oagnative.ApiClient apiClient;
    private final io.github.realtimekit.peers.oagnative.api.RecordingsApi api;
    private final int perPage;
    private final List<io.github.realtimekit.peers.oagnative.model.RecordingStatusFilter> status = List.of(
        io.github.realtimekit.peers.oagnative.model.RecordingStatusFilter.UPLOADED,
        io.github.realtimekit.peers.oagnative.model.RecordingStatusFilter.RECORDING);

    OagNative(String baseUrl, int perPage) {
      apiClient = new io.github.realtimekit.peers.oagnative.ApiClient();
      apiClient.updateBaseUri(baseUrl);
      // The generated client has no bearer-token setting; a request interceptor is its documented hook.
      apiClient.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + TOKEN));
      api = new io.github.realtimekit.peers.oagnative.api.RecordingsApi(apiClient);
      this.perPage = perPage;
    }

    @Override
    public Object list() throws Exception {
      return api.getAllRecordings(ACCOUNT, APP, END_TIME, EXPIRED, MEETING, PAGE_NO, perPage, null,
          io.github.realtimekit.peers.oagnative.model.RecordingSortBy.INVOKED_TIME,
          io.github.realtimekit.peers.oagnative.model.SortOrder.DESC, START_TIME, status);
    }

    @Override
    public Object getOne() throws Exception {
      return api.getOneRecording(ACCOUNT, APP, RECORDING);
    }

    /** What its listRecordings does with the body: a String in the default charset, then its mapper. */
    @Override
    public Object decodePage(byte[] body) throws IOException {
      String text = new String(new ByteArrayInputStream(body).readAllBytes(), java.nio.charset.Charset.defaultCharset());
      return apiClient.getObjectMapper().readValue(text,
          new io.github.realtimekit.peers.oagnative.shaded.com.fasterxml.jackson.core.type.TypeReference<
              io.github.realtimekit.peers.oagnative.model.ListRecordingsResponse>() { });
    }

    @Override
    public int recordings(Object page) {
      return ((io.github.realtimekit.peers.oagnative.model.ListRecordingsResponse) page).getData().size();
    }

    @Override
    public UUID id(Object one) {
      return ((io.github.realtimekit.peers.oagnative.model.GetRecordingResponse) one).getData().getId();
    }
  }

  /** OpenAPI Generator java, library okhttp-gson (the generator's default), default options. */
  static final class OagOkhttpGson implements Contender {

    private final io.github.realtimekit.peers.oagokhttpgson.api.RecordingsApi api;
    private final int perPage;
    private final List<io.github.realtimekit.peers.oagokhttpgson.model.RecordingStatusFilter> status = List.of(
        io.github.realtimekit.peers.oagokhttpgson.model.RecordingStatusFilter.UPLOADED,
        io.github.realtimekit.peers.oagokhttpgson.model.RecordingStatusFilter.RECORDING);

    OagOkhttpGson(String baseUrl, int perPage) {
      io.github.realtimekit.peers.oagokhttpgson.ApiClient apiClient = new io.github.realtimekit.peers.oagokhttpgson.ApiClient();
      apiClient.setBasePath(baseUrl);
      apiClient.setBearerToken(TOKEN);
      api = new io.github.realtimekit.peers.oagokhttpgson.api.RecordingsApi(apiClient);
      this.perPage = perPage;
    }

    @Override
    public Object list() throws Exception {
      return api.getAllRecordings(ACCOUNT, APP, END_TIME, EXPIRED, MEETING, PAGE_NO, perPage, null,
          io.github.realtimekit.peers.oagokhttpgson.model.RecordingSortBy.INVOKED_TIME,
          io.github.realtimekit.peers.oagokhttpgson.model.SortOrder.DESC, START_TIME, status);
    }

    @Override
    public Object getOne() throws Exception {
      return api.getOneRecording(ACCOUNT, APP, RECORDING);
    }

    /** What its ApiClient.deserialize does with a JSON body: Gson over a UTF-8 reader of the byte stream. */
    @Override
    public Object decodePage(byte[] body) throws IOException {
      return io.github.realtimekit.peers.oagokhttpgson.JSON.deserialize(new ByteArrayInputStream(body),
          io.github.realtimekit.peers.oagokhttpgson.model.ListRecordingsResponse.class);
    }

    @Override
    public int recordings(Object page) {
      return ((io.github.realtimekit.peers.oagokhttpgson.model.ListRecordingsResponse) page).getData().size();
    }

    @Override
    public UUID id(Object one) {
      return ((io.github.realtimekit.peers.oagokhttpgson.model.GetRecordingResponse) one).getData().getId();
    }
  }

  /** The shared part of the floors: this project's models, one mapper, URLs built once. */
  private abstract static class Floor implements Contender {

    final ObjectMapper mapper = RealtimeKitJson.newObjectMapper();
    final String listUrl;
    final String getUrl;

    Floor(String baseUrl, int perPage) {
      listUrl = floorListUrl(baseUrl, perPage);
      getUrl = floorGetUrl(baseUrl);
    }

    @Override
    public Object decodePage(byte[] body) throws IOException {
      return mapper.readValue(body, ListRecordingsResponse.class);
    }

    @Override
    public int recordings(Object page) {
      return ((ListRecordingsResponse) page).getData().size();
    }

    @Override
    public UUID id(Object one) {
      return ((GetRecordingResponse) one).getData().getId();
    }

    static void checkStatus(int status) {
      if (status != 200) {
        throw new IllegalStateException("HTTP " + status);
      }
    }
  }

  /** The JDK's HttpClient (HTTP/1.1), reading each body whole. */
  static final class FloorJdkHttpClient extends Floor {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpRequest listRequest;
    private final HttpRequest getRequest;

    FloorJdkHttpClient(String baseUrl, int perPage) {
      super(baseUrl, perPage);
      listRequest = request(listUrl);
      getRequest = request(getUrl);
    }

    private static HttpRequest request(String url) {
      return HttpRequest.newBuilder(URI.create(url))
          .header("Authorization", "Bearer " + TOKEN)
          .header("Accept", "application/json")
          .GET()
          .build();
    }

    @Override
    public Object list() throws IOException, InterruptedException {
      HttpResponse<byte[]> response = http.send(listRequest, HttpResponse.BodyHandlers.ofByteArray());
      checkStatus(response.statusCode());
      return mapper.readValue(response.body(), ListRecordingsResponse.class);
    }

    @Override
    public Object getOne() throws IOException, InterruptedException {
      HttpResponse<byte[]> response = http.send(getRequest, HttpResponse.BodyHandlers.ofByteArray());
      checkStatus(response.statusCode());
      return mapper.readValue(response.body(), GetRecordingResponse.class);
    }
  }

  /** The JDK's HttpURLConnection, whose keep-alive cache reuses the connection once a body is read. */
  static final class FloorHttpUrlConnection extends Floor {

    private final URL list;
    private final URL get;

    FloorHttpUrlConnection(String baseUrl, int perPage) throws IOException {
      super(baseUrl, perPage);
      list = URI.create(listUrl).toURL();
      get = URI.create(getUrl).toURL();
    }

    private byte[] fetch(URL url) throws IOException {
      HttpURLConnection connection = (HttpURLConnection) url.openConnection();
      connection.setRequestProperty("Authorization", "Bearer " + TOKEN);
      connection.setRequestProperty("Accept", "application/json");
      checkStatus(connection.getResponseCode());
      try (InputStream in = connection.getInputStream()) {
        return in.readAllBytes();
      }
    }

    @Override
    public Object list() throws IOException {
      return mapper.readValue(fetch(list), ListRecordingsResponse.class);
    }

    @Override
    public Object getOne() throws IOException {
      return mapper.readValue(fetch(get), GetRecordingResponse.class);
    }
  }

  /** OkHttp 4.12 with its defaults, from the okhttp-gson peer's relocated closure. */
  static final class FloorOkHttp extends Floor {

    private final io.github.realtimekit.peers.oagokhttpgson.shaded.okhttp3.OkHttpClient http =
        new io.github.realtimekit.peers.oagokhttpgson.shaded.okhttp3.OkHttpClient();
    private final io.github.realtimekit.peers.oagokhttpgson.shaded.okhttp3.Request listRequest;
    private final io.github.realtimekit.peers.oagokhttpgson.shaded.okhttp3.Request getRequest;

    FloorOkHttp(String baseUrl, int perPage) {
      super(baseUrl, perPage);
      listRequest = request(listUrl);
      getRequest = request(getUrl);
    }

    private static io.github.realtimekit.peers.oagokhttpgson.shaded.okhttp3.Request request(String url) {
      return new io.github.realtimekit.peers.oagokhttpgson.shaded.okhttp3.Request.Builder()
          .url(url)
          .header("Authorization", "Bearer " + TOKEN)
          .header("Accept", "application/json")
          .build();
    }

    private byte[] fetch(io.github.realtimekit.peers.oagokhttpgson.shaded.okhttp3.Request request) throws IOException {
      try (io.github.realtimekit.peers.oagokhttpgson.shaded.okhttp3.Response response = http.newCall(request).execute()) {
        checkStatus(response.code());
        return response.body().bytes();
      }
    }

    @Override
    public Object list() throws IOException {
      return mapper.readValue(fetch(listRequest), ListRecordingsResponse.class);
    }

    @Override
    public Object getOne() throws IOException {
      return mapper.readValue(fetch(getRequest), GetRecordingResponse.class);
    }
  }
}
