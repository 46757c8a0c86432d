package io.github.realtimekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The recordings the mock has created, at most {@link #MAX_KEPT}, the oldest dropped first; and how
 * each one's status moves on with time: a status its {@code settle} rule names moves on after
 * {@link Config#settle()} on the injected clock, and entering a status sets the fields its
 * {@code on-status} rule names that are not set yet (see the spec's {@code x-realtimekit-mock}).
 * With a file, the recordings outlive the process: each command of the tool runs its own mock, and
 * the next command finds what the previous one started. A file that cannot be read (too large, not
 * the mock's) is ignored; one that cannot be written only keeps the state in memory.
 */
final class MockState {

  /** How many recordings are kept. */
  static final int MAX_KEPT = 1000;
  private static final long MAX_FILE_BYTES = 16L << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * How the mock's recordings live.
   *
   * @param clock the mock's clock
   * @param settle how long a status named in a {@code settle} rule lasts
   * @param file where the recordings are kept between processes, or null to keep them in memory
   */
  record Config(Clock clock, Duration settle, Path file) {
    /** The system clock, three seconds, in memory. */
    static final Config DEFAULT = new Config(Clock.systemUTC(), Duration.ofSeconds(3), null);
  }

  /** One recording: the object answered, the fields it is found by, the rules it lives by. */
  static final class Kept {
    final ObjectNode object;
    final Map<String, String> keys;
    final JsonNode rules;
    Instant since;

    Kept(ObjectNode object, Map<String, String> keys, JsonNode rules, Instant since) {
      this.object = object;
      this.keys = keys;
      this.rules = rules;
      this.since = since;
    }

    String status() {
      return object.path("status").asText("");
    }
  }

  private final Config config;
  private final Deque<Kept> kept = new ArrayDeque<>();

  MockState(Config config) {
    this.config = config;
    if (config.file() != null) {
      load(config.file());
    }
  }

  Instant now() {
    return config.clock().instant();
  }

  /**
   * Returns the recordings, newest first, each settled to now. Hold the lock of this object.
   *
   * @param fileUrl the URL of the file the mock serves for a recording id
   * @return a copy of the list
   */
  List<Kept> all(Function<String, String> fileUrl) {
    Instant now = now();
    List<Kept> newestFirst = new ArrayList<>();
    kept.descendingIterator().forEachRemaining(k -> {
      settle(k, now, fileUrl);
      newestFirst.add(k);
    });
    return newestFirst;
  }

  /** Keeps a new recording, dropping the oldest over the bound, and saves. */
  void add(Kept recording) {
    kept.addLast(recording);
    while (kept.size() > MAX_KEPT) {
      kept.removeFirst();
    }
    save();
  }

  /**
   * Moves a recording to a status, setting the fields its {@code on-status} rule names for it.
   *
   * @param recording the recording
   * @param status its new status
   * @param at when it enters it
   * @param fileUrl the URL of the file the mock serves for a recording id
   */
  void enter(Kept recording, String status, Instant at, Function<String, String> fileUrl) {
    recording.object.put("status", status);
    recording.since = at;
    // Only fields not set yet: a resume after a pause keeps the time the recording first started.
    recording.rules.path("on-status").path(status).properties().stream()
        .filter(field -> !recording.object.hasNonNull(field.getKey()))
        .forEach(field -> set(recording.object, field.getKey(), field.getValue(), at, fileUrl));
  }

  private void settle(Kept recording, Instant now, Function<String, String> fileUrl) {
    for (int steps = 0; steps < 16; steps++) {
      JsonNode next = recording.rules.path("settle").path(recording.status());
      Instant due = recording.since.plus(config.settle());
      if (!next.isTextual() || now.isBefore(due)) {
        return;
      }
      enter(recording, next.asText(), due, fileUrl);
    }
  }

  /**
   * Sets a field from a rule's value: {@code uuid} a new id, {@code now} or {@code now+DURATION} a
   * time, {@code file} the URL of the file the mock serves, a text with {@code {id}} the object's id
   * in its place; any other value as it is.
   */
  static void set(ObjectNode object, String field, JsonNode rule, Instant at, Function<String, String> fileUrl) {
    if (!rule.isTextual()) {
      object.set(field, rule.deepCopy());
      return;
    }
    String text = rule.asText();
    String id = object.path("id").asText("");
    if (text.equals("uuid")) {
      object.put(field, UUID.randomUUID().toString());
    } else if (text.equals("file")) {
      object.put(field, fileUrl.apply(id));
    } else if (text.equals("now") || text.startsWith("now+")) {
      Instant time = at;
      try {
        time = text.equals("now") ? at : at.plus(Duration.parse(text.substring(4)));
      } catch (DateTimeParseException notADuration) {
        // As now.
      }
      object.put(field, time.truncatedTo(ChronoUnit.MILLIS).toString());
    } else {
      object.put(field, text.replace("{id}", id));
    }
  }

  private void load(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
        return;
      }
      for (JsonNode item : JSON.readTree(file.toFile()).path("recordings")) {
        if (item.path("object").isObject() && item.path("rules").isObject()) {
          Map<String, String> keys = new LinkedHashMap<>();
          item.path("keys").properties().forEach(e -> keys.put(e.getKey(), e.getValue().asText()));
          kept.addLast(new Kept((ObjectNode) item.get("object"), keys, item.get("rules"),
              Instant.parse(item.path("since").asText())));
        }
      }
      while (kept.size() > MAX_KEPT) {
        kept.removeFirst();
      }
    } catch (IOException | RuntimeException unreadable) {
      kept.clear();
    }
  }

  /** Writes the recordings to the file, if there is one, replacing it whole. */
  void save() {
    Path file = config.file();
    if (file == null) {
      return;
    }
    ObjectNode root = JSON.createObjectNode();
    ArrayNode recordings = root.putArray("recordings");
    for (Kept k : kept) {
      ObjectNode item = recordings.addObject();
      item.set("object", k.object);
      item.set("keys", JSON.valueToTree(k.keys));
      item.set("rules", k.rules);
      item.put("since", k.since.toString());
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".mock-recordings", ".tmp");
      try {
        Files.write(temp, JSON.writeValueAsBytes(root));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException | RuntimeException unwritable) {
      // Kept in memory for this process only.
    }
  }
}
