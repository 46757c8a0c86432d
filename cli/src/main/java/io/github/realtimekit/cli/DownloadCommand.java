package io.github.realtimekit.cli;

import io.github.realtimekit.client.RecordingDownloader;
import io.github.realtimekit.client.core.ControlChars;
import io.github.realtimekit.model.Recording;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
        "The file appears under its final name only once complete. An existing file is replaced only when it "
            + "has the size the recording states (it is this recording), or with --force."})
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

  @Option(names = {"-o", "--output"}, paramLabel = "PATH",
      description = "Where to save it: a file, or a directory to save it in under its default name (an existing "
          + "directory, or a path ending in /); missing directories are created "
          + "(default: the recording's output_file_name, or its ID, in the current directory)")
  String output;

  @Option(names = "--force", description = "Replace an existing file even when it is not this recording")
  boolean force;

  @Override
  public Integer call() {
    Destination destination = Destination.of(output);
    try (Session session = cli.openSession()) {
      Recording recording = session.client().getRecording(recordingId);
      RecordingDownloader.Kind kind = audio ? RecordingDownloader.Kind.AUDIO : RecordingDownloader.Kind.VIDEO;
      Path target = destination.target(defaultName(recording, kind.url(recording).orElse(null)));
      checkReplaceable(target, kind.statedSize(recording));
      destination.createDirectory();
      // The downloader says clearly when there is no URL, or one that is not http(s).
      session.download(cli.terminal()).fetch(recording, kind, target);
      cli.out().println(ControlChars.escape(target.toString()));
    }
    return ExitCode.OK;
  }

  /**
   * Refuses to replace a file that is not this recording: one without the size the recording states
   * (the audio states none), unless {@code --force}.
   */
  private void checkReplaceable(Path target, long statedSize) {
    if (Files.isDirectory(target)) {
      throw Failure.cannotWrite("write", target, new FileSystemException(target.toString(), null, "Is a directory"));
    }
    if (force || !Files.exists(target)) {
      return;
    }
    try {
      if (statedSize >= 0 && Files.size(target) == statedSize) {
        return;
      }
    } catch (IOException e) {
      // Unreadable: not known to be this recording.
    }
    throw new Failure(ExitCode.FAILURE, ControlChars.escape(target.toString())
        + " exists and is not this recording; pass --force to replace it", null);
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

  /**
   * What {@code --output} says, checked before anything is sent: a directory to save into (an existing
   * one, or a path ending in a separator), or a file; either way the directory may still be missing,
   * but nothing on the way to it may be a file.
   */
  private record Destination(Path directory, Path file) {

    static Destination of(String output) {
      if (output == null) {
        return new Destination(null, null);
      }
      Path path;
      try {
        path = Path.of(output);
      } catch (InvalidPathException e) {
        throw new Failure(ExitCode.USAGE, "--output: not a valid path: " + ControlChars.escape(output), e);
      }
      boolean into = output.endsWith("/") || output.endsWith(File.separator) || Files.isDirectory(path);
      Path directory = into ? path : path.getParent();
      for (Path d = directory; d != null; d = d.getParent()) {
        if (Files.exists(d)) {
          if (!Files.isDirectory(d)) {
            throw new Failure(ExitCode.USAGE, "--output: " + ControlChars.escape(d.toString())
                + " is a file, not a directory", null);
          }
          break;
        }
      }
      return new Destination(directory, into ? null : path);
    }

    /** The file to save: the one named, else the default name in the directory. */
    Path target(String defaultName) {
      if (file != null) {
        return file;
      }
      return directory == null ? Path.of(defaultName) : directory.resolve(defaultName);
    }

    void createDirectory() {
      if (directory == null || Files.isDirectory(directory)) {
        return;
      }
      try {
        Files.createDirectories(directory);
      } catch (IOException e) {
        throw Failure.cannotWrite("create", directory, e);
      }
    }
  }
}
