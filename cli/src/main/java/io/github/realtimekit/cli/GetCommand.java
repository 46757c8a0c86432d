package io.github.realtimekit.cli;

import io.github.realtimekit.model.Recording;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code get RECORDING_ID}: one recording's fields, readable or as JSON, secrets masked. */
@Command(name = "get", mixinStandardHelpOptions = true, sortOptions = false, description = GetCommand.SUMMARY)
final class GetCommand implements Callable<Integer> {

  /** What the command does, in one line. */
  static final String SUMMARY = "Show a recording: one 'field: value' line per field (or one line of JSON with --json); "
      + "secret storage credentials are shown as ***.";

  @ParentCommand
  RecordingsCli cli;

  @Parameters(index = "0", paramLabel = "RECORDING_ID", converter = Converters.Uuid.class,
      description = "The recording's ID, a UUID")
  UUID recordingId;

  @Option(names = "--json", description = "Print the recording as one line of JSON, as the API shapes it")
  boolean json;

  @Override
  public Integer call() {
    try (Session session = cli.openSession()) {
      Recording recording = session.client().getRecording(recordingId);
      Output output = cli.output();
      if (json) {
        output.jsonLine(recording);
      } else {
        output.details(recording);
      }
    }
    return ExitCode.OK;
  }
}
