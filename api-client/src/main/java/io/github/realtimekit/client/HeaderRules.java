package io.github.realtimekit.client;

import io.github.realtimekit.client.core.SafeText;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which headers a caller may add to a request, per call ({@link RequestOptions}) or from a stage
 * ({@link StageRequest#withHeader}): none that the client sets itself or that frames the exchange.
 */
final class HeaderRules {

  /**
   * Refused in any case: the credential and the client's identity, which the client sets on every
   * attempt, and what the HTTP layer frames the exchange with.
   */
  static final Set<String> REFUSED = Set.of("authorization", "proxy-authorization", "user-agent", "host",
      "content-length", "transfer-encoding", "connection", "expect", "upgrade", "te", "trailer", "keep-alive");

  private HeaderRules() {
  }

  /** Why a header may not be added, or null when it may. */
  static @Nullable String problem(String name, String value) {
    if (name.isEmpty() || !name.chars().allMatch(HeaderRules::isTokenChar)) {
      return "must be a header name (letters, digits and !#$%&'*+-.^_`|~)";
    }
    if (REFUSED.contains(name.toLowerCase(Locale.ROOT))) {
      return "must not be set by the caller: the client sets " + name + " itself";
    }
    if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
      return "must not contain line breaks or control characters";
    }
    return null;
  }

  /** A header's value as a violation shows it: quoted, escaped, and never the value of a refused name. */
  static String shown(String name, String value) {
    return REFUSED.contains(name.toLowerCase(Locale.ROOT)) ? "\"" + SafeText.MASK + "\""
        : "\"" + SafeText.escapeControls(value) + "\"";
  }

  /** A header's name as a violation shows it, escaped. */
  static String shownName(String name) {
    return SafeText.escapeControls(name);
  }

  private static boolean isTokenChar(int c) {
    return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
  }
}
