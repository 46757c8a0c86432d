package io.github.realtimekit.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.realtimekit.client.webhooks.RealtimeKitWebhooks;
import io.github.realtimekit.client.webhooks.WebhookDelivery;
import io.github.realtimekit.client.webhooks.WebhookVerificationException;
import io.github.realtimekit.model.RecordingStatus;
import io.github.realtimekit.model.RecordingStatusUpdate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of {@code serve}, on the JDK's {@code HttpServer}: {@code POST} of webhook deliveries
 * on one path, {@code GET /healthz}, nothing else.
 *
 * <p>A delivery is answered, in this order: 413 for a body over {@link #MAX_BODY} bytes (and the
 * connection closed); 400 without an {@code rtk-signature} or with one that is not base64; 401 when
 * it does not verify; 400 for a signed body that is no webhook event; 200 for a delivery journalled
 * before (a duplicate: nothing is done again); 503 when there is no room to archive its recording
 * ({@link ServeWorkers}) or the journal cannot be written, so that the sender tries again; else 200
 * once the delivery is journalled and flushed to disk ({@link DeliveryJournal}). Only a
 * {@code recording.statusUpdate} with status UPLOADED asks for work; every other event is journalled
 * (to tell its redelivery) and answered 200. A refused delivery is logged in one line, without its
 * body or signature, at most ten lines a second ({@link RefusalLog}), and changes nothing on disk.
 *
 * <p>Bounds, against a hostile network: at most {@code threads} exchanges at once and
 * {@code waiting} more queued (beyond that the connection is closed); and, set as system properties
 * before the first server of the process starts unless set already (the JDK reads them once):
 * {@code sun.net.httpserver.maxReqTime} 10 seconds to send a request's head and body (a client
 * sending a byte a second is cut off), {@code sun.net.httpserver.maxRspTime} 10 seconds to take the
 * answer, {@code jdk.httpserver.maxConnections} 256 connections, {@code sun.net.httpserver.maxReqHeaderSize}
 * 16384 bytes and {@code sun.net.httpserver.maxReqHeaders} 64 headers.
 */
final class WebhookServer implements AutoCloseable {

  /** The largest delivery body accepted, in bytes. */
  static final int MAX_BODY = 1 << 20;
  /** The health check's path. */
  static final String HEALTH_PATH = "/healthz";

  private static final Map<String, String> SERVER_PROPERTIES = Map.of(
      "sun.net.httpserver.maxReqTime", "10",
      "sun.net.httpserver.maxRspTime", "10",
      "jdk.httpserver.maxConnections", "256",
      "sun.net.httpserver.maxReqHeaderSize", "16384",
      "sun.net.httpserver.maxReqHeaders", "64",
      "sun.net.httpserver.nodelay", "true");

  private final HttpServer server;
  private final ThreadPoolExecutor exchanges;
  private final String path;
  private final RealtimeKitWebhooks webhooks;
  private final DeliveryJournal journal;
  private final ServeWorkers workers;
  private final RefusalLog refusals;
  private final Clock clock;

  private WebhookServer(InetSocketAddress listen, String path, RealtimeKitWebhooks webhooks, DeliveryJournal journal,
      ServeWorkers workers, PrintStream err, Clock clock, int threads, int waiting) throws IOException {
    this.path = path;
    this.webhooks = webhooks;
    this.journal = journal;
    this.workers = workers;
    this.refusals = new RefusalLog(err, System::nanoTime);
    this.clock = clock;
    this.server = HttpServer.create(listen, 128);
    this.exchanges = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(waiting),
        r -> {
          Thread t = new Thread(r, "realtimekit-serve-http");
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    server.setExecutor(exchanges);
    server.createContext("/", this::handle);
  }

  /**
   * Starts a server.
   *
   * @param listen the address and port to listen on; port 0 for any free one
   * @param path the path deliveries are posted to
   * @param webhooks verifies deliveries
   * @param journal the open journal
   * @param workers the archive workers
   * @param err where refusals are logged
   * @param clock the time journalled with each delivery
   * @param threads how many exchanges at once
   * @param waiting how many more exchanges may wait for a thread
   * @return the running server
   * @throws IOException if the address cannot be bound
   */
  static WebhookServer start(InetSocketAddress listen, String path, RealtimeKitWebhooks webhooks,
      DeliveryJournal journal, ServeWorkers workers, PrintStream err, Clock clock, int threads, int waiting)
      throws IOException {
    SERVER_PROPERTIES.forEach((name, value) -> {
      if (System.getProperty(name) == null) {
        System.setProperty(name, value);
      }
    });
    WebhookServer s = new WebhookServer(listen, path, webhooks, journal, workers, err, clock, threads, waiting);
    s.server.start();
    return s;
  }

  /**
   * Returns where it listens.
   *
   * @return the bound address and port
   */
  InetSocketAddress address() {
    return server.getAddress();
  }

  /** Stops accepting connections, lets exchanges under way end within a second, and stops. */
  @Override
  public void close() {
    server.stop(1);
    exchanges.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String requested = exchange.getRequestURI().getRawPath();
      if (requested.equals(HEALTH_PATH)) {
        if (method.equals("GET") || method.equals("HEAD")) {
          send(exchange, 200, "{\"status\":\"ok\"}");
        } else {
          exchange.getResponseHeaders().set("Allow", "GET, HEAD");
          send(exchange, 405, "{\"error\":\"method not allowed\"}");
        }
      } else if (!requested.equals(path)) {
        send(exchange, 404, "{\"error\":\"not found\"}");
      } else if (!method.equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        send(exchange, 405, "{\"error\":\"method not allowed\"}");
      } else {
        deliver(exchange);
      }
    }
  }

  private void deliver(HttpExchange exchange) throws IOException {
    byte[] body = readBody(exchange);
    if (body == null) {
      refuse(exchange, 413, "body over " + MAX_BODY + " bytes");
      return;
    }
    WebhookDelivery delivery;
    try {
      delivery = webhooks.verify(body, name -> exchange.getRequestHeaders().getFirst(name));
    } catch (WebhookVerificationException e) {
      switch (e.getReason()) {
        case BAD_SIGNATURE:
          refuse(exchange, 401, "the signature does not verify");
          break;
        case NO_KEY:
          refuse(exchange, 503, Archive.oneLine(String.valueOf(e.getMessage())));
          break;
        case MALFORMED_PAYLOAD:
          refuse(exchange, 400, "the signed body is not a webhook event");
          break;
        default:
          refuse(exchange, 400, e.getReason() == WebhookVerificationException.Reason.MISSING_SIGNATURE
              ? "no signature" : "the signature is not one base64 value");
          break;
      }
      return;
    }
    String key = key(delivery.getDeliveryId(), body);
    String recording = recordingToArchive(delivery);
    // A duplicate needs no room; admit answers it once its first line is on disk.
    if (recording != null && (journal.has(key) || journal.isArchived(recording))) {
      recording = null;
    }
    if (recording != null && !workers.tryReserve()) {
      refuse(exchange, 503, "every archive worker is busy and the queue is full");
      return;
    }
    DeliveryJournal.Admission admission;
    try {
      admission = journal.admit(key, delivery.getEventName(), recording, clock.instant());
    } catch (IOException e) {
      if (recording != null) {
        workers.release();
      }
      refuse(exchange, 503, Failure.cannotWrite("write", journal.path(), e).getMessage());
      return;
    }
    if (recording != null) {
      if (admission == DeliveryJournal.Admission.ACCEPTED) {
        workers.submit(new DeliveryJournal.Pending(key, recording));
      } else {
        workers.release();
      }
    }
    send(exchange, 200, admission == DeliveryJournal.Admission.ACCEPTED ? "{\"status\":\"accepted\"}"
        : "{\"status\":\"duplicate\"}");
  }

  /** The recording a delivery asks to archive: that of a {@code recording.statusUpdate} to UPLOADED. */
  private static String recordingToArchive(WebhookDelivery delivery) {
    if (delivery.getEvent() instanceof RecordingStatusUpdate) {
      RecordingStatusUpdate update = (RecordingStatusUpdate) delivery.getEvent();
      if (RecordingStatus.UPLOADED.equals(update.getRecording().getStatus())) {
        return update.getRecording().getId().toString();
      }
    }
    return null;
  }

  /** The delivery's {@code rtk-uuid} when it has a plain one, else the body's SHA-256. */
  static String key(String deliveryId, byte[] body) {
    if (deliveryId != null && deliveryId.matches("[A-Za-z0-9._:-]{1,128}")) {
      return deliveryId;
    }
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The body when within the limit; null, having read no more than the limit, when over it. A body of
   * a declared length is read into an array of that length; one without (chunked) in pieces, then
   * copied into one: at most two bodies' worth of memory per exchange thread, however many come.
   */
  private static byte[] readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    InputStream in = exchange.getRequestBody();
    if (declared != null) {
      long length;
      try {
        length = Long.parseLong(declared.trim());
      } catch (NumberFormatException overLongsRange) {
        return null;
      }
      if (length < 0 || length > MAX_BODY) {
        return null;
      }
      byte[] body = new byte[(int) length];
      int read = in.readNBytes(body, 0, body.length);
      return read == body.length ? body : Arrays.copyOf(body, read);
    }
    byte[] body = in.readNBytes(MAX_BODY + 1);
    return body.length > MAX_BODY ? null : body;
  }

  /** Answers a refusal, and logs it in one line: who, what, why; never the body or the signature. */
  private void refuse(HttpExchange exchange, int status, String why) throws IOException {
    refusals.refused(status + " to " + exchange.getRemoteAddress().getAddress().getHostAddress() + ": " + why);
    if (status == 413) {
      exchange.getResponseHeaders().set("Connection", "close");
    }
    send(exchange, status, "{\"error\":\"" + why.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
