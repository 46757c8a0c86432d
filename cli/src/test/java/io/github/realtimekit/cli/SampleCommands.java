package io.github.realtimekit.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.RecordingStatusFilter;
import io.github.realtimekit.model.StorageConfig;
import io.github.realtimekit.model.StorageType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Commands written by hand the way the build generates them from the spec, on the one shared base:
 * arguments and options declared, one client call, the result handed to the base.
 */
final class SampleCommands {

  static final String PAGED = "sample-list";
  static final String ONE = "sample-get";
  static final String CREATE = "sample-create";
  static final String FAILING = "sample-fail";
  static final String CONVERTED = "sample-convert";

  private SampleCommands() {
  }

  /** The tool's commands with the samples added. */
  static Commands commands() {
    return Commands.standard()
        .with(ONE, "Show one recording.", One::new)
        .with(PAGED, "List made-up recordings.", Paged::new)
        .with(CREATE, "Send a sample body.", Create::new)
        .with(FAILING, "Fail as the client does for a bad argument.", Failing::new)
        .with(CONVERTED, "Take typed options.", Converted::new)
        // Named like a hand-written command: the hand-written one stays.
        .with("get", "Not the real get.", One::new);
  }

  /** A recording with a secret in it and a control character in its file name. */
  static Recording recording(int n) {
    return Recording.builder()
        .id(new UUID(0, n))
        .invokedTime(java.time.OffsetDateTime.parse("2024-01-01T10:00:00Z"))
        .status(io.github.realtimekit.model.RecordingStatus.UPLOADED)
        .outputFileName("file-" + n + "\u001b]0;x\u0007.mp4")
        .storageConfig(StorageConfig.builder().type(StorageType.AWS).secret("s3cr3t-" + n).bucket("b").build())
        .build();
  }

  @Command(name = ONE, mixinStandardHelpOptions = true, description = "Show one recording.")
  static final class One extends OperationCommand {
    @Parameters(paramLabel = "RECORDING_ID", description = "ID of the recording.")
    UUID recordingId;

    @Override
    protected void invoke() {
      print(client().getRecording(recordingId));
    }
  }

  @Command(name = PAGED, mixinStandardHelpOptions = true, description = "List made-up recordings.")
  static final class Paged extends OperationCommand {
    @Option(names = "--page-no", description = "The page.")
    Integer pageNo;

    @Option(names = "--all", description = "Every page.")
    boolean all;

    @Override
    protected void invoke() {
      // Three pages of two recordings; page 3 is the last.
      int page = pageNo == null ? 1 : pageNo;
      if (all) {
        List<Recording> every = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
          every.add(recording(i));
        }
        printAll(every);
      } else {
        printPage(page > 3 ? List.of() : List.of(recording(page * 2 - 1), recording(page * 2)), page, page < 3);
      }
    }
  }

  /** A request body such as the spec may define. */
  static final class SampleBody {
    @JsonProperty("meeting_id")
    UUID meetingId;
    @JsonProperty("title")
    String title;
    @JsonProperty("max_seconds")
    Integer maxSeconds;
    @JsonProperty("tags")
    List<String> tags;
  }

  @Command(name = CREATE, mixinStandardHelpOptions = true, description = "Send a sample body.")
  static final class Create extends OperationCommand {
    @Mixin
    BodyInput bodyInput;

    @Option(names = "--meeting-id", description = "The meeting.")
    UUID meetingId;

    @Option(names = "--title", description = "A title.")
    String title;

    @Option(names = "--max-seconds", description = "A limit.")
    Integer maxSeconds;

    @Override
    protected void invoke() {
      SampleBody body = body(bodyInput, SampleBody.class)
          .with("meeting_id", meetingId)
          .with("title", title)
          .with("max_seconds", maxSeconds)
          .build();
      print(body);
    }
  }

  @Command(name = FAILING, mixinStandardHelpOptions = true)
  static final class Failing extends OperationCommand {
    @Parameters(paramLabel = "SESSION_ID")
    String sessionId;

    @Option(names = "--per-page")
    Integer perPage;

    @Override
    protected void invoke() {
      throw new InvalidArgumentException("sample", List.of(
          new InvalidArgumentException.Violation("sessionId", "size must be between 1 and 32", "\"\""),
          new InvalidArgumentException.Violation("perPage", "must be greater than or equal to 0", "-1"),
          new InvalidArgumentException.Violation("appId", "must not be null", "null"),
          new InvalidArgumentException.Violation("unheardOf", "must be", "x")));
    }
  }

  @Command(name = CONVERTED, mixinStandardHelpOptions = true)
  static final class Converted extends OperationCommand {
    @Option(names = "--status", split = ",")
    List<RecordingStatusFilter> status;

    @Option(names = "--meeting-id")
    UUID meetingId;

    @Option(names = "--start-time")
    java.time.OffsetDateTime startTime;

    @Override
    protected void invoke() {
      print(status == null ? null : status.stream().map(RecordingStatusFilter::value).toList());
      print(meetingId == null ? null : meetingId.toString());
      print(startTime == null ? null : startTime.toString());
    }
  }
}
