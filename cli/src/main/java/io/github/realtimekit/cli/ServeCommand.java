package io.github.realtimekit.cli;

import io.github.realtimekit.client.ListRecordingsQuery;
import io.github.realtimekit.client.webhooks.RealtimeKitWebhooks;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code serve --dir DIR}: receives RealtimeKit's webhook deliveries and archives each recording the
 * moment it is UPLOADED, with {@code archive}'s engine ({@link Archive}) into the same kind of
 * directory. See {@link WebhookServer} for what it answers, {@link DeliveryJournal} for why an
 * acknowledged delivery is never lost, {@link ServeWorkers} for the archiving.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {ServeCommand.SUMMARY,
        "Answers POST on --path and GET " + WebhookServer.HEALTH_PATH + ": 400 unsigned or not a webhook event, 401 "
            + "signature not verified, 413 body over 1 MiB, 503 busy or the journal cannot be written (the sender "
            + "tries again), 200 otherwise, a duplicate included. Each accepted delivery is flushed to DIR/"
            + DeliveryJournal.NAME + " before its 200; those not done are done at the next start. Runs until "
            + "SIGTERM or Ctrl-C, then exits 0, unfinished files left to resume."})
final class ServeCommand implements Callable<Integer> {

  static final String SUMMARY = "Receive RealtimeKit's signed webhook deliveries and archive each recording into DIR "
      + "as soon as it is UPLOADED, as archive does.";

  /** Exchanges served at once: each holds at most two bodies of up to 1 MiB. */
  static final int EXCHANGE_THREADS = 8;

  @ParentCommand
  RecordingsCli cli;

  @Option(names = "--dir", paramLabel = "DIR", required = true,
      description = "The archive directory; created when missing")
  Path dir;

  @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
      description = "Where to listen (default: ${DEFAULT-VALUE}); port 0 for any free one")
  String listen;

  @Option(names = "--path", paramLabel = "PATH", defaultValue = "/webhook",
      description = "The path deliveries are posted to (default: ${DEFAULT-VALUE})")
  String path;

  @ArgGroup(exclusive = true)
  Key key;

  /** Where the webhook public key comes from: one or the other, or the default URL. */
  static final class Key {
    @Option(names = "--public-key", paramLabel = "FILE",
        description = "RealtimeKit's webhook public key, a PEM file; never fetched then")
    Path file;

    @Option(names = "--public-key-url", paramLabel = "URL",
        description = "Fetch the key from here (default: the documented well-known URL)")
    URI url;
  }

  @Option(names = "--register", paramLabel = "PUBLIC_URL",
      description = "At start, the app's webhook that sends recording.statusUpdate to this URL (where RealtimeKit "
          + "reaches --path, through your proxy): reused when there is one, added otherwise")
  URI register;

  @Option(names = "--catch-up",
      description = "Run one archive pass at start, for what was uploaded while serve was not running")
  boolean catchUp;

  @Option(names = "--audio", description = "Archive each recording's audio file too")
  boolean audio;

  @Option(names = "--workers", paramLabel = "N", defaultValue = "2",
      description = "Recordings archived at once, 1 to " + ArchiveCommand.MAX_PARALLEL + " (default: ${DEFAULT-VALUE})")
  int workers;

  @Option(names = "--queue", paramLabel = "N", defaultValue = "1000",
      description = "Recordings that may wait for a worker; beyond that, deliveries are answered 503 "
          + "(default: ${DEFAULT-VALUE})")
  int queue;

  /** Completed to stop; by SIGTERM or SIGINT outside tests. */
  final CompletableFuture<Void> stop = new CompletableFuture<>();

  @Override
  public Integer call() throws Exception {
    InetSocketAddress address = listenAddress(listen);
    if (!path.startsWith("/") || path.equals(WebhookServer.HEALTH_PATH) || path.chars().anyMatch(c -> c <= ' ')) {
      throw usage("--path: must start with / and differ from " + WebhookServer.HEALTH_PATH + ", was " + path);
    }
    if (workers < 1 || workers > ArchiveCommand.MAX_PARALLEL) {
      throw usage("--workers: must be between 1 and " + ArchiveCommand.MAX_PARALLEL + ", was " + workers);
    }
    if (queue < 0 || queue > 1_000_000) {
      throw usage("--queue: must be between 0 and 1000000, was " + queue);
    }
    if (register != null && (!register.isAbsolute() || register.getHost() == null
        || !("https".equals(register.getScheme()) || "http".equals(register.getScheme())))) {
      throw usage("--register: must be an absolute http or https URL, was " + register);
    }
    RealtimeKitWebhooks webhooks = webhooks();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw usage("--dir: " + dir + " is not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw Failure.cannotWrite("create", dir, e);
    }
    PrintStream err = cli.err();
    try (Session session = cli.openSession(); ArchiveManifest manifest = open(() -> ArchiveManifest.open(dir),
        ArchiveManifest.NAME); ArchiveCommits commits = new ArchiveCommits(manifest, dir);
        DeliveryJournal journal = open(() -> DeliveryJournal.open(dir), DeliveryJournal.NAME)) {
      if (journal.droppedBytes() > 0) {
        err.println(RecordingsCli.NAME + ": serve: dropped the incomplete last line of " + journal.path() + " ("
            + journal.droppedBytes() + " bytes, never acknowledged)");
      }
      if (register != null) {
        WebhookRegistration.Registered registered = WebhookRegistration.register(session.client(), register);
        err.println(RecordingsCli.NAME + ": serve: webhook " + registered.webhook().getId() + " sends "
            + WebhookRegistration.EVENT + " to " + register + (registered.reused() ? " (already there)" : " (added)"));
      }
      var downloader = session.download(false).downloader();
      ServeWorkers.Archiver archiver = id -> newArchive(session, downloader).runOne(UUID.fromString(id), commits);
      try (ServeWorkers pool = new ServeWorkers(workers, queue, journal, archiver, err, System::nanoTime);
          WebhookServer server = startServer(address, webhooks, journal, pool)) {
        pool.resume(journal.pending());
        InetSocketAddress bound = server.address();
        err.println(RecordingsCli.NAME + ": serve: listening on http://" + hostText(bound) + path
            + " (and " + WebhookServer.HEALTH_PATH + "), " + keyText() + ", archiving into " + dir + "; "
            + journal.pending().size() + " journalled deliveries resumed");
        if (catchUp) {
          Thread t = new Thread(() -> catchUp(session, downloader, commits), "realtimekit-serve-catch-up");
          t.setDaemon(true);
          t.start();
        }
        Signals.stopOn(stop);
        stop.join();
        err.println(RecordingsCli.NAME + ": serve: stopping; unfinished downloads resume at the next start");
        server.close();
        pool.stop(Duration.ofSeconds(5));
      }
    }
    return ExitCode.OK;
  }

  private WebhookServer startServer(InetSocketAddress address, RealtimeKitWebhooks webhooks, DeliveryJournal journal,
      ServeWorkers pool) {
    try {
      return WebhookServer.start(address, path, webhooks, journal, pool, cli.err(), Clock.systemUTC(), EXCHANGE_THREADS, 64);
    } catch (IOException e) {
      throw new Failure(ExitCode.FAILURE, "--listen: cannot listen on " + listen + ": " + e.getMessage(), e);
    }
  }

  private Archive newArchive(Session session, io.github.realtimekit.client.RecordingDownloader downloader) {
    return new Archive(session.client(), session.account(), session.app(), downloader, dir, audio, false, 1,
        cli.out(), cli.err(), false, Clock.systemUTC(), System::nanoTime);
  }

  private void catchUp(Session session, io.github.realtimekit.client.RecordingDownloader downloader,
      ArchiveCommits commits) {
    Archive archive = new Archive(session.client(), session.account(), session.app(), downloader, dir, audio, false,
        workers, cli.out(), cli.err(), false, Clock.systemUTC(), System::nanoTime);
    Archive.Summary s = archive.run(ListRecordingsQuery.builder().build(), commits);
    cli.err().println(RecordingsCli.NAME + ": serve: catch-up: " + s.downloaded + " downloaded ("
        + Output.size(s.downloadedBytes.get()) + "), " + s.alreadyArchived + " already archived, " + s.failed
        + " failed" + (s.listFailure != null ? "; the listing stopped early: "
        + Archive.oneLine(String.valueOf(s.listFailure.getMessage())) : "") + ", in " + archive.elapsed());
  }

  private RealtimeKitWebhooks webhooks() {
    RealtimeKitWebhooks.Builder builder = RealtimeKitWebhooks.builder();
    try {
      if (key != null && key.file != null) {
        builder.publicKeyPem(Files.readString(key.file, StandardCharsets.US_ASCII));
      } else if (key != null && key.url != null) {
        builder.publicKeyUrl(key.url);
      }
      return builder.build();
    } catch (IOException e) {
      throw usage("--public-key: cannot read " + key.file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw usage((key != null && key.file != null ? "--public-key: " : "--public-key-url: ") + e.getMessage());
    }
  }

  private String keyText() {
    if (key != null && key.file != null) {
      return "key from " + key.file;
    }
    URI url = key != null && key.url != null ? key.url : RealtimeKitWebhooks.DEFAULT_PUBLIC_KEY_URL;
    return "key fetched from " + url + " on the first delivery";
  }

  /** Parses {@code HOST:PORT}, the host a name, an IPv4 address or a bracketed IPv6 address. */
  static InetSocketAddress listenAddress(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw usage("--listen: must be HOST:PORT, such as 127.0.0.1:8080, was " + text);
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw usage("--listen: the port must be 0 to 65535, was " + text.substring(colon + 1));
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw usage("--listen: unknown host " + host);
    }
    return address;
  }

  private static String hostText(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  private static Failure usage(String message) {
    return new Failure(ExitCode.USAGE, message, null);
  }

  /** Opens a locked file of the directory. */
  @FunctionalInterface
  private interface Opener<T> {
    T open() throws IOException;
  }

  private <T> T open(Opener<T> opener, String name) {
    try {
      return opener.open();
    } catch (IllegalStateException e) {
      throw new Failure(ExitCode.FAILURE, e.getMessage() + "; one archive or serve per directory at a time", e);
    } catch (IOException e) {
      throw Failure.cannotWrite("write", dir.resolve(name), e);
    }
  }
}
