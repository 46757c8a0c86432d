package io.github.realtimekit.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.realtimekit.fixtures.FileHost;
import io.github.realtimekit.fixtures.ReadOnlyDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every place the tool writes, {@code download}'s file and directory, {@code archive}'s directory,
 * files and manifest, fails in one form: {@code cannot write PATH: REASON} (or {@code cannot create}
 * for a directory), the path the user gave, the reason in words, exit code 6.
 *
 * <p>A read-only directory ({@code chmod 555}) stops no write of the superuser, as whom tests run in
 * many images: those tests are skipped then ({@link ReadOnlyDirectory#enforced()}), and each has a
 * sibling that provokes a failure the superuser meets too: a path under a regular file ("not a
 * directory"), a directory where a file goes ("is a directory"), a name longer than the file system
 * allows ("file name too long").
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UnwritablePathsTest {

  @RegisterExtension
  static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final UUID ID = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
  private static final String NAME = "meeting.mp4";
  private static final String ARCHIVED_NAME = ID + "-meeting.mp4";
  private static final String PREFIX = RecordingsCli.NAME + ": ";

  @TempDir
  Path dir;

  private FileHost host;
  private ReadOnlyDirectory readOnly;

  @BeforeEach
  void start() throws IOException {
    host = new FileHost();
    byte[] video = new byte[40_000];
    new Random(1).nextBytes(video);
    host.serve("/video.mp4", video);
    ObjectNode item = Examples.recording(ID);
    item.put("download_url", host.url("/video.mp4") + "?X-Amz-Signature=secret");
    item.putNull("audio_download_url");
    item.put("output_file_name", NAME);
    item.put("file_size", video.length);
    item.put("status", "UPLOADED");
    api.stubFor(get(urlPathEqualTo(Examples.onePath(ID))).willReturn(okJson(Examples.one(ID, data -> data.setAll(item)))));
    for (int page = 1; page <= 2; page++) {
      ObjectNode body = Examples.example("GetAllRecordings");
      ArrayNode data = body.putArray("data");
      if (page == 1) {
        data.add(item);
      }
      ObjectNode paging = (ObjectNode) body.get("paging");
      paging.put("start_offset", page == 1 ? 1 : 2);
      paging.put("end_offset", page == 1 ? 1 : 1);
      paging.put("total_count", 1);
      api.stubFor(get(urlPathEqualTo(Examples.LIST_PATH)).withQueryParam("page_no", equalTo(String.valueOf(page)))
          .willReturn(okJson(body.toString())));
    }
  }

  @AfterEach
  void stop() throws IOException {
    host.close();
    if (readOnly != null) {
      readOnly.restore();
    }
  }

  private Path readOnlyDirectory() throws IOException {
    readOnly = ReadOnlyDirectory.create(dir.resolve("ro"));
    assumeTrue(readOnly.enforced(), "a read-only directory stops no write of this user (the superuser)");
    return readOnly.path();
  }

  private static Cli.Result run(String... args) {
    return Cli.against(api.baseUrl() + Examples.BASE_PATH, args);
  }

  private static void assertFails(String message, Cli.Result r) {
    assertEquals(ExitCode.CANNOT_WRITE, r.exitCode(), r.toString());
    assertEquals(PREFIX + message, r.errLines().get(0), r.toString());
    assertFalse(r.err().contains(".part") || r.err().contains("Exception"), r.err());
  }

  private static void assertArchiveFails(String message, Cli.Result r) {
    assertEquals(ExitCode.CANNOT_WRITE, r.exitCode(), r.toString());
    assertEquals(PREFIX + "archive: recording " + ID + ": " + message, r.errLines().get(0), r.toString());
    assertFalse(r.err().contains(".part") || r.err().contains("Exception"), r.err());
  }

  @Test
  void downloadIntoAReadOnlyDirectory() throws IOException {
    Path ro = readOnlyDirectory();

    assertFails("cannot write " + ro.resolve(NAME) + ": permission denied", run("download", ID.toString(), "-o",
        ro + "/"));
  }

  @Test
  void downloadToANameOnlyTheTemporaryFileMakesTooLong() {
    // 250 characters is a valid name (255 at most on the usual file systems); the temporary file
    // beside it is not: the message names the user's file and the reason, not the temporary one.
    Path target = dir.resolve("m".repeat(246) + ".mp4");

    assertFails("cannot write " + target + ": file name too long", run("download", ID.toString(), "-o",
        target.toString()));
  }

  @Test
  void downloadWhereADirectoryHasTheFilesName() throws IOException {
    Path target = Files.createDirectories(dir.resolve(NAME));

    assertFails("cannot write " + target + ": is a directory", run("download", ID.toString(), "-o", dir + "/"));
  }

  @Test
  void downloadIntoADirectoryThatCannotBeCreatedInAReadOnlyOne() throws IOException {
    Path ro = readOnlyDirectory();

    assertFails("cannot create " + ro.resolve("new") + ": permission denied", run("download", ID.toString(), "-o",
        ro.resolve("new") + "/"));
  }

  @Test
  void downloadIntoADirectoryWhoseNameIsTooLong() {
    Path target = dir.resolve("n".repeat(300));

    assertFails("cannot create " + target + ": file name too long", run("download", ID.toString(), "-o",
        target + "/"));
  }

  @Test
  void archiveIntoADirectoryThatCannotBeCreatedInAReadOnlyOne() throws IOException {
    Path ro = readOnlyDirectory();

    assertFails("cannot create " + ro.resolve("sub") + ": permission denied", run("archive", "--dir",
        ro.resolve("sub").toString()));
    api.verify(0, getRequestedFor(anyUrl()));
  }

  @Test
  void archiveIntoADirectoryUnderAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");

    assertFails("cannot create " + file.resolve("sub") + ": not a directory", run("archive", "--dir",
        file.resolve("sub").toString()));
    api.verify(0, getRequestedFor(anyUrl()));
  }

  @Test
  void archiveWhoseManifestCannotBeCreatedInAReadOnlyDirectory() throws IOException {
    Path ro = readOnlyDirectory();

    assertFails("cannot write " + ro.resolve(ArchiveManifest.NAME) + ": permission denied", run("archive", "--dir",
        ro.toString()));
    api.verify(0, getRequestedFor(anyUrl()));
  }

  @Test
  void archiveWhoseManifestIsADirectory() throws IOException {
    Files.createDirectories(dir.resolve(ArchiveManifest.NAME));

    assertFails("cannot write " + dir.resolve(ArchiveManifest.NAME) + ": is a directory", run("archive", "--dir",
        dir.toString()));
    api.verify(0, getRequestedFor(anyUrl()));
  }

  @Test
  void archiveWhoseFilesCannotBeWrittenInAReadOnlyDirectory() throws IOException {
    Path archive = Files.createDirectories(dir.resolve("ro"));
    Files.createFile(archive.resolve(ArchiveManifest.NAME));
    Path ro = readOnlyDirectory();

    assertArchiveFails("cannot write " + ro.resolve(ARCHIVED_NAME) + ": permission denied", run("archive", "--dir",
        ro.toString()));
  }

  @Test
  void archiveWhereADirectoryHasAFilesName() throws IOException {
    Path target = Files.createDirectories(dir.resolve(ARCHIVED_NAME));
    Files.writeString(target.resolve("inside"), "x");

    assertArchiveFails("cannot write " + target + ": is a directory", run("archive", "--dir", dir.toString()));
  }
}
