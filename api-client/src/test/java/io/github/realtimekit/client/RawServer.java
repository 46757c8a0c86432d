package io.github.realtimekit.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server that misbehaves on purpose: each connection's request head is read and
 * recorded, then the handler writes whatever bytes it likes, as slowly as it likes. Bounded: it
 * stops with the test.
 */
public final class RawServer implements AutoCloseable {

  /** Writes a response, or not, to one connection. */
  public interface Handler {
    void handle(List<String> requestHead, OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket socket;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "raw-server");
    t.setDaemon(true);
    return t;
  });
  public final List<List<String>> requests = new CopyOnWriteArrayList<>();
  public final AtomicInteger connections = new AtomicInteger();
  /** Set once a handler's write fails because the client went away. */
  public final List<IOException> writeFailures = new CopyOnWriteArrayList<>();

  public RawServer(Handler handler) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.execute(() -> {
      while (!socket.isClosed()) {
        try {
          Socket s = socket.accept();
          connections.incrementAndGet();
          pool.execute(() -> serve(s, handler));
        } catch (IOException closed) {
          return;
        }
      }
    });
  }

  private void serve(Socket s, Handler handler) {
    try (s) {
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
      List<String> head = new ArrayList<>();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        head.add(line);
      }
      if (head.isEmpty()) {
        return;
      }
      requests.add(head);
      handler.handle(head, s.getOutputStream());
      s.getOutputStream().flush();
    } catch (IOException e) {
      writeFailures.add(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/client/v4";
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** The request line of the n-th request, such as {@code GET /path HTTP/1.1}. */
  public String requestLine(int n) {
    return requests.get(n).get(0);
  }

  public static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** A complete response with a JSON body. */
  public static Handler json(int status, String body) {
    return (head, out) -> write(out, "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
  }

  @Override
  public void close() throws IOException {
    socket.close();
    pool.shutdownNow();
  }
}
