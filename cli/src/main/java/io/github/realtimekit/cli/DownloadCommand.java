package io.github.realtimekit.cli;

import io.github.realtimekit.client.RecordingDownloader;
import io.github.realtimekit.client.core.ControlChars;
import io.github.realtimekit.model.Recording;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code download RECORDING_ID}: saves a recording's file, or its audio, from its pre-signed URL. */
@Command(name = "download", mixinStandardHelpOptions = true, sortOptions = false,
    description = {DownloadCommand.SUMMARY,
        "The file appears under its final name only once complete; an existing file is replaced."})
final class DownloadCommand implements Callable<Integer> {

  /** What the command does, in one line. */
  static final String SUMMARY = "Download a recording's file from its download_url (or audio_download_url with "
      + "--audio), with a progress bar on stderr, and print the file's path.";

  @ParentCommand
  RecordingsCli cli;

  @Parameters(index = "0", paramLabel = "RECORDING_ID", converter = Converters.Uuid.class,
      description = "The recording's ID, a UUID")
  UUID recordingId;

  @Option(names = "--audio", description = "Download the audio file, audio_download_url")
  boolean audio;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Where to save it; a directory to save it there under its default name "
          + "(default: the recording's output_file_name, or its ID, in the current directory)")
  Path output;

  @Override
  public Integer call() {
    if (output != null && !Files.isDirectory(output)) {
      Path dir = output.toAbsolutePath().getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw new Failure(ExitCode.USAGE, "--output: the directory " + dir + " does not exist", null);
      }
    }
    try (Session session = cli.openSession()) {
      Recording recording = session.client().getRecording(recordingId);
      RecordingDownloader.Kind kind = audio ? RecordingDownloader.Kind.AUDIO : RecordingDownloader.Kind.VIDEO;
      Path target = target(recording, kind.url(recording).orElse(null));
      // The downloader says clearly when there is no URL, or one that is not http(s).
      session.download(cli.terminal()).fetch(recording, kind, target);
      cli.out().println(ControlChars.escape(target.toString()));
    }
    return ExitCode.OK;
  }

  private Path target(Recording recording, URI url) {
    String name = defaultName(recording, url);
    if (output == null) {
      return Path.of(name);
    }
    return Files.isDirectory(output) ? output.resolve(name) : output;
  }

  /**
   * The recording's {@code output_file_name} (or its ID), reduced to a plain file name; for the audio,
   * {@code NAME-audio} with the extension of the URL's path.
   */
  private String defaultName(Recording recording, URI url) {
    String name = recording.getOutputFileName() == null ? "" : recording.getOutputFileName();
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.chars().anyMatch(ControlChars::isControl)) {
      name = String.valueOf(recording.getId() != null ? recording.getId() : recordingId);
    }
    if (!audio) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String path = url == null || url.getPath() == null ? "" : url.getPath();
    String last = path.substring(path.lastIndexOf('/') + 1);
    int extDot = last.lastIndexOf('.');
    String ext = extDot > 0 && last.substring(extDot).matches("\\.[A-Za-z0-9]{1,5}") ? last.substring(extDot) : "";
    return stem + "-audio" + ext;
  }
}
