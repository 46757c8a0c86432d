package io.github.realtimekit.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@code CONNECT} proxy on 127.0.0.1 for https through a tunnel: reads each request head, records
 * its first line, connects to the target on the loopback address whatever host it names, answers
 * {@code 200} and copies bytes both ways. Its threads are daemons; {@link #close()} stops it.
 */
final class TunnelProxy implements AutoCloseable {

  private final ServerSocket socket;
  final List<String> requestLines = new CopyOnWriteArrayList<>();

  TunnelProxy() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon(this::accept);
  }

  int port() {
    return socket.getLocalPort();
  }

  private static void daemon(Runnable task) {
    Thread t = new Thread(task, "tunnel-proxy");
    t.setDaemon(true);
    t.start();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        daemon(() -> tunnel(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void tunnel(Socket client) {
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      String head = readHead(in);
      String line = head.lines().findFirst().orElse("");
      requestLines.add(line);
      String[] parts = line.split(" ");
      if (parts.length < 2 || !parts[0].equals("CONNECT")) {
        client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        return;
      }
      int port = Integer.parseInt(parts[1].substring(parts[1].lastIndexOf(':') + 1));
      try (Socket target = new Socket(InetAddress.getLoopbackAddress(), port)) {
        client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
        daemon(() -> copy(in, out(target)));
        copy(target.getInputStream(), client.getOutputStream());
      }
    } catch (IOException gone) {
      // Either side closed: the tunnel ends.
    }
  }

  private static OutputStream out(Socket s) {
    try {
      return s.getOutputStream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void copy(InputStream from, OutputStream to) {
    try {
      from.transferTo(to);
      to.flush();
    } catch (IOException gone) {
      // Either side closed.
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int matched = 0;
    while (matched < 4 && head.length() < 16_384) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
