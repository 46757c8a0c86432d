package io.github.realtimekit.contract;

import java.util.List;
import java.util.Map;

/**
 * FALLBACKS, TO DELETE once the spec carries the client's vendor extensions. Each method answers
 * what the spec should say itself, for a spec without the extension; {@link SpecOperation} asks
 * here only when the extension is absent. To delete: remove this class, make its two call sites in
 * {@code SpecOperation.read} use the extension alone (name: the operationId in lowerCamelCase;
 * from-client: null), and the one in {@code OperationCalls.items} call {@code getItems()} alone.
 */
final class ExtensionFallbacks {

  /** Released Java names, which the spec will state with {@code x-realtimekit-name}. */
  private static final Map<String, String> RELEASED_NAMES = Map.of(
      "get_one_recording", "getRecording",
      "get_all_recordings", "listRecordings");

  /**
   * Path parameters the client fills, which the spec will mark with {@code x-realtimekit-from-client}:
   * here known by the name of the {@code components/parameters} entry they refer to.
   */
  private static final Map<String, String> CLIENT_FILLED_REFS = Map.of(
      "#/components/parameters/account_id", "accountId",
      "#/components/parameters/app_id", "appId");

  /** The getters a page's items are read from: the generic page's first, then the page class of today's client. */
  static final List<String> PAGE_ITEM_GETTERS = List.of("getItems", "getRecordings");

  private ExtensionFallbacks() {
  }

  /** The Java name of an operation without {@code x-realtimekit-name}. */
  static String javaName(String operationId, String derived) {
    return RELEASED_NAMES.getOrDefault(operationId, derived);
  }

  /** The client setting that fills a path parameter without {@code x-realtimekit-from-client}, or null. */
  static String fromClient(String ref) {
    return CLIENT_FILLED_REFS.get(ref);
  }
}
