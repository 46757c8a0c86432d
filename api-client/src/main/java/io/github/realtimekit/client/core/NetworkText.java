package io.github.realtimekit.client.core;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import org.jspecify.annotations.Nullable;

/**
 * What a connection's failure means, in words, for {@link ErrorMapper}: the JDK's own exceptions say
 * {@code ConnectException} for a name that does not resolve, and {@code PKIX path building failed}
 * for a certificate it does not trust. Each kind is read from the whole cause chain.
 */
final class NetworkText {

  /** What the advice for a certificate the JVM does not trust says to do. */
  static final String TRUST_ITS_CA = "trust its CA, through RealtimeKitClientBuilder.sslContext(...) with an "
      + "SSLContext that trusts it (the CLI: --ca-cert FILE)";

  /** A kind of failure, with its message: {@code head} before " calling op", {@code why} in parentheses. */
  enum Kind {
    UNKNOWN_HOST, REFUSED, RESET, CONNECT_TIMEOUT, UNTRUSTED, EXPIRED, WRONG_NAME, TLS_REFUSED, OTHER
  }

  private NetworkText() {
  }

  /** The kind of an I/O failure of a connection, from its whole cause chain. */
  static Kind kind(IOException e) {
    boolean handshake = false;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return Kind.UNKNOWN_HOST;
      }
      if (t instanceof HttpConnectTimeoutException) {
        return Kind.CONNECT_TIMEOUT;
      }
      if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
        return Kind.EXPIRED;
      }
      if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
        return Kind.UNTRUSTED;
      }
      String m = t.getMessage() == null ? "" : t.getMessage();
      if (t instanceof java.security.cert.CertificateException
          && (m.startsWith("No subject alternative") || m.startsWith("No name matching"))) {
        return Kind.WRONG_NAME;
      }
      handshake |= t instanceof SSLHandshakeException;
      if (handshake && isNothingInCommon(m)) {
        return Kind.TLS_REFUSED;
      }
    }
    if (e instanceof ConnectException) {
      return Kind.REFUSED;
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ClosedChannelException || isReset(t.getMessage())) {
        return Kind.RESET;
      }
    }
    return Kind.OTHER;
  }

  /** An alert or a local refusal that says the two sides share no TLS version or cipher suite. */
  private static boolean isNothingInCommon(String m) {
    String lower = m.toLowerCase(Locale.ROOT);
    return lower.contains("protocol_version") || lower.contains("handshake_failure")
        || lower.contains("insufficient_security") || lower.contains("no appropriate protocol")
        || lower.contains("cipher suites in common") || lower.contains("no negotiable cipher suite")
        || lower.contains("unsupported protocol");
  }

  private static boolean isReset(@Nullable String m) {
    return m != null && (m.contains("reset") || m.contains("closed") || m.contains("EOF")
        || m.contains("received no bytes"));
  }

  /**
   * A head for the middle of a sentence: its first letter in lower case, unless it starts an acronym
   * ({@code TLS}).
   */
  static String asClause(String head) {
    return head.length() > 1 && Character.isUpperCase(head.charAt(1)) ? head
        : Character.toLowerCase(head.charAt(0)) + head.substring(1);
  }

  /** What happened, before " calling op": {@code Unknown host h}, {@code Connection refused by h:p}... */
  static String head(Kind kind, String host, String where) {
    switch (kind) {
      case UNKNOWN_HOST:
        return "Unknown host " + host;
      case REFUSED:
        return "Connection refused by " + where;
      case RESET:
        return "Connection reset by " + where;
      case UNTRUSTED:
        return "TLS certificate of " + where + " not trusted";
      case EXPIRED:
        return "TLS certificate of " + where + " expired or not yet valid";
      case WRONG_NAME:
        return "TLS certificate of " + where + " is for another name";
      case TLS_REFUSED:
        return "TLS handshake with " + where + " refused";
      default:
        return "Connection to " + where + " failed";
    }
  }

  /** Why, and what to do, for the parentheses; null when only the exception's own text can say. */
  static @Nullable String why(Kind kind, String host, @Nullable String jdkText) {
    switch (kind) {
      case UNKNOWN_HOST:
        return "the name does not resolve: check the base URL, and the DNS or proxy settings";
      case REFUSED:
        return "nothing listens on that port, or a firewall refuses the connection";
      case RESET:
        return "the server or something on the way closed the connection before the response was complete";
      case UNTRUSTED:
        return "it is self-signed or issued by a certificate authority this JVM does not trust: " + TRUST_ITS_CA;
      case EXPIRED:
        return "the server's certificate is outside its validity dates, or this machine's clock is wrong";
      case WRONG_NAME:
        return "it does not name " + host + ": use the host name the certificate is issued for in the base URL, "
            + "or have the server present a certificate for " + host;
      case TLS_REFUSED:
        return "no TLS version or cipher suite that both sides accept" + (jdkText == null ? "" : ": " + jdkText);
      default:
        return null;
    }
  }
}
