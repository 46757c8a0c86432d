package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.client.RecordingDownloader.Kind;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ArchiveNames}: one safe path component, whatever the API calls the file. */
class ArchiveNamesTest {

  private static final UUID ID = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
  private static final URI VIDEO_URL = URI.create("https://bucket.example.com/r/abc.mp4?X-Amz-Signature=s");
  private static final URI AUDIO_URL = URI.create("https://bucket.example.com/r/abc.m4a?X-Amz-Signature=s");

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "meeting.mp4          | VIDEO | 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e-meeting.mp4",
      "meeting.mp4          | AUDIO | 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e-audio-meeting.m4a",
      "NULL                 | VIDEO | 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e.mp4",
      "NULL                 | AUDIO | 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e-audio.m4a",
      "my meeting (1).mp4   | VIDEO | 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e-my_meeting_1_.mp4",
      "../../../etc/cron.d  | VIDEO | 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e-cron.d",
      "C:\\Windows\\x.exe   | VIDEO | 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e-x.exe",
      "...                  | VIDEO | 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e.mp4",
      "réunion.mp4          | VIDEO | 182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e-r_union.mp4",
  })
  void namesAreTheIdAndTheSanitisedApiName(String apiName, Kind kind, String expected) {
    String name = ArchiveNames.fileName(ID, apiName == null ? null : apiName.strip(), kind,
        kind == Kind.VIDEO ? VIDEO_URL : AUDIO_URL);

    assertEquals(expected, name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "/", "\\", "a/../../b", "\u0000", "\u001b[2J", "con", "x/", ".", "-rf", "\u202eevil"})
  void everyNameIsOneComponentInsideTheDirectory(String apiName) {
    Path dir = Path.of("archive").toAbsolutePath();
    for (Kind kind : Kind.values()) {
      String name = ArchiveNames.fileName(ID, apiName, kind, VIDEO_URL);
      Path file = dir.resolve(name).normalize();

      assertEquals(dir, file.getParent(), name);
      assertTrue(name.startsWith(ID.toString()), name);
      assertTrue(name.matches("[A-Za-z0-9._-]+"), name);
    }
  }
}
