package io.github.realtimekit.client;

import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * A response body read whole, at most the client's limit: the bytes are handed to the JSON parser as
 * they are, without the copy a stream would make.
 */
final class BytesBody implements Response.Body {

  private final byte[] bytes;
  private final int length;

  BytesBody(byte[] bytes, int length) {
    this.bytes = bytes;
    this.length = length;
  }

  static final BytesBody EMPTY = new BytesBody(new byte[0], 0);

  /** The backing array; only the first {@link #size()} bytes are the body. */
  byte[] array() {
    return bytes;
  }

  int size() {
    return length;
  }

  @Override
  public Integer length() {
    return length;
  }

  @Override
  public boolean isRepeatable() {
    return true;
  }

  @Override
  public InputStream asInputStream() {
    return new ByteArrayInputStream(bytes, 0, length);
  }

  @Override
  public Reader asReader(Charset charset) {
    return new InputStreamReader(asInputStream(), charset);
  }

  @Override
  public void close() {
  }

  /** The body of any Feign response, as bytes. */
  static BytesBody of(Response response) {
    Response.Body body = response.body();
    if (body == null) {
      return EMPTY;
    }
    if (body instanceof BytesBody) {
      return (BytesBody) body;
    }
    try (InputStream in = body.asInputStream()) {
      byte[] all = in.readAllBytes();
      return new BytesBody(all, all.length);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
