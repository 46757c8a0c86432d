package io.github.realtimekit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Response bodies built from the documented examples in the spec. */
final class Pages {

  static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  static final String APP = "9a7806061c88ada191ed06f989cc3dac";
  static final UUID RECORDING = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");

  private static final JsonNode EXAMPLES = load();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Pages() {
  }

  /** The documented get_one_recording response. */
  static byte[] oneRecording() {
    return bytes(EXAMPLES.get("GetOneRecording").get("value"));
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

  private static ObjectNode pageNode(int size, long startOffset, long totalCount) {
    ObjectNode page = EXAMPLES.get("GetAllRecordings").get("value").deepCopy();
    JsonNode item = page.get("data").get(0);
    ArrayNode data = JSON.createArrayNode();
    for (int i = 0; i < size; i++) {
      ObjectNode copy = item.deepCopy();
      copy.put("id", new UUID(0x5ec0_0000_0000_4000L, 0x8000_0000_0000_0000L | i).toString());
      data.add(copy);
    }
    // Keep the documented key order: data, paging, success.
    ObjectNode ordered = JSON.createObjectNode();
    ordered.set("data", data);
    ObjectNode paging = ordered.putObject("paging");
    paging.put("end_offset", startOffset + size - 1);
    paging.put("start_offset", startOffset);
    paging.put("total_count", totalCount);
    ordered.set("success", page.get("success"));
    return ordered;
  }

  private static byte[] bytes(JsonNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode load() {
    try (InputStream in = Pages.class.getResourceAsStream("/io/github/realtimekit/openapi/realtimekit-recordings.yaml")) {
      return new YAMLMapper().readTree(in).get("components").get("examples");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
