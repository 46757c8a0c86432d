package io.github.realtimekit.release;

import com.sun.net.httpserver.HttpExchange;
import io.github.realtimekit.fixtures.LoopbackServer;
import io.github.realtimekit.fixtures.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the Central Publisher Portal on a {@link LoopbackServer}: accepts a deployment bundle at
 * {@code POST /api/v1/publisher/upload} (a multipart form with the zip as its one file part), keeps it,
 * and answers with a deployment id, as the Portal does. Anything else is a 404.
 */
final class CentralPortalStub implements AutoCloseable {

  /** One upload as received. */
  record Upload(String query, String authorization, byte[] bundle) {
  }

  private final LoopbackServer server;
  private final List<Upload> uploads = new CopyOnWriteArrayList<>();

  CentralPortalStub() throws IOException {
    server = LoopbackServer.http(this::handle);
  }

  String baseUrl() {
    return server.url("");
  }

  List<Upload> uploads() {
    return List.copyOf(uploads);
  }

  private void handle(RecordedRequest request, HttpExchange exchange) throws IOException {
    String contentType = String.valueOf(request.header("Content-Type"));
    if (!"POST".equals(request.method()) || !"/api/v1/publisher/upload".equals(request.path())
        || !contentType.startsWith("multipart/form-data")) {
      exchange.sendResponseHeaders(404, -1);
      return;
    }
    byte[] bundle = filePart(request.body(), contentType);
    if (bundle == null) {
      exchange.sendResponseHeaders(400, -1);
      return;
    }
    uploads.add(new Upload(request.query(), request.header("Authorization"), bundle));
    byte[] id = ("rehearsal-" + uploads.size()).getBytes(StandardCharsets.US_ASCII);
    exchange.getResponseHeaders().add("Content-Type", "text/plain");
    exchange.sendResponseHeaders(201, id.length);
    exchange.getResponseBody().write(id);
  }

  /** The content of the first part of a multipart body that carries a file name, or null. */
  static byte[] filePart(byte[] body, String contentType) {
    int at = contentType.indexOf("boundary=");
    if (at < 0) {
      return null;
    }
    String boundary = contentType.substring(at + "boundary=".length()).split(";", 2)[0].trim().replace("\"", "");
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] headerEnd = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    List<Integer> starts = new ArrayList<>();
    for (int i = indexOf(body, delimiter, 0); i >= 0; i = indexOf(body, delimiter, i + delimiter.length)) {
      starts.add(i);
    }
    for (int start : starts) {
      int headersEnd = indexOf(body, headerEnd, start);
      if (headersEnd < 0) {
        return null;
      }
      String headers = new String(body, start, headersEnd - start, StandardCharsets.ISO_8859_1);
      int contentStart = headersEnd + headerEnd.length;
      int contentEnd = indexOf(body, nextDelimiter, contentStart);
      if (headers.contains("filename=") && contentEnd > 0) {
        return Arrays.copyOfRange(body, contentStart, contentEnd);
      }
    }
    return null;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(from, 0); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    server.close();
  }
}
