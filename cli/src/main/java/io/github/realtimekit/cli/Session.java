package io.github.realtimekit.cli;

import io.github.realtimekit.client.HttpLogLevel;
import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.RealtimeKitClientBuilder;
import io.github.realtimekit.client.core.ControlChars;
import io.github.realtimekit.fixtures.SpecExamples;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/**
 * What a command works with: the client built from the resolved settings, the built-in mock server
 * when it is the one answering, and the HTTP log on standard error with {@code --verbose}. Close it
 * when the command is done.
 */
final class Session implements AutoCloseable {

  /**
   * The client's HTTP log; held here so its level is not lost to garbage collection. In a holder of
   * its own: java.util.logging is started only with {@code --verbose}.
   */
  private static final class HttpLog {
    static final Logger LOGGER = Logger.getLogger("io.github.realtimekit.client.http");
  }

  /**
   * The settings a session is opened with, resolved from options, environment and defaults.
   *
   * @param mock whether the built-in mock server answers
   * @param baseUrl the API's base URL; null for the default, ignored with the mock
   * @param token the API token
   * @param account the account ID
   * @param app the app ID
   * @param maxRetries retries after a failed attempt; null for the client's default
   * @param connectTimeout how long to wait for a connection
   * @param readTimeout how long to wait for a response
   * @param verbose whether to log HTTP exchanges on standard error
   * @param proxy the proxy and its credentials, or null for none
   * @param sslContext the TLS context of {@code --ca-cert}, or null for the JVM's
   * @param mockNotice the line that says the mock answers, and why; null without the mock
   * @param mockConfig how the mock's recordings live
   */
  record Settings(boolean mock, String baseUrl, String token, String account, String app, Integer maxRetries,
      Duration connectTimeout, Duration readTimeout, boolean verbose, ProxySettings.Resolved proxy,
      SSLContext sslContext, String mockNotice, MockState.Config mockConfig) {
  }

  private final Settings settings;
  private final PrintStream err;
  private final MockServer mockServer;
  private final Handler logHandler;
  private final RealtimeKitClient client;

  private Session(Settings settings, PrintStream err, MockServer mockServer, Handler logHandler,
      RealtimeKitClient client) {
    this.settings = settings;
    this.err = err;
    this.mockServer = mockServer;
    this.logHandler = logHandler;
    this.client = client;
  }

  /**
   * Opens a session.
   *
   * @param settings the resolved settings
   * @param err standard error
   * @return the session
   * @throws Failure {@link ExitCode#USAGE} for a setting the client rejects, {@link ExitCode#FAILURE}
   *     when the mock server cannot start
   */
  static Session open(Settings settings, PrintStream err) {
    MockServer mockServer = null;
    Handler logHandler = null;
    try {
      String baseUrl = settings.baseUrl();
      if (settings.mock()) {
        mockServer = MockServer.start(SpecExamples::spec, MockServer.Limits.DEFAULT, settings.mockConfig(),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        baseUrl = mockServer.baseUrl();
        err.println(RecordingsCli.NAME + ": " + settings.mockNotice());
      }
      if (settings.verbose()) {
        logHandler = new StderrHandler(err);
        HttpLog.LOGGER.addHandler(logHandler);
        HttpLog.LOGGER.setLevel(Level.FINE);
        HttpLog.LOGGER.setUseParentHandlers(false);
      }
      RealtimeKitClient client = build(settings, baseUrl, err);
      if (settings.verbose()) {
        err.println("config: " + client + ", account " + settings.account() + ", app " + settings.app()
            + ", connect timeout " + settings.connectTimeout() + ", read timeout " + settings.readTimeout());
      }
      return new Session(settings, err, mockServer, logHandler, client);
    } catch (IOException e) {
      close(mockServer, logHandler);
      throw new Failure(ExitCode.FAILURE, "Cannot start the built-in mock server: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      close(mockServer, logHandler);
      throw e;
    }
  }

  private static RealtimeKitClient build(Settings settings, String baseUrl, PrintStream err) {
    try {
      RealtimeKitClientBuilder builder = RealtimeKitClient.builder()
          .apiToken(settings.token())
          .accountId(settings.account())
          .appId(settings.app())
          // Waiting is never silent: each retry says what it waits for, and how long.
          .retryListener(event -> err.println(RecordingsCli.NAME + ": " + event))
          .connectTimeout(settings.connectTimeout())
          .readTimeout(settings.readTimeout())
          .httpLogLevel(settings.verbose() ? HttpLogLevel.HEADERS : HttpLogLevel.NONE)
          .userAgent(RecordingsCli.userAgent());
      if (baseUrl != null) {
        builder.baseUrl(baseUrl);
      }
      if (settings.maxRetries() != null) {
        builder.maxRetries(settings.maxRetries());
      }
      network(builder, settings);
      return builder.build();
    } catch (IllegalArgumentException e) {
      String message = FailureReport.withOptionName(e.getMessage());
      if (message.startsWith("--base-url")) {
        message = message.replaceFirst("--base-url", "--base-url (or " + RecordingsCli.ENV_BASE_URL + ")");
      } else if (message.startsWith("--token")) {
        message = message.replaceFirst("--token", "--token (or " + RecordingsCli.ENV_TOKEN + ")");
      }
      throw new Failure(ExitCode.USAGE, message, e);
    }
  }

  /** The proxy and TLS settings, applied to the client's own HttpClient. */
  private static void network(RealtimeKitClientBuilder builder, Settings settings) {
    ProxySettings.Resolved proxy = settings.proxy();
    if (proxy != null && proxy.user() != null) {
      // The JDK drops Basic credentials in a CONNECT tunnel unless this is set before its first HttpClient.
      if (System.getProperty(TUNNELING_DISABLED_SCHEMES) == null) {
        System.setProperty(TUNNELING_DISABLED_SCHEMES, "");
      }
      builder.proxy(proxy.selector(), proxy.user(), proxy.password());
      java.util.Arrays.fill(proxy.password(), '\0');
    } else if (proxy != null) {
      builder.proxy(proxy.selector());
    }
    if (settings.sslContext() != null) {
      builder.sslContext(settings.sslContext());
    }
  }

  private static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

  RealtimeKitClient client() {
    return client;
  }

  String account() {
    return settings.account();
  }

  String app() {
    return settings.app();
  }

  /**
   * Returns a downloader with this session's timeouts.
   *
   * @param terminal whether standard error is a terminal
   * @return the downloader
   */
  Download download(boolean terminal) {
    return new Download(client.downloader().withIdleTimeout(settings.readTimeout()), err, terminal,
        settings.verbose());
  }

  @Override
  public void close() {
    client.close();
    close(mockServer, logHandler);
  }

  private static void close(MockServer mockServer, Handler logHandler) {
    if (logHandler != null) {
      HttpLog.LOGGER.removeHandler(logHandler);
      HttpLog.LOGGER.setLevel(null);
      HttpLog.LOGGER.setUseParentHandlers(true);
      logHandler.flush();
    }
    if (mockServer != null) {
      mockServer.close();
    }
  }

  /** Writes log records to standard error, one line each. */
  private static final class StderrHandler extends Handler {
    private final PrintStream err;

    StderrHandler(PrintStream err) {
      this.err = err;
      setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
      if (isLoggable(record)) {
        // Response headers come from the server: no control character of theirs reaches the terminal.
        record.getMessage().lines().forEach(line -> err.println("http: " + ControlChars.escape(line.strip())));
      }
    }

    @Override
    public void flush() {
      err.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }
}
