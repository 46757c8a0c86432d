package io.github.realtimekit.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The proxy of a session: {@code --proxy URL}, or the conventional environment variables, as curl
 * reads them.
 *
 * <ul>
 *   <li>{@code --proxy http://[user:password@]host[:port]} sends everything through that proxy; the
 *       port defaults to 1080, as in curl.
 *   <li>Without it, {@code https_proxy} or {@code HTTPS_PROXY} for https URLs, {@code http_proxy} or
 *       {@code HTTP_PROXY} for http ones (lower case first).
 *   <li>{@code no_proxy} or {@code NO_PROXY}: a comma-separated list of hosts, each matching itself
 *       and its subdomains ({@code example.com} and {@code .example.com} alike; {@code host:port}
 *       only that port), or {@code *} for every host. It applies to {@code --proxy} too.
 *   <li>Loopback hosts ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) never go through a
 *       proxy, as in Go's HTTP client: the built-in mock, for one, answers there.
 * </ul>
 *
 * <p>A message about a proxy URL never shows its user name or password.
 */
final class ProxySettings {

  /**
   * A proxy and its credentials.
   *
   * @param selector chooses the proxy of each URL
   * @param user the user name, or null for none
   * @param password the password, or null for none
   */
  record Resolved(ProxySelector selector, String user, char[] password) {
  }

  private ProxySettings() {
  }

  /**
   * The proxy of a session.
   *
   * @param option {@code --proxy}, or null
   * @param env the environment
   * @return the proxy, or null when none is configured
   * @throws Failure with {@link ExitCode#USAGE} for a URL that is not an http proxy's, naming where it came from
   */
  static Resolved resolve(String option, Map<String, String> env) {
    String noProxy = firstSet(env, "no_proxy", "NO_PROXY");
    List<String> exempt = noProxy == null ? List.of() : parseNoProxy(env.get(noProxy));
    Endpoint forHttp;
    Endpoint forHttps;
    if (option != null) {
      forHttp = parse("--proxy", option);
      forHttps = forHttp;
    } else {
      String httpName = firstSet(env, "http_proxy", "HTTP_PROXY");
      String httpsName = firstSet(env, "https_proxy", "HTTPS_PROXY");
      forHttp = httpName == null ? null : parse(httpName, env.get(httpName));
      forHttps = httpsName == null ? null : parse(httpsName, env.get(httpsName));
    }
    if (forHttp == null && forHttps == null) {
      return null;
    }
    Endpoint credentials = forHttps != null && forHttps.user != null ? forHttps : forHttp;
    if (forHttp != null && forHttps != null && forHttp.user != null && forHttps.user != null
        && !(forHttp.user.equals(forHttps.user) && forHttp.password.equals(forHttps.password))) {
      throw new Failure(ExitCode.USAGE, forHttp.source + " and " + forHttps.source
          + " name different proxy credentials; one user and password for both is supported", null);
    }
    return new Resolved(new Selector(forHttp, forHttps, exempt),
        credentials == null ? null : credentials.user,
        credentials == null || credentials.user == null ? null : credentials.password.toCharArray());
  }

  /** The name of the first variable set and not blank, or null. */
  private static String firstSet(Map<String, String> env, String... names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return name;
      }
    }
    return null;
  }

  /** A proxy's address and credentials, and where it was configured. */
  private record Endpoint(String source, String host, int port, String user, String password) {
  }

  private static Endpoint parse(String source, String text) {
    String value = text.trim();
    String rule = source + ": must be an http proxy's URL, http://[user:password@]host[:port]";
    if (!value.contains("://")) {
      value = "http://" + value;
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new Failure(ExitCode.USAGE, rule + "; it is not a URL", null);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http")) {
      throw new Failure(ExitCode.USAGE, rule + "; " + scheme + ":// proxies are not supported", null);
    }
    if (uri.getHost() == null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()
        && !uri.getRawPath().equals("/")) || uri.getRawQuery() != null) {
      throw new Failure(ExitCode.USAGE, rule + "; it has no host, or has a path or query", null);
    }
    String user = null;
    String password = null;
    String info = uri.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      user = URLDecoder.decode(colon < 0 ? info : info.substring(0, colon), StandardCharsets.UTF_8);
      password = colon < 0 ? "" : URLDecoder.decode(info.substring(colon + 1), StandardCharsets.UTF_8);
    }
    int port = uri.getPort() < 0 ? 1080 : uri.getPort();
    return new Endpoint(source, uri.getHost(), port, user, password);
  }

  private static List<String> parseNoProxy(String value) {
    List<String> entries = new ArrayList<>();
    for (String entry : value.split(",")) {
      String e = entry.trim().toLowerCase(Locale.ROOT);
      if (e.startsWith("*.")) {
        e = e.substring(1);
      }
      if (e.startsWith(".")) {
        e = e.substring(1);
      }
      if (!e.isEmpty()) {
        entries.add(e);
      }
    }
    return List.copyOf(entries);
  }

  /** Whether a host (and port) is exempt from the proxy. */
  static boolean exempt(String host, int port, List<String> noProxy) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")) {
      return true;
    }
    for (String entry : noProxy) {
      if (entry.equals("*")) {
        return true;
      }
      String name = entry;
      int colon = entry.lastIndexOf(':');
      if (colon > 0 && entry.indexOf(':') == colon) {
        name = entry.substring(0, colon);
        if (!entry.substring(colon + 1).equals(String.valueOf(port))) {
          continue;
        }
      }
      if (h.equals(name) || h.endsWith("." + name)) {
        return true;
      }
    }
    return false;
  }

  /** Chooses by scheme and {@code NO_PROXY}. */
  private static final class Selector extends ProxySelector {
    private final Endpoint forHttp;
    private final Endpoint forHttps;
    private final List<String> noProxy;

    Selector(Endpoint forHttp, Endpoint forHttps, List<String> noProxy) {
      this.forHttp = forHttp;
      this.forHttps = forHttps;
      this.noProxy = noProxy;
    }

    @Override
    public List<Proxy> select(URI uri) {
      String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
      Endpoint endpoint = scheme.equals("https") ? forHttps : scheme.equals("http") ? forHttp : null;
      int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
      if (endpoint == null || uri.getHost() == null || exempt(uri.getHost(), port, noProxy)) {
        return List.of(Proxy.NO_PROXY);
      }
      return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(endpoint.host(), endpoint.port())));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
      // The call's own error says what failed.
    }

    @Override
    public String toString() {
      Endpoint shown = forHttps != null ? forHttps : forHttp;
      return "proxy " + shown.host() + ":" + shown.port();
    }
  }
}
