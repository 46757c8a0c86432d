package io.github.realtimekit.benchmarks;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.function.Function;

/**
 * An HTTP/1.1 server on 127.0.0.1 for measuring downloads: one file sent with {@code sendfile}
 * ({@link FileChannel#transferTo} onto the socket), with {@code Content-Length} and {@code Range}
 * ({@code bytes=N-}), and small JSON answers for every other path. A thread per connection, keep-alive.
 */
final class FileServer implements Closeable {

  private final ServerSocketChannel server;
  private final Path file;
  private final String filePath;
  private final Function<String, byte[]> json;
  private final Thread acceptor;

  /**
   * Starts a server.
   *
   * @param file the file it serves
   * @param filePath the request path that gets the file
   * @param json the JSON body for any other request target (path and query), or null for 404
   */
  FileServer(Path file, String filePath, Function<String, byte[]> json) throws IOException {
    this.file = file;
    this.filePath = filePath;
    this.json = json;
    this.server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.acceptor = new Thread(this::accept, "file-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Returns {@code http://127.0.0.1:PORT}. */
  String baseUrl() throws IOException {
    return "http://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort();
  }

  private void accept() {
    while (server.isOpen()) {
      try {
        SocketChannel socket = server.accept();
        Thread connection = new Thread(() -> serve(socket), "file-server-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(SocketChannel socket) {
    try (socket; FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer in = ByteBuffer.allocate(16 * 1024);
      while (true) {
        String head = readHead(socket, in);
        if (head == null) {
          return;
        }
        String[] lines = head.split("\r\n");
        String[] request = lines[0].split(" ");
        String target = request[1];
        long from = 0;
        for (String line : lines) {
          String lower = line.toLowerCase(Locale.ROOT);
          if (lower.startsWith("range:") && lower.contains("bytes=")) {
            String spec = lower.substring(lower.indexOf("bytes=") + 6).trim();
            from = Long.parseLong(spec.substring(0, spec.indexOf('-')));
          }
        }
        if (target.equals(filePath)) {
          sendFile(socket, channel, from, request[0].equals("HEAD"));
        } else {
          byte[] body = json == null ? null : json.apply(target);
          String status = body == null ? "404 Not Found" : "200 OK";
          byte[] bytes = body == null ? new byte[0] : body;
          write(socket, ("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: "
              + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
          write(socket, bytes);
        }
      }
    } catch (IOException | RuntimeException e) {
      // The client went away.
    }
  }

  private static void sendFile(SocketChannel socket, FileChannel channel, long from, boolean head) throws IOException {
    long size = channel.size();
    if (from >= size && from > 0) {
      write(socket, ("HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */" + size
          + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      return;
    }
    String status = from > 0 ? "206 Partial Content\r\nContent-Range: bytes " + from + "-" + (size - 1) + "/" + size
        : "200 OK";
    write(socket, ("HTTP/1.1 " + status + "\r\nContent-Type: video/mp4\r\nAccept-Ranges: bytes\r\nContent-Length: "
        + (size - from) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    if (head) {
      return;
    }
    long position = from;
    while (position < size) {
      position += channel.transferTo(position, size - position, socket);
    }
  }

  /** Reads a request head up to its empty line; null when the client closed the connection first. */
  private static String readHead(SocketChannel socket, ByteBuffer in) throws IOException {
    while (true) {
      String text = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end >= 0) {
        int consumed = end + 4;
        in.flip().position(consumed);
        in.compact();
        return text.substring(0, end);
      }
      if (!in.hasRemaining() || socket.read(in) < 0) {
        return null;
      }
    }
  }

  private static void write(SocketChannel socket, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      socket.write(buffer);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
