package io.github.realtimekit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.realtimekit.client.RealtimeKitJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --body FILE|-} option of a command whose operation takes a request body: the whole body
 * as JSON, from a file or standard input. The command's options for the body's top-level fields are
 * laid over it, so {@code --body base.json --meeting-id ID} sends the file with {@code meeting_id}
 * replaced. A mixin: only the commands with a body have the option.
 */
public final class BodyInput {

  /** The largest body read: a request body is small, and a mistaken file should not fill memory. */
  static final int MAX_BYTES = 4 * 1024 * 1024;

  @Option(names = "--body", paramLabel = "FILE|-",
      description = "The request body as JSON, from a file or - for standard input; the options for its "
          + "fields replace the values it gives")
  String source;

  /**
   * Builds the request body: the JSON of {@code --body}, or an empty object, with each given field
   * replaced, read as the operation's body model.
   *
   * @param type the body's model class
   * @param fields the values of the options for the body's fields, by JSON name; a null value leaves
   *     the field as {@code --body} gives it
   * @param in standard input, read for {@code --body -}
   * @return the body
   * @throws Failure {@link ExitCode#USAGE} when the file cannot be read or the JSON does not fit the model
   */
  <T> T read(Class<T> type, Map<String, Object> fields, InputStream in) {
    return read(type, fields, Map.of(), in);
  }

  /** As {@link #read(Class, Map, InputStream)}, naming a missing required field by its option. */
  <T> T read(Class<T> type, Map<String, Object> fields, Map<String, String> options, InputStream in) {
    ObjectMapper mapper = RealtimeKitJson.newObjectMapper();
    ObjectNode body = source == null ? mapper.createObjectNode() : parse(mapper, bytes(in));
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      if (field.getValue() != null) {
        body.set(field.getKey(), mapper.valueToTree(field.getValue()));
      }
    }
    try {
      return mapper.treeToValue(body, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      for (Map.Entry<String, String> option : options.entrySet()) {
        if (!body.has(option.getKey()) && message.contains("." + option.getKey() + " is required")) {
          throw new Failure(ExitCode.USAGE, option.getValue() + " is required (the body's " + option.getKey()
              + (source == null ? ")" : "; not in --body either)") + "; nothing was sent", e);
        }
      }
      throw new Failure(ExitCode.USAGE, "--body: the request body does not fit " + type.getSimpleName() + ": "
          + firstLine(e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
              : e.getMessage()) + "; nothing was sent", e);
    }
  }

  private byte[] bytes(InputStream in) {
    boolean stdin = source.equals("-");
    String from = stdin ? "standard input" : source;
    try (InputStream stream = stdin ? InputStream.nullInputStream() : Files.newInputStream(Path.of(source))) {
      byte[] bytes = (stdin ? in : stream).readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new Failure(ExitCode.USAGE, "--body: " + from + " holds more than " + MAX_BYTES
            + " bytes, too large for a request body; nothing was sent", null);
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new Failure(ExitCode.USAGE, "--body: no such file: " + source + "; nothing was sent", e);
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new Failure(ExitCode.USAGE, "--body: cannot read " + from + ": " + e.getMessage() + "; nothing was sent", e);
    }
  }

  private ObjectNode parse(ObjectMapper mapper, byte[] bytes) {
    JsonNode tree;
    try {
      tree = mapper.readTree(bytes);
    } catch (IOException e) {
      throw new Failure(ExitCode.USAGE, "--body: not JSON: " + firstLine(e instanceof JsonProcessingException
          ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage()) + "; nothing was sent", e);
    }
    if (tree == null || !tree.isObject()) {
      throw new Failure(ExitCode.USAGE, "--body: expected a JSON object, got "
          + (tree == null || tree.isMissingNode() ? "nothing" : tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT))
          + "; nothing was sent", null);
    }
    return (ObjectNode) tree;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /**
   * A request body in the making: the values of the options for its fields, then {@link #build()}.
   *
   * @param <T> the body's model
   */
  public static final class Body<T> {
    private final BodyInput input;
    private final Class<T> type;
    private final InputStream in;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, String> options = new LinkedHashMap<>();

    Body(BodyInput input, Class<T> type, InputStream in) {
      this.input = input;
      this.type = type;
      this.in = in;
    }

    /**
     * Sets a top-level field from its option.
     *
     * @param jsonName the field's name in the JSON, such as {@code meeting_id}
     * @param value the option's value; null when the option was not given
     * @return this body
     */
    public Body<T> with(String jsonName, Object value) {
      fields.put(jsonName, value);
      return this;
    }

    /**
     * Sets a top-level field from its option, named in the message when a required field is missing.
     *
     * @param jsonName the field's name in the JSON, such as {@code meeting_id}
     * @param option the option that sets it, such as {@code --meeting}
     * @param value the option's value; null when the option was not given
     * @return this body
     */
    public Body<T> with(String jsonName, String option, Object value) {
      options.put(jsonName, option);
      return with(jsonName, value);
    }

    /**
     * Reads {@code --body} and lays the fields over it.
     *
     * @return the body, as the operation's model
     */
    public T build() {
      return input.read(type, fields, options, in);
    }
  }
}
