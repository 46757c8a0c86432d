package io.github.realtimekit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.realtimekit.client.RecordingDownloader.Kind;
import io.github.realtimekit.client.errors.DownloadFileException;
import io.github.realtimekit.fixtures.FileHost;
import io.github.realtimekit.fixtures.ReadOnlyDirectory;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.RecordingStatus;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A download whose file cannot be written: the message names the target the caller gave, never the
 * temporary file beside it, and says why in words.
 *
 * <p>Tests run as the superuser in many images, where a read-only directory is written all the same;
 * the read-only test is then skipped, and the others provoke a failure that holds for anyone.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DownloadFileFailureTest {

  private static final byte[] VIDEO = bytes(50_000);

  @TempDir
  Path dir;

  private FileHost host;
  private RealtimeKitClient client;
  private RecordingDownloader downloader;

  @BeforeEach
  void start() throws IOException {
    host = new FileHost();
    host.serve("/video.mp4", VIDEO);
    client = HostileServerTest.client("http://127.0.0.1:9").build();
    downloader = client.downloader().withIdleTimeout(Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    client.close();
    host.close();
  }

  private static byte[] bytes(int size) {
    byte[] b = new byte[size];
    new Random(1).nextBytes(b);
    return b;
  }

  private Recording recording() {
    return Recording.builder()
        .id(UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"))
        .status(RecordingStatus.UPLOADED)
        .invokedTime(OffsetDateTime.parse("2024-01-01T10:00:00Z"))
        .outputFileName("meeting.mp4")
        .downloadUrl(URI.create(host.url("/video.mp4") + "?X-Amz-Signature=0123456789abcdef"))
        .fileSize((long) VIDEO.length)
        .build();
  }

  private DownloadFileException failure(Path target, boolean resume) {
    return assertThrows(DownloadFileException.class, () -> downloader.download(recording(), Kind.VIDEO, target,
        DownloadOptions.builder().resume(resume).build()));
  }

  @Test
  void aReadOnlyDirectoryIsPermissionDeniedForTheTarget() throws IOException {
    ReadOnlyDirectory readOnly = ReadOnlyDirectory.create(dir.resolve("ro"));
    try {
      assumeTrue(readOnly.enforced(), "permissions are not enforced for this user (the superuser)");
      Path target = readOnly.path().resolve("meeting.mp4");

      assertEquals("cannot write " + target + ": permission denied", failure(target, false).getMessage());
      assertEquals("cannot write " + target + ": permission denied", failure(target, true).getMessage());
    } finally {
      readOnly.restore();
    }
  }

  @Test
  void aNameTheTemporaryFileMakesTooLongNamesTheTargetNotTheTemporaryFile() throws IOException {
    // 250 characters is a valid name on the usual file systems (255 at most); the temporary file
    // beside it, ".NAME.RANDOM.part" or ".NAME.part", is not.
    Path target = dir.resolve("m".repeat(246) + ".mp4");

    for (boolean resume : new boolean[] {false, true}) {
      DownloadFileException e = failure(target, resume);

      assertEquals("cannot write " + target + ": file name too long", e.getMessage());
      assertFalse(Files.exists(target));
    }
  }

  @Test
  void aDirectoryWhereTheFileGoesIsNamedWithTheReason() throws IOException {
    Path target = Files.createDirectories(dir.resolve("meeting.mp4"));
    Files.writeString(target.resolve("inside"), "x");

    assertEquals("cannot write " + target + ": is a directory", failure(target, false).getMessage());
    assertEquals("cannot write " + target + ": is a directory", failure(target, true).getMessage());
  }
}
