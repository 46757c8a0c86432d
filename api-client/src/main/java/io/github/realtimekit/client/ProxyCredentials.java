package io.github.realtimekit.client;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.util.Arrays;
import java.util.Objects;

/**
 * The authenticators {@link RealtimeKitClientBuilder} gives its HttpClient: each answers the proxy
 * only ({@link Authenticator.RequestorType#PROXY}), so that a proxy's password never goes to the API,
 * whatever the API answers. None shows a credential in its {@code toString()}.
 */
final class ProxyCredentials {

  private ProxyCredentials() {
  }

  /** A fixed user name and password, for any proxy that asks. */
  static Authenticator basic(String user, char[] password) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (user.isEmpty() || user.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == ':')) {
      throw new IllegalArgumentException("proxy user: must not be empty, nor hold ':' or control characters");
    }
    char[] kept = Arrays.copyOf(password, password.length);
    return new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return getRequestorType() == RequestorType.PROXY ? new PasswordAuthentication(user, kept.clone()) : null;
      }

      @Override
      public String toString() {
        return "ProxyCredentials[****]";
      }
    };
  }

  /** The caller's authenticator, asked for the proxy only. */
  static Authenticator proxyOnly(Authenticator delegate) {
    return new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        if (getRequestorType() != RequestorType.PROXY) {
          return null;
        }
        return delegate.requestPasswordAuthenticationInstance(getRequestingHost(), getRequestingSite(),
            getRequestingPort(), getRequestingProtocol(), getRequestingPrompt(), getRequestingScheme(),
            getRequestingURL(), getRequestorType());
      }

      @Override
      public String toString() {
        return "ProxyCredentials[" + delegate.getClass().getName() + "]";
      }
    };
  }
}
