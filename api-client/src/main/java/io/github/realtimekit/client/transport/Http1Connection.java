package io.github.realtimekit.client.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 connection of {@link Http1Transport}: a socket, plain or TLS, with its own read buffer.
 * Reads what a server sends within bounds: a line of at most {@link #MAX_LINE} bytes, a head of at most
 * {@link #MAX_HEAD} bytes. Closing it from another thread (the {@link Watchdog}) ends a blocked read or
 * write at once.
 */
final class Http1Connection {

  /** The longest status line, header line or chunk-size line read. */
  static final int MAX_LINE = 8 * 1024;

  /** The most bytes of status line and headers read for one response. */
  static final int MAX_HEAD = 64 * 1024;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;
  private long idleSince;

  private Http1Connection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /**
   * Connects.
   *
   * @param host the host
   * @param port the port
   * @param tls the TLS sockets, or null for plain http
   * @param connectMillis the connect timeout
   * @param handshakeMillis how long the TLS handshake may wait for each read
   * @param watched the exchange, whose socket the watchdog closes when it must end
   * @return the connection
   * @throws IOException if it cannot be made; {@link HttpConnectTimeoutException} for the connect timeout
   */
  static Http1Connection open(String host, int port, @Nullable SSLSocketFactory tls, int connectMillis,
      int handshakeMillis, Watchdog.Watched watched) throws IOException {
    Socket socket = new Socket();
    watched.ending(() -> closeQuietly(socket));
    try {
      socket.setTcpNoDelay(true);
      try {
        socket.connect(new InetSocketAddress(host, port), connectMillis);
      } catch (SocketTimeoutException e) {
        HttpConnectTimeoutException timedOut = new HttpConnectTimeoutException("connect timed out");
        timedOut.initCause(e);
        throw timedOut;
      }
      if (tls == null) {
        return new Http1Connection(socket);
      }
      SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, port, true);
      watched.ending(() -> closeQuietly(ssl));
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      parameters.setApplicationProtocols(new String[] {"http/1.1"});
      ssl.setSSLParameters(parameters);
      ssl.setSoTimeout(handshakeMillis);
      ssl.startHandshake();
      return new Http1Connection(ssl);
    } catch (IOException | RuntimeException e) {
      closeQuietly(socket);
      throw e;
    }
  }

  /** Sets how long each read may wait. */
  void readTimeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  /** Writes bytes, unbuffered: a request's head and body go out in one or two writes. */
  void write(byte[] bytes, int off, int len) throws IOException {
    out.write(bytes, off, len);
  }

  void flush() throws IOException {
    out.flush();
  }

  /**
   * Reads a line, without its CRLF (or bare LF).
   *
   * @param what what the line is, for the message when it is too long
   * @return the line, as ISO-8859-1
   * @throws EOFException if the connection ends before the line does
   */
  String readLine(String what) throws IOException {
    int start = position;
    int scanned = position;
    while (true) {
      for (; scanned < limit; scanned++) {
        if (buffer[scanned] == '\n') {
          if (scanned - start > MAX_LINE) {
            throw new IOException("the server sent a " + what + " longer than " + MAX_LINE + " bytes");
          }
          int end = scanned > start && buffer[scanned - 1] == '\r' ? scanned - 1 : scanned;
          String line = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
          position = scanned + 1;
          return line;
        }
      }
      if (scanned - start >= MAX_LINE) {
        throw new IOException("the server sent a " + what + " longer than " + MAX_LINE + " bytes");
      }
      if (start > 0) {
        System.arraycopy(buffer, start, buffer, 0, limit - start);
        limit -= start;
        scanned -= start;
        position = 0;
        start = 0;
      }
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        throw new EOFException("the connection was closed before a complete response (EOF)");
      }
      limit += n;
    }
  }

  /**
   * Reads body bytes: what the buffer holds first, then straight from the socket into the caller's array.
   *
   * @return the bytes read, or -1 at the end of the connection
   */
  int read(byte[] b, int off, int len) throws IOException {
    if (position < limit) {
      int n = Math.min(len, limit - position);
      System.arraycopy(buffer, position, b, off, n);
      position += n;
      return n;
    }
    return in.read(b, off, len);
  }

  /** True when the server has closed a connection that sat idle, or sent something unasked. */
  boolean isStale() {
    if (position < limit) {
      return true;
    }
    try {
      int timeout = socket.getSoTimeout();
      socket.setSoTimeout(1);
      try {
        int n = in.read(buffer, 0, buffer.length);
        if (n > 0) {
          limit = n;
          position = 0;
        }
        return true;
      } finally {
        socket.setSoTimeout(timeout);
      }
    } catch (SocketTimeoutException idle) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  long idleSince() {
    return idleSince;
  }

  void idleSince(long nanos) {
    idleSince = nanos;
  }

  void close() {
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing: nothing more to do with it.
    }
  }
}
