package io.github.realtimekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Response bodies built from the examples the spec documents, read here on their own. */
final class Examples {

  static final UUID RECORDING = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
  static final String BASE_PATH = "/client/v4";
  static final String LIST_PATH = BASE_PATH + "/accounts/" + Cli.ACCOUNT + "/realtime/kit/" + Cli.APP + "/recordings";

  /** Secrets put in the storage config of test bodies: none may appear in any output. */
  static final List<String> SECRET_VALUES = List.of("AKIA-test-access-key", "test-secret-value", "test-password-value",
      "-----BEGIN TEST PRIVATE KEY-----");

  private static final JsonNode SPEC = load();

  private Examples() {
  }

  static String onePath(UUID id) {
    return LIST_PATH + "/" + id;
  }

  private static JsonNode load() {
    try (InputStream in = Examples.class.getClassLoader()
        .getResourceAsStream("io/github/realtimekit/openapi/realtimekit-recordings.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode example(String name) {
    return SPEC.path("components").path("examples").path(name).path("value").deepCopy();
  }

  /** The documented list item with another id, and recognisable secrets in its storage config. */
  static ObjectNode recording(UUID id) {
    ObjectNode item = (ObjectNode) example("GetAllRecordings").get("data").get(0);
    item.put("id", id.toString());
    ObjectNode storage = (ObjectNode) item.get("storage_config");
    storage.put("access_key", SECRET_VALUES.get(0));
    storage.put("secret", SECRET_VALUES.get(1));
    storage.put("password", SECRET_VALUES.get(2));
    storage.put("private_key", SECRET_VALUES.get(3));
    return item;
  }

  /** The get_one_recording envelope around a recording. */
  static String one(UUID id, Consumer<ObjectNode> change) {
    ObjectNode body = example("GetOneRecording");
    ObjectNode data = recording(id);
    change.accept(data);
    body.set("data", data);
    return body.toString();
  }

  /** A page holding these recordings, with 1-based inclusive offsets. */
  static String page(List<UUID> ids, long startOffset, long totalCount) {
    ObjectNode body = example("GetAllRecordings");
    ArrayNode data = body.putArray("data");
    ids.forEach(id -> data.add(recording(id)));
    ObjectNode paging = (ObjectNode) body.get("paging");
    paging.put("start_offset", startOffset);
    paging.put("end_offset", ids.isEmpty() ? startOffset - 1 : startOffset + ids.size() - 1);
    paging.put("total_count", totalCount);
    return body.toString();
  }
}
