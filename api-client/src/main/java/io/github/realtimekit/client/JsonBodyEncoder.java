package io.github.realtimekit.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a request body as JSON with the client's own {@link ObjectMapper}
 * ({@link RealtimeKitJson}), once per call: the bytes are kept in the request and every attempt
 * sends the same ones, with {@code Content-Type: application/json}.
 *
 * <p>A body is bounded: one that would exceed {@link #MAX_BODY_BYTES} is refused as an invalid
 * argument after writing at most that much, before anything is sent. Nothing here logs or keeps the
 * body, which may carry storage credentials; a failure names the body's type, never its content.
 */
final class JsonBodyEncoder implements Encoder {

  /** The largest request body written; the API's requests are a few kilobytes. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private final ObjectMapper mapper;
  private final OperationIndex operations;
  private final int maxBytes;

  JsonBodyEncoder(ObjectMapper mapper, OperationIndex operations, int maxBytes) {
    this.mapper = mapper;
    this.operations = operations;
    this.maxBytes = maxBytes;
  }

  @Override
  public void encode(Object body, Type bodyType, RequestTemplate template) {
    BoundedBytes out = new BoundedBytes(maxBytes);
    try {
      mapper.writeValue(out, body);
    } catch (IOException e) {
      if (tooLarge(e)) {
        throw new InvalidArgumentException(operation(template), List.of(new InvalidArgumentException.Violation(
            "body", "must be at most " + maxBytes + " bytes of JSON", "more")));
      }
      throw new EncodeException("The request body (" + body.getClass().getSimpleName()
          + ") could not be written as JSON: " + e.getClass().getSimpleName());
    }
    template.removeHeader("Content-Type");
    template.header("Content-Type", "application/json");
    template.body(out.toByteArray(), StandardCharsets.UTF_8);
  }

  private static boolean tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TooLarge) {
        return true;
      }
    }
    return false;
  }

  private String operation(RequestTemplate template) {
    return template.methodMetadata() == null ? "request"
        : operations.forMethod(template.methodMetadata().method().getName()).getName();
  }

  /** Thrown, without a stack trace, when the body outgrows its bound. */
  private static final class TooLarge extends IOException {
    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  /** A byte buffer that refuses to grow past its bound. */
  private static final class BoundedBytes extends OutputStream {
    private final int max;
    private byte[] bytes = new byte[512];
    private int size;

    BoundedBytes(int max) {
      this.max = max;
    }

    @Override
    public void write(int b) throws IOException {
      ensure(1);
      bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      ensure(len);
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }

    private void ensure(int more) throws TooLarge {
      if (more > max - size) {
        throw new TooLarge();
      }
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, (int) Math.min(max, Math.max((long) bytes.length * 2, size + more)));
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }
  }
}
