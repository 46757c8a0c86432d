package io.github.realtimekit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code archive --dir DIR}: every recording the filters match, downloaded into a directory, safely
 * and again and again; see {@link Archive}.
 */
@Command(name = "archive", mixinStandardHelpOptions = true, sortOptions = false,
    description = {ArchiveCommand.SUMMARY,
        "Every run checks each archived file's size against the manifest (and with --verify its SHA-256) and "
            + "fetches again any that differs. Interrupted files are resumed next time; a refused (expired) URL is refreshed once; the files whose "
            + "URLs expire soonest go first. DIR/" + ArchiveManifest.NAME + " gets one line of JSON per "
            + "archived file. Exits 0 only when every recording with a URL is archived, 5 when some "
            + "could not be (each named on stderr), 6 when any file could not be written."})
final class ArchiveCommand implements Callable<Integer> {

  static final String SUMMARY = "Download every recording that matches the filters (the options of list) and has "
      + "a download URL into DIR, skipping those already archived, and print each newly archived file's path.";

  /** The most downloads at once. */
  static final int MAX_PARALLEL = 32;

  @ParentCommand
  RecordingsCli cli;

  @Option(names = "--dir", paramLabel = "DIR", required = true,
      description = "The archive directory; created when missing")
  Path dir;

  @Mixin
  RecordingFilters filters;

  @Option(names = "--audio", description = "Archive each recording's audio file (audio_download_url) too")
  boolean audio;

  @Option(names = "--verify",
      description = "Check each archived file's SHA-256 against the manifest too, not only its size, and fetch "
          + "again any that differs")
  boolean verify;

  @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
      description = "Downloads at once, 1 to " + MAX_PARALLEL + " (default: ${DEFAULT-VALUE})")
  int parallel;

  @Override
  public Integer call() {
    if (parallel < 1 || parallel > MAX_PARALLEL) {
      throw new Failure(ExitCode.USAGE, "--parallel: must be between 1 and " + MAX_PARALLEL + ", was " + parallel,
          null);
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new Failure(ExitCode.USAGE, "--dir: " + dir + " is not a directory", null);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw Failure.cannotWrite("create", dir, e);
    }
    var query = filters.query();
    try (Session session = cli.openSession(); ArchiveManifest manifest = openManifest();
        ArchiveCommits commits = new ArchiveCommits(manifest, dir)) {
      if (manifest.droppedBytes() > 0) {
        cli.err().println(RecordingsCli.NAME + ": archive: dropped the incomplete last line of "
            + manifest.path() + " (" + manifest.droppedBytes() + " bytes, from an interrupted run)");
      }
      Archive archive = new Archive(session.client(), session.account(), session.app(),
          session.download(cli.terminal()).downloader(), dir, audio, verify, parallel, cli.out(), cli.err(),
          cli.terminal(), Clock.systemUTC(), System::nanoTime);
      Archive.Summary summary = archive.run(query, commits);
      cli.err().println(RecordingsCli.NAME + ": archive " + dir + ": " + summary.downloaded + " downloaded ("
          + Output.size(summary.downloadedBytes.get()) + "), " + summary.alreadyArchived + " already archived, "
          + summary.withoutUrl + " without a download URL, " + summary.failed + " failed"
          + (summary.refreshed.get() > 0 ? ", " + summary.refreshed + " URLs refreshed" : "")
          + (summary.listFailure != null ? "; the listing stopped early" : "") + ", in " + archive.elapsed());
      if (summary.listFailure != null) {
        throw summary.listFailure;
      }
      return summary.unwritable.get() > 0 ? ExitCode.CANNOT_WRITE
          : summary.failed.get() > 0 ? ExitCode.INCOMPLETE : ExitCode.OK;
    } catch (IOException e) {
      throw Failure.cannotWrite("write", dir.resolve(ArchiveManifest.NAME), e);
    }
  }

  private ArchiveManifest openManifest() {
    try {
      return ArchiveManifest.open(dir);
    } catch (IllegalStateException e) {
      throw new Failure(ExitCode.FAILURE, e.getMessage() + "; one archive per directory at a time", e);
    } catch (IOException e) {
      throw Failure.cannotWrite("write", dir.resolve(ArchiveManifest.NAME), e);
    }
  }
}
