package io.github.realtimekit.cli;

import io.github.realtimekit.fixtures.FileHost;
import io.github.realtimekit.fixtures.RecordedRequest;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code archive}: the API on WireMock, serving the spec's documented list example with other ids and
 * URLs, and the files on a download host that supports {@code Range}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ArchiveCommandTest {

  @RegisterExtension
  static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SIGNATURE = "X-Amz-Signature=secret-signature";

  @TempDir
  Path dir;

  private FileHost host;

  @BeforeEach
  void start() throws IOException {
    host = new FileHost();
  }

  @AfterEach
  void stop() {
    host.close();
  }

  private static String baseUrl() {
    return api.baseUrl() + Examples.BASE_PATH;
  }

  private static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static UUID id(int n) {
    return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
  }

  /** A recording from the documented example, its file on the download host. */
  private ObjectNode recording(UUID id, byte[] content, Consumer<ObjectNode> change) {
    ObjectNode item = Examples.recording(id);
    String path = "/files/" + id + ".mp4";
    host.serve(path, content);
    item.put("download_url", host.url(path) + "?" + SIGNATURE);
    item.putNull("audio_download_url");
    item.put("output_file_name", "meeting.mp4");
    item.put("file_size", content.length);
    item.put("status", "UPLOADED");
    change.accept(item);
    return item;
  }

  /** Stubs the list as pages of {@code perPage}, offsets from 1. */
  private static void stubList(List<ObjectNode> items, int perPage) {
    int pages = Math.max(1, (items.size() + perPage - 1) / perPage);
    for (int p = 1; p <= pages + 1; p++) {
      ObjectNode body = Examples.example("GetAllRecordings");
      ArrayNode data = body.putArray("data");
      int from = (p - 1) * perPage;
      for (int i = from; i < Math.min(items.size(), from + perPage); i++) {
        data.add(items.get(i));
      }
      ObjectNode paging = (ObjectNode) body.get("paging");
      paging.put("start_offset", from + 1);
      paging.put("end_offset", from + data.size());
      paging.put("total_count", items.size());
      api.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).withQueryParam("page_no", equalTo(String.valueOf(p)))
          .willReturn(okJson(body.toString())));
    }
  }

  private Cli.Result archive(String... args) {
    List<String> all = new ArrayList<>(List.of("archive", "--dir", dir.toString()));
    all.addAll(List.of(args));
    return Cli.against(baseUrl(), all.toArray(String[]::new));
  }

  private List<String> files() throws IOException {
    return files(dir);
  }

  private static List<String> files(Path d) throws IOException {
    try (Stream<Path> list = Files.list(d)) {
      return list.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private List<JsonNode> manifest() throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(ArchiveManifest.NAME))) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  private long fileRequests() {
    return host.requests().stream().filter(r -> r.path().startsWith("/files/")).count();
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void archivesEveryRecordingWithAUrlAndASecondRunDownloadsNothing() throws Exception {
    byte[] a = bytes(200_000, 1);
    byte[] b = bytes(150_000, 2);
    stubList(List.of(
        recording(id(1), a, r -> { }),
        recording(id(2), new byte[0], r -> {
          r.putNull("download_url");
          r.put("status", "RECORDING");
        }),
        recording(id(3), b, r -> r.put("output_file_name", "other.mp4"))), 2);

    Cli.Result first = archive("--per-page", "2");

    assertEquals(0, first.exitCode(), first.toString());
    String nameA = id(1) + "-meeting.mp4";
    String nameB = id(3) + "-other.mp4";
    assertEquals(List.of(nameA, nameB, ArchiveManifest.NAME), files());
    assertArrayEquals(a, Files.readAllBytes(dir.resolve(nameA)));
    assertArrayEquals(b, Files.readAllBytes(dir.resolve(nameB)));
    assertEquals(Set.of(dir.resolve(nameA).toString(), dir.resolve(nameB).toString()), Set.copyOf(first.outLines()),
        "each archived file's path on stdout");
    List<JsonNode> lines = manifest();
    assertEquals(2, lines.size());
    Map<String, JsonNode> byId = lines.stream().collect(Collectors.toMap(l -> l.get("id").asText(), l -> l));
    assertEquals(nameA, byId.get(id(1).toString()).get("file").asText());
    assertEquals(a.length, byId.get(id(1).toString()).get("bytes").asLong());
    assertEquals(sha256(a), byId.get(id(1).toString()).get("sha256").asText());
    assertEquals("video", byId.get(id(1).toString()).get("kind").asText());
    assertEquals(sha256(b), byId.get(id(3).toString()).get("sha256").asText());
    OffsetDateTime.parse(byId.get(id(3).toString()).get("invoked_time").asText());
    java.time.Instant.parse(byId.get(id(3).toString()).get("archived_at").asText());
    String summary = first.errLines().get(first.errLines().size() - 1);
    assertTrue(summary.startsWith("realtimekit-recordings: archive " + dir + ": 2 downloaded (341.8 KiB), "
        + "0 already archived, 1 without a download URL, 0 failed, in "), first.err());
    assertEquals(2, fileRequests());
    assertTrue(host.requests().stream().allMatch(r -> r.header("Authorization") == null), "no token to the host");

    host.resetCounts();
    Cli.Result second = archive("--per-page", "2");

    assertEquals(0, second.exitCode(), second.toString());
    assertEquals(0, fileRequests(), "a second run downloads nothing");
    assertEquals(List.of(), second.outLines());
    assertTrue(second.err().contains(": 0 downloaded (0 B), 2 already archived, 1 without a download URL, 0 failed"),
        second.err());
    assertEquals(2, manifest().size());
  }

  @Test
  void anInterruptedFileResumesFetchingOnlyTheMissingBytes() throws Exception {
    byte[] content = bytes(400_000, 3);
    stubList(List.of(recording(id(1), content, r -> { })), 10);
    FileHost.File file = host.serve("/files/" + id(1) + ".mp4", content);
    file.cutAfter = 150_000;

    Cli.Result first = archive();

    assertEquals(5, first.exitCode(), first.toString());
    assertTrue(first.err().contains("realtimekit-recordings: archive: recording " + id(1)
        + ": download from 127.0.0.1 failed after "), "the failure is named: " + first.err());
    assertTrue(first.err().contains(": 0 downloaded (0 B), 0 already archived, 0 without a download URL, 1 failed"),
        first.err());
    String name = id(1) + "-meeting.mp4";
    assertEquals(List.of("." + name + ".part", ArchiveManifest.NAME), files(), "nothing under the final name");
    assertEquals("", Files.readString(dir.resolve(ArchiveManifest.NAME)));
    long held = Files.size(dir.resolve("." + name + ".part"));
    assertTrue(held > 0 && held <= 150_000, "held " + held);

    file.cutAfter = -1;
    host.resetCounts();
    Cli.Result second = archive();

    assertEquals(0, second.exitCode(), second.toString());
    assertEquals(List.of(name, ArchiveManifest.NAME), files());
    assertArrayEquals(content, Files.readAllBytes(dir.resolve(name)));
    assertEquals("bytes=" + held + "-", host.requests().get(0).header("Range"));
    assertEquals(content.length - held, host.bodyBytesSent(), "bytes fetched the second time = bytes missing");
    assertEquals(sha256(content), manifest().get(0).get("sha256").asText());
    assertTrue(second.err().contains(": 1 downloaded (" + Output.size(content.length - held) + ")"), second.err());
  }

  @Test
  void aRefusedUrlIsRefreshedOnceByFetchingTheRecordingAgain() throws Exception {
    byte[] content = bytes(100_000, 4);
    ObjectNode listed = recording(id(1), content, r -> { });
    host.serve("/expired/" + id(1) + ".mp4", content).status = 403;
    listed.put("download_url", host.url("/expired/" + id(1) + ".mp4") + "?" + SIGNATURE);
    stubList(List.of(listed), 10);
    api.stubFor(get(urlPathEqualTo(Examples.onePath(id(1)))).willReturn(okJson(Examples.one(id(1), r -> {
      r.put("download_url", host.url("/files/" + id(1) + ".mp4") + "?" + SIGNATURE);
      r.put("output_file_name", "meeting.mp4");
      r.put("file_size", content.length);
    }))));

    Cli.Result r = archive();

    assertEquals(0, r.exitCode(), r.toString());
    api.verify(1, getRequestedFor(urlPathEqualTo(Examples.onePath(id(1)))));
    assertArrayEquals(content, Files.readAllBytes(dir.resolve(id(1) + "-meeting.mp4")));
    assertEquals(List.of("/expired/" + id(1) + ".mp4", "/files/" + id(1) + ".mp4"),
        host.requests().stream().map(RecordedRequest::path).collect(Collectors.toList()));
    assertTrue(r.err().contains(", 1 URLs refreshed"), r.err());
  }

  @Test
  void aUrlRefusedAgainAfterTheRefreshFailsThatRecordingOnly() throws Exception {
    byte[] content = bytes(100_000, 5);
    ObjectNode refused = recording(id(1), content, r -> { });
    host.serve("/files/" + id(1) + ".mp4", content).status = 403;
    stubList(List.of(refused, recording(id(2), content, r -> { })), 10);
    api.stubFor(get(urlPathEqualTo(Examples.onePath(id(1)))).willReturn(okJson(Examples.one(id(1), r -> {
      r.put("download_url", host.url("/files/" + id(1) + ".mp4") + "?" + SIGNATURE);
      r.put("file_size", content.length);
    }))));

    Cli.Result r = archive();

    assertEquals(5, r.exitCode(), r.toString());
    api.verify(1, getRequestedFor(urlPathEqualTo(Examples.onePath(id(1)))));
    assertTrue(r.errLines().contains("realtimekit-recordings: archive: recording " + id(1)
        + ": download failed: HTTP 403 from 127.0.0.1 (with a fresh URL too)"), r.err());
    assertFalse(r.err().contains("secret-signature"), "the signature is never printed");
    assertEquals(List.of(id(2) + "-meeting.mp4", ArchiveManifest.NAME), files(), "the other recording is archived");
  }

  @Test
  void aHostileFileNameStaysInsideTheDirectory() throws Exception {
    Path archiveDir = dir.resolve("archive");
    Map<UUID, String> hostile = new LinkedHashMap<>();
    hostile.put(id(1), "../../escape.mp4");
    hostile.put(id(2), "/etc/passwd");
    hostile.put(id(3), "..\\..\\windows.mp4");
    hostile.put(id(4), "\u001b]0;pwned\u0007\u001b[2J.mp4");
    hostile.put(id(5), "..");
    hostile.put(id(6), "x".repeat(300) + ".mp4");
    hostile.put(id(7), ".hidden");
    List<ObjectNode> items = new ArrayList<>();
    hostile.forEach((id, name) -> items.add(recording(id, bytes(1000, id.hashCode()), r -> r.put("output_file_name",
        name))));
    stubList(items, 10);

    Cli.Result r = Cli.against(baseUrl(), "archive", "--dir", archiveDir.toString());

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(List.of("archive"), files(dir), "nothing outside the directory");
    assertEquals(List.of(
        id(1) + "-escape.mp4",
        id(2) + "-passwd.mp4",
        id(3) + "-windows.mp4",
        id(4) + "-0_pwned_2J.mp4",
        id(5) + ".mp4",
        id(6) + "-" + "x".repeat(116) + ".mp4",
        id(7) + "-hidden.mp4",
        ArchiveManifest.NAME), files(archiveDir));
    assertTrue(r.out().chars().noneMatch(c -> c == 0x1b || c == 0x07), "no escape sequence reaches the terminal");
  }

  @Test
  void aTornLastLineOfTheManifestIsDroppedAndTheRestStaysReadable() throws Exception {
    byte[] content = bytes(50_000, 6);
    stubList(List.of(recording(id(1), content, r -> { })), 10);
    String kept = "{\"id\":\"" + id(9) + "\",\"kind\":\"video\",\"file\":\"old.mp4\",\"bytes\":1,\"sha256\":\"00\"}\n";
    Files.writeString(dir.resolve(ArchiveManifest.NAME), kept + "{\"id\":\"" + id(8) + "\",\"kind\":\"vi");

    Cli.Result r = archive();

    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.err().contains("archive: dropped the incomplete last line of "), r.err());
    List<JsonNode> lines = manifest();
    assertEquals(2, lines.size(), "every line parses");
    assertEquals(id(9).toString(), lines.get(0).get("id").asText());
    assertEquals(id(1).toString(), lines.get(1).get("id").asText());
  }

  @Test
  void aCrashAfterTheManifestLineAndBeforeTheRenameIsFinishedWithoutDownloading() throws Exception {
    byte[] content = bytes(80_000, 7);
    stubList(List.of(recording(id(1), content, r -> { })), 10);
    String name = id(1) + "-meeting.mp4";
    Files.write(dir.resolve("." + name + ".part"), content);
    Files.writeString(dir.resolve(ArchiveManifest.NAME), "{\"id\":\"" + id(1) + "\",\"kind\":\"video\",\"file\":\""
        + name + "\",\"bytes\":80000,\"sha256\":\"" + sha256(content) + "\"}\n");

    Cli.Result r = archive();

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(0, host.bodyBytesSent(), "the complete partial file is not fetched again");
    assertEquals(List.of(name, ArchiveManifest.NAME), files());
    List<JsonNode> lines = manifest();
    assertEquals(2, lines.size(), "the later line supersedes the earlier");
    assertEquals(sha256(content), lines.get(1).get("sha256").asText());
  }

  @Test
  void theFilesWhoseUrlsExpireSoonestGoFirst() throws Exception {
    int[] hoursToExpiry = {5, 1, 4, 2, 3};
    List<ObjectNode> items = new ArrayList<>();
    for (int i = 0; i < hoursToExpiry.length; i++) {
      int hours = hoursToExpiry[i];
      items.add(recording(id(i + 1), bytes(2000, i), r -> r.put("download_url_expiry",
          OffsetDateTime.parse("2030-01-01T00:00:00Z").plusHours(hours).toString())));
    }
    stubList(items, 2);

    Cli.Result r = archive("--parallel", "1", "--per-page", "2");

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(List.of(id(2), id(4), id(5), id(3), id(1)).stream().map(id -> "/files/" + id + ".mp4")
        .collect(Collectors.toList()), host.requests().stream().map(RecordedRequest::path).collect(Collectors.toList()));
  }

  @Test
  void audioFilesAreArchivedTooWithAudio() throws Exception {
    byte[] video = bytes(30_000, 8);
    byte[] audio = bytes(10_000, 9);
    host.serve("/audio/" + id(1) + ".m4a", audio).sendLength = false;
    stubList(List.of(recording(id(1), video, r -> r.put("audio_download_url",
        host.url("/audio/" + id(1) + ".m4a") + "?" + SIGNATURE))), 10);

    Cli.Result r = archive("--audio");

    assertEquals(0, r.exitCode(), r.toString());
    assertArrayEquals(audio, Files.readAllBytes(dir.resolve(id(1) + "-audio-meeting.m4a")));
    assertArrayEquals(video, Files.readAllBytes(dir.resolve(id(1) + "-meeting.mp4")));
    assertEquals(Set.of("video", "audio"), manifest().stream().map(l -> l.get("kind").asText()).collect(Collectors.toSet()));
  }

  @Test
  void badOptionsAreUsageErrorsBeforeAnythingIsSent() throws IOException {
    Cli.Result parallel = archive("--parallel", "0");
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Cli.Result notADir = Cli.against(baseUrl(), "archive", "--dir", file.toString());
    Cli.Result noDir = Cli.against(baseUrl(), "archive");

    assertEquals(2, parallel.exitCode(), parallel.toString());
    assertEquals("realtimekit-recordings: --parallel: must be between 1 and 32, was 0", parallel.errLines().get(0));
    assertEquals(2, notADir.exitCode(), notADir.toString());
    assertEquals("realtimekit-recordings: --dir: " + file + " is not a directory", notADir.errLines().get(0));
    assertEquals(2, noDir.exitCode(), noDir.toString());
    assertTrue(noDir.err().contains("Missing required option: '--dir=DIR'"), noDir.err());
    api.verify(0, getRequestedFor(anyUrl()));
  }

  @Test
  void theListFiltersAreSentAsListSendsThem() {
    stubList(List.of(), 10);

    Cli.Result r = archive("--status", "UPLOADED", "--expired", "false", "--sort-by", "invokedTime",
        "--sort-order", "ASC", "--per-page", "50");

    assertEquals(0, r.exitCode(), r.toString());
    api.verify(getRequestedFor(urlPathEqualTo(Examples.LIST_PATH))
        .withQueryParam("status", equalTo("UPLOADED"))
        .withQueryParam("expired", equalTo("false"))
        .withQueryParam("sort_by", equalTo("invokedTime"))
        .withQueryParam("sort_order", equalTo("ASC"))
        .withQueryParam("per_page", equalTo("50")));
  }

  @Test
  void archiveTakesEveryFilterOfList() {
    picocli.CommandLine cli = new picocli.CommandLine(new ListCommand());
    picocli.CommandLine archive = new picocli.CommandLine(new ArchiveCommand());
    for (picocli.CommandLine.Model.OptionSpec option : cli.getCommandSpec().options()) {
      String name = option.longestName();
      if (Set.of("--page-no", "--all", "--json").contains(name)) {
        continue;
      }
      picocli.CommandLine.Model.OptionSpec same = archive.getCommandSpec().findOption(name);
      assertTrue(same != null, "archive has " + name);
      assertEquals(List.of(option.description()), List.of(same.description()), name);
    }
  }

  @Test
  void theBuiltInMockCanBeArchived() throws IOException {
    Cli.Result r = Cli.run(Map.of(), "--mock", "archive", "--dir", dir.toString());

    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(List.of(Examples.RECORDING + "-output_file_name", ArchiveManifest.NAME), files());
    assertArrayEquals(MockServer.content(Examples.RECORDING, false),
        Files.readAllBytes(dir.resolve(Examples.RECORDING + "-output_file_name")));
  }

  @Test
  void theManifestIsLockedWhileAnArchiveWritesTheDirectory() throws IOException {
    stubList(List.of(), 10);
    try (var channel = java.nio.channels.FileChannel.open(dir.resolve(ArchiveManifest.NAME), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); var lock = channel.lock()) {

      Cli.Result r = archive();

      assertEquals(1, r.exitCode(), r.toString());
      assertTrue(r.err().contains("another archive is writing " + dir.resolve(ArchiveManifest.NAME)
          + "; one archive per directory at a time"), r.err());
      assertTrue(lock.isValid());
    }
    assertEquals("", new String(Files.readAllBytes(dir.resolve(ArchiveManifest.NAME)), StandardCharsets.UTF_8));
  }

  @Test
  void aTruncatedAudioFileIsFetchedAgainAsATruncatedVideoFileIs() throws Exception {
    byte[] video = bytes(30_000, 10);
    byte[] audio = bytes(98_304, 11);
    host.serve("/audio/" + id(1) + ".m4a", audio).sendLength = false;
    stubList(List.of(recording(id(1), video, r -> r.put("audio_download_url",
        host.url("/audio/" + id(1) + ".m4a") + "?" + SIGNATURE))), 10);
    assertEquals(0, archive("--audio").exitCode());
    Path audioFile = dir.resolve(id(1) + "-audio-meeting.m4a");
    Path videoFile = dir.resolve(id(1) + "-meeting.mp4");
    try (var channel = java.nio.channels.FileChannel.open(audioFile, StandardOpenOption.WRITE)) {
      channel.truncate(1_000);
    }
    try (var channel = java.nio.channels.FileChannel.open(videoFile, StandardOpenOption.WRITE)) {
      channel.truncate(1_000);
    }
    host.resetCounts();

    Cli.Result second = archive("--audio");

    assertEquals(0, second.exitCode(), second.toString());
    assertArrayEquals(audio, Files.readAllBytes(audioFile));
    assertArrayEquals(video, Files.readAllBytes(videoFile));
    assertEquals(2, host.requests().size(), "both files fetched again");
    assertTrue(second.err().contains(": 2 downloaded ("), second.err());
    assertTrue(second.err().contains(audioFile.getFileName() + ": 1000 bytes, the manifest records 98304; "
        + "fetching it again"), second.err());

    host.resetCounts();
    Cli.Result third = archive("--audio");

    assertTrue(third.err().contains(": 0 downloaded (0 B), 2 already archived,"), third.err());
    assertEquals(0, host.requests().size());
  }

  @Test
  void aFileWithoutItsManifestLineIsNotArchived() throws Exception {
    byte[] content = bytes(20_000, 12);
    stubList(List.of(recording(id(1), content, r -> { })), 10);
    Path file = dir.resolve(id(1) + "-meeting.mp4");
    Files.write(file, new byte[content.length]);

    Cli.Result r = archive();

    assertEquals(0, r.exitCode(), r.toString());
    assertArrayEquals(content, Files.readAllBytes(file));
    assertEquals(1, manifest().size());
  }

  @Test
  void verifyChecksEachArchivedFilesSha256AndFetchesADifferentOneAgain() throws Exception {
    byte[] a = bytes(40_000, 13);
    byte[] b = bytes(40_000, 14);
    stubList(List.of(recording(id(1), a, r -> { }), recording(id(2), b, r -> { })), 10);
    assertEquals(0, archive().exitCode());
    Path fileA = dir.resolve(id(1) + "-meeting.mp4");
    byte[] damaged = a.clone();
    damaged[20_000] ^= 1;
    Files.write(fileA, damaged);
    host.resetCounts();

    Cli.Result sizeOnly = archive();

    assertTrue(sizeOnly.err().contains(": 0 downloaded (0 B), 2 already archived,"), sizeOnly.err());
    assertEquals(0, fileRequests(), "without --verify only the size is checked");

    Cli.Result verified = archive("--verify");

    assertEquals(0, verified.exitCode(), verified.toString());
    assertArrayEquals(a, Files.readAllBytes(fileA));
    assertEquals(1, fileRequests());
    assertTrue(verified.err().contains(fileA.getFileName() + ": SHA-256 differs from the manifest's; fetching it again"),
        verified.err());
    assertTrue(verified.err().contains(": 1 downloaded (39.1 KiB), 1 already archived,"), verified.err());
  }
}
