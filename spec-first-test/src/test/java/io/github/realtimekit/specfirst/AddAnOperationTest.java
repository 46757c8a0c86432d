package io.github.realtimekit.specfirst;

import static io.github.realtimekit.specfirst.SessionsApi.ACCOUNT;
import static io.github.realtimekit.specfirst.SessionsApi.APP;
import static io.github.realtimekit.specfirst.SessionsApi.MEETING;
import static io.github.realtimekit.specfirst.SessionsApi.PREFIX;
import static io.github.realtimekit.specfirst.SessionsApi.SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.fixtures.RecordedRequest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Adding an operation is an edit of the spec and nothing else. A copy of the project gets two
 * operations in its spec ({@code src/test/spec-edit}): a GET of one session's transcript and a paged
 * list of sessions with query parameters, each with new schemas. No other file of the copy changes.
 * Its client is built, and a consumer ({@code src/test/consumer}) compiled against that client alone
 * calls both operations, by the names the spec's operationIds give, against a loopback server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AddAnOperationTest {

  static final String PACKAGE = "io.github.realtimekit.client.";
  static final String GENERATED_QUERIES = "api-client/target/generated-sources/operations/src/main/java/io/github/realtimekit/client/";

  final Path work = Path.of(required("realtimekit.work"));
  final String version = required("realtimekit.project.version");

  List<String> changedFiles;
  ProjectCopy copy;
  Path clientJar;
  List<Path> clientClasspath;
  URLClassLoader consumerLoader;
  List<String> seen;
  List<RecordedRequest> requests;
  /** The operations of the project's spec, and those the edit adds. */
  long specOperations;
  long addedOperations;

  @BeforeAll
  void addTwoOperationsBuildAndCall() throws Exception {
    long start = System.nanoTime();
    Path specEdit = Path.of(required("realtimekit.spec.edit"));
    copy = ProjectCopy.of(Path.of(required("realtimekit.project.root")), work.resolve("project"));
    specOperations = operationIds(Files.readString(copy.spec(), StandardCharsets.UTF_8));
    addedOperations = operationIds(Files.readString(specEdit.resolve("paths.yaml"), StandardCharsets.UTF_8));
    copy.addToSpec(Files.readString(specEdit.resolve("paths.yaml"), StandardCharsets.UTF_8),
        Files.readString(specEdit.resolve("schemas.yaml"), StandardCharsets.UTF_8));
    changedFiles = copy.changedFiles();

    Path log = work.resolve("build.log");
    int exit = NestedBuild.run(Path.of(required("realtimekit.maven.home")), copy.dir(),
        Path.of(required("realtimekit.local.repository")), optional("realtimekit.local.repository.tail"), log);
    assertEquals(0, exit, () -> "the build of the copy with the edited spec failed; the end of " + log + ":\n"
        + tail(log));
    long built = System.nanoTime();

    Path apiClient = copy.dir().resolve("api-client");
    clientJar = apiClient.resolve("target/realtimekit-api-client-" + version + ".jar");
    List<Path> classpath = new ArrayList<>(List.of(clientJar));
    classpath.addAll(NestedBuild.runtimeClasspath(apiClient));
    clientClasspath = List.copyOf(classpath);
    Path consumerClasses = work.resolve("consumer-classes");
    ConsumerRun.compile(Path.of(required("realtimekit.consumer")), classpath, consumerClasses);
    classpath.add(consumerClasses);
    consumerLoader = ConsumerRun.loader(classpath);
    try (LoopbackServer api = LoopbackServer.http(new SessionsApi())) {
      Method run = consumerLoader.loadClass("com.example.sessions.SessionsConsumer")
          .getMethod("run", String.class, String.class, String.class, UUID.class);
      @SuppressWarnings("unchecked")
      List<String> lines = (List<String>) run.invoke(null, api.baseUrl(), ACCOUNT, APP, SESSION);
      seen = lines;
      requests = api.requests();
    }
    long done = System.nanoTime();
    String timing = String.format("spec edit to calls through the new client: %.1f s (build of the copy %.1f s)",
        (done - start) / 1e9, (built - start) / 1e9);
    System.out.println(timing);
    Files.writeString(work.resolve("report.txt"), timing + "\n" + String.join("\n", clientMethods()) + "\n"
        + String.join("\n", seen) + "\n", StandardCharsets.UTF_8);
  }

  @AfterAll
  void closeLoader() throws IOException {
    if (consumerLoader != null) {
      consumerLoader.close();
    }
  }

  @Test
  void theSpecIsTheOnlyFileThatChanged() {
    assertEquals(List.of(ProjectCopy.SPEC), changedFiles);
  }

  @Test
  void theConsumerRanOnWhatAUserOfTheClientGets() {
    Path copyRoot = copy.dir().toAbsolutePath();
    List<String> misplaced = clientClasspath.stream().map(Path::toString)
        .filter(entry -> entry.endsWith("-tests.jar") || entry.contains("junit")
            || entry.contains("realtimekit") && !Path.of(entry).toAbsolutePath().startsWith(copyRoot))
        .toList();
    assertEquals(List.of(), misplaced, "test jars, or project jars not built from the edited spec");
  }

  @Test
  void theClientHasAMethodPerOperationNamedAfterItsOperationId() throws Exception {
    Class<?> client = consumerLoader.loadClass(PACKAGE + "RealtimeKitClient");
    assertEquals("SessionTranscript", client.getMethod("getSessionTranscript", UUID.class).getReturnType().getSimpleName());
    assertEquals("Response", client.getMethod("getSessionTranscriptWithResponse", UUID.class).getReturnType().getSimpleName());
    Class<?> query = consumerLoader.loadClass(PACKAGE + "ListMeetingSessionsQuery");
    assertEquals("PagedIterable", client.getMethod("listMeetingSessions", query).getReturnType().getSimpleName());
    assertEquals("PagedIterable", client.getMethod("listMeetingSessions").getReturnType().getSimpleName());
    assertEquals("Page", client.getMethod("listMeetingSessionsPage", query).getReturnType().getSimpleName());
    assertEquals("Response", client.getMethod("listMeetingSessionsPageWithResponse", query).getReturnType().getSimpleName());
    // The released names stay as they were, though the new operations carry a tag of their own.
    assertEquals("RecordingsApi", client.getMethod("api").getReturnType().getSimpleName());
    assertNotNull(client.getMethod("getRecording", UUID.class));
    assertNotNull(client.getMethod("listRecordingsPage", consumerLoader.loadClass(PACKAGE + "ListRecordingsQuery")));
  }

  @Test
  void onlyTheOperationWithQueryParametersHasAQueryClass() throws IOException {
    assertTrue(Files.isRegularFile(copy.dir().resolve(GENERATED_QUERIES + "ListMeetingSessionsQuery.java")));
    assertFalse(Files.exists(copy.dir().resolve(GENERATED_QUERIES + "GetSessionTranscriptQuery.java")));
    try (JarFile jar = new JarFile(clientJar.toFile())) {
      assertNotNull(jar.getEntry("io/github/realtimekit/client/ListMeetingSessionsQuery.class"));
      assertEquals(null, jar.getEntry("io/github/realtimekit/client/GetSessionTranscriptQuery.class"));
    }
    assertThrows(ClassNotFoundException.class, () -> consumerLoader.loadClass(PACKAGE + "GetSessionTranscriptQuery"));
  }

  @Test
  void theTranscriptIsFetchedFromItsPathAndDecoded() {
    List<RecordedRequest> transcripts = requestsTo(PREFIX + "/sessions/" + SESSION + "/transcript");
    assertEquals(2, transcripts.size(), () -> "the transcript is fetched twice, plain and with its response: " + requests);
    for (RecordedRequest request : transcripts) {
      assertEquals("GET", request.method());
      assertEquals(null, request.query());
      assertEquals("Bearer spec-first-token", request.header("Authorization"));
    }
    assertTrue(seen.contains("transcript session_id=" + SESSION + " language=en-US word_count=1234"
        + " created_at=2026-01-02T03:04:05Z transcript_download_url=https://transcripts.example.com/" + SESSION + ".txt"),
        () -> String.join("\n", seen));
    assertTrue(seen.contains("transcript status=200 session_id=" + SESSION), () -> String.join("\n", seen));
  }

  @Test
  void theSessionsAreWalkedPageByPageWithTheQueryParameters() {
    List<Map<String, String>> queries = requestsTo(PREFIX + "/sessions").stream()
        .map(request -> SessionsApi.query(request.query())).toList();
    assertEquals(List.of(
        Map.of("page_no", "1", "per_page", "2", "search", "daily standup"),
        Map.of("page_no", "2", "per_page", "2", "search", "daily standup"),
        Map.of("page_no", "3", "per_page", "2", "search", "daily standup"),
        // listMeetingSessionsPage(query): the query as it is, page_no unset.
        Map.of("per_page", "2", "search", "daily standup")), queries);
    List<String> sessions = IntStream.rangeClosed(1, SessionsApi.SESSION_COUNT)
        .mapToObj(n -> "session id=" + SessionsApi.session(n) + " meeting_id=" + MEETING
            + " status=ENDED started_at=2026-01-0" + n + "T10:00Z")
        .toList();
    assertEquals(sessions, seen.stream().filter(line -> line.startsWith("session ") || line.startsWith("walk "))
        .toList());
    assertTrue(seen.contains("page page_no=1 items=2 total_count=5 has_next=true"), () -> String.join("\n", seen));
  }

  @Test
  void theOperationsListHasBothWithTheirJavaNames() {
    // The path as the spec writes it, with the spec's parameter names.
    String base = "/accounts/{account_id}/realtime/kit/{app_id}/sessions";
    List<String> operations = seen.stream().filter(line -> line.startsWith("operation ")).toList();
    assertTrue(operations.contains("operation name=getSessionTranscript operation_id=get_session_transcript GET "
        + base + "/{session_id}/transcript idempotent=true paged=false"), () -> String.join("\n", operations));
    assertTrue(operations.contains("operation name=listMeetingSessions operation_id=list_meeting_sessions GET "
        + base + " idempotent=true paged=true"), () -> String.join("\n", operations));
    assertEquals(2, addedOperations, "the edit adds two operations");
    assertEquals(specOperations + addedOperations, operations.size(), () -> String.join("\n", operations));
  }

  /** How many operations a piece of the spec declares: its {@code operationId} lines. */
  static long operationIds(String yaml) {
    return yaml.lines().filter(line -> line.strip().startsWith("operationId:")).count();
  }

  @Test
  void nothingElseWasAsked() {
    List<String> unexpected = requests.stream()
        .filter(request -> !request.path().equals(PREFIX + "/sessions")
            && !request.path().equals(PREFIX + "/sessions/" + SESSION + "/transcript"))
        .map(RecordedRequest::line).toList();
    assertEquals(List.of(), unexpected);
    assertEquals(6, requests.size(), () -> requests.toString());
  }

  private List<RecordedRequest> requestsTo(String path) {
    return requests.stream().filter(request -> request.path().equals(path)).toList();
  }

  /** The public methods of the built client that the new operations gave it, with their signatures. */
  private List<String> clientMethods() throws ClassNotFoundException {
    Class<?> client = consumerLoader.loadClass(PACKAGE + "RealtimeKitClient");
    TreeSet<String> methods = new TreeSet<>();
    for (Method method : client.getMethods()) {
      if (Modifier.isPublic(method.getModifiers())
          && (method.getName().contains("SessionTranscript") || method.getName().contains("MeetingSessions"))) {
        methods.add(method.toGenericString().replace(PACKAGE, "").replace("io.github.realtimekit.model.", ""));
      }
    }
    return List.copyOf(methods);
  }

  private String tail(Path log) {
    try {
      return NestedBuild.tail(log, 80);
    } catch (IOException e) {
      return "(the log could not be read: " + e + ")";
    }
  }

  private static String required(String name) {
    String value = optional(name);
    if (value == null) {
      throw new IllegalStateException("system property " + name + " is not set; run this test through Maven");
    }
    return value;
  }

  /** A system property, or null when unset or when Maven left its expression unresolved. */
  private static String optional(String name) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() || value.startsWith("${") ? null : value;
  }
}
