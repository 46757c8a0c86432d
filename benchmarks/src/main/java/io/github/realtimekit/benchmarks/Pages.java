package io.github.realtimekit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.realtimekit.fixtures.SpecExamples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Response bodies built from the documented examples in the spec, as bytes a server sends. */
final class Pages {

  static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  static final String APP = "9a7806061c88ada191ed06f989cc3dac";
  static final UUID RECORDING = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");

  private Pages() {
  }

  /** The documented get_one_recording response. */
  static byte[] oneRecording() {
    return bytes(SpecExamples.example(SpecExamples.GET_ONE_RECORDING));
  }

  /** A page of {@code size} copies of the documented list item, each with its own id. */
  static byte[] page(int size, long startOffset, long totalCount) {
    return bytes(pageNode(size, startOffset, totalCount));
  }

  /**
   * The bytes of a page of {@code size} recordings up to its paging object, so a server can finish it
   * with any offsets without building the whole page again.
   */
  static String pagePrefix(int size) {
    String whole = pageNode(size, 1, size).toString();
    return whole.substring(0, whole.indexOf("\"paging\":"));
  }

  /** The rest of a page whose prefix is {@link #pagePrefix(int)}. */
  static String pageSuffix(long startOffset, long endOffset, long totalCount) {
    return "\"paging\":{\"end_offset\":" + endOffset + ",\"start_offset\":" + startOffset
        + ",\"total_count\":" + totalCount + "},\"success\":true}";
  }

  private static JsonNode pageNode(int size, long startOffset, long totalCount) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ids.add(SpecExamples.nthId(i));
    }
    return SpecExamples.pageOf(ids, startOffset, totalCount);
  }

  private static byte[] bytes(JsonNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
