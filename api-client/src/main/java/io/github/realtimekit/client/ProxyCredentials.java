package io.github.realtimekit.client;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A proxy's user name and password, as the {@code Proxy-Authorization: Basic} value the transport
 * sends with every request, before the proxy asks, as curl does. The JDK sends that header only to a
 * proxy (a {@code CONNECT} or an absolute-URI request) and drops it on a direct connection, so it
 * never reaches the API. No JDK {@link java.net.Authenticator} is involved: with one, the JDK turns
 * every {@code 401} of the API without a {@code WWW-Authenticate} header into an I/O error. Its
 * {@code toString()} shows no credential.
 */
final class ProxyCredentials {

  private final String header;

  private ProxyCredentials(String header) {
    this.header = header;
  }

  /** The credentials of {@link RealtimeKitClientBuilder#proxy(java.net.ProxySelector, String, char[])}. */
  static ProxyCredentials basic(String user, char[] password) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (user.isEmpty() || user.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == ':')) {
      throw new IllegalArgumentException("proxy user: must not be empty, nor hold ':' or control characters");
    }
    char[] pair = new char[user.length() + 1 + password.length];
    user.getChars(0, user.length(), pair, 0);
    pair[user.length()] = ':';
    System.arraycopy(password, 0, pair, user.length() + 1, password.length);
    java.nio.ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pair));
    byte[] raw = new byte[bytes.remaining()];
    bytes.get(raw);
    Arrays.fill(pair, '\0');
    String header = "Basic " + Base64.getEncoder().encodeToString(raw);
    Arrays.fill(raw, (byte) 0);
    return new ProxyCredentials(header);
  }

  /** The value of {@code Proxy-Authorization}. */
  String header() {
    return header;
  }

  @Override
  public String toString() {
    return "ProxyCredentials[****]";
  }
}
