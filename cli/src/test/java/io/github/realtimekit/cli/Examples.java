package io.github.realtimekit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.realtimekit.fixtures.SpecExamples;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Response bodies built from the examples the spec documents, with recognisable secrets in them. */
final class Examples {

  static final UUID RECORDING = UUID.fromString("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
  static final String BASE_PATH = "/client/v4";
  static final String LIST_PATH = BASE_PATH + "/accounts/" + Cli.ACCOUNT + "/realtime/kit/" + Cli.APP + "/recordings";

  /** Secrets put in the storage config of test bodies: none may appear in any output. */
  static final List<String> SECRET_VALUES = List.of("AKIA-test-access-key", "test-secret-value", "test-password-value",
      "-----BEGIN TEST PRIVATE KEY-----");

  private Examples() {
  }

  static String onePath(UUID id) {
    return LIST_PATH + "/" + id;
  }

  static ObjectNode example(String name) {
    return (ObjectNode) SpecExamples.example(name);
  }

  /** The documented list item with another id, and recognisable secrets in its storage config. */
  static ObjectNode recording(UUID id) {
    ObjectNode item = SpecExamples.recording(id);
    ObjectNode storage = (ObjectNode) item.get("storage_config");
    storage.put("access_key", SECRET_VALUES.get(0));
    storage.put("secret", SECRET_VALUES.get(1));
    storage.put("password", SECRET_VALUES.get(2));
    storage.put("private_key", SECRET_VALUES.get(3));
    return item;
  }

  /** The get_one_recording envelope around a recording. */
  static String one(UUID id, Consumer<ObjectNode> change) {
    ObjectNode data = recording(id);
    change.accept(data);
    return SpecExamples.oneRecording(data).toString();
  }

  /** A page holding these recordings, with 1-based inclusive offsets. */
  static String page(List<UUID> ids, long startOffset, long totalCount) {
    return SpecExamples.page(ids.stream().map(Examples::recording).toList(), startOffset, totalCount).toString();
  }
}
