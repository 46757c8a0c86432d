package io.github.realtimekit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.realtimekit.client.RealtimeKitJson;
import io.github.realtimekit.client.core.ControlChars;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.Sensitive;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes recordings to standard output: as an aligned table, as {@code field: value} lines, or as one
 * JSON object per line shaped as the API shapes it, properties newer than the spec included. Secrets
 * never reach the output: every property the model marks {@link Sensitive} (those the spec marks
 * {@code x-sensitive} or {@code writeOnly}) is written as {@code ***}.
 * Nor does any control character from the server: the readable forms escape them with
 * {@link ControlChars}, and the JSON escapes DEL and C1 as well as what JSON itself requires.
 */
final class Output {

  /** What a secret is written as. */
  static final String MASK = "***";

  private static final String[] COLUMNS = {"ID", "STATUS", "MEETING/SESSION", "INVOKED", "DURATION", "SIZE", "FILE"};
  private static final int MEETING = 2;
  private static final int FILE = 6;
  /** The columns cut to fit a narrow terminal, first to last, and how narrow each may get. */
  private static final int[][] CUT_ORDER = {{FILE, 8}, {MEETING, 8}};
  /** The columns left out when cutting is not enough, first to last; ID and STATUS always stay. */
  private static final int[] DROP_ORDER = {MEETING, FILE, 4, 5, 3};
  private static final String GAP = "  ";

  private final PrintStream out;
  private final Terminal terminal;

  /**
   * Creates an output that writes values whole.
   *
   * @param out where to write
   */
  Output(PrintStream out) {
    this(out, Terminal.NONE);
  }

  /**
   * Creates an output.
   *
   * @param out where to write
   * @param terminal where standard output goes: on an interactive terminal the table is fitted to its
   *     width
   */
  Output(PrintStream out, Terminal terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /**
   * The mapper of the JSON and field outputs, made on first use: the table of {@code list} needs none.
   * Configured once, then only used, so shared by every output.
   */
  private static final class Masking {
    static final ObjectMapper MAPPER = maskingMapper();
  }

  /** The client's JSON configuration, with every {@link Sensitive} value written as {@link #MASK}. */
  private static ObjectMapper maskingMapper() {
    ObjectMapper mapper = RealtimeKitJson.newObjectMapper();
    mapper.getFactory().setCharacterEscapes(JsonEscapes.INSTANCE);
    mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
      @Override
      public Object findSerializer(Annotated a) {
        return a.hasAnnotation(Sensitive.class) ? new MaskSerializer() : super.findSerializer(a);
      }
    });
    return mapper;
  }

  /** Writes any present value as {@link #MASK}; an absent one stays absent. */
  private static final class MaskSerializer extends StdSerializer<Object> {
    MaskSerializer() {
      super(Object.class);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(MASK);
    }
  }

  /**
   * Writes a model as one line of JSON, secrets masked.
   *
   * @param model a recording or any other model of the API
   */
  void jsonLine(Object model) {
    try {
      out.println(Masking.MAPPER.writeValueAsString(masked(model)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write " + model.getClass().getSimpleName() + " as JSON", e);
    }
    out.flush();
  }

  /**
   * Writes a model as one {@code field: value} line per field, nested objects indented under their
   * field, secrets masked; a list as a table of its items (see {@link ModelText}).
   *
   * @param model a recording or any other model of the API, or a list of them
   */
  void details(Object model) {
    new ModelText(out, terminal).write(masked(model));
    out.flush();
  }

  /**
   * Writes items of any model as a table of their fields, secrets masked (see
   * {@link ModelText#table(List)}).
   *
   * @param items the rows
   */
  void items(List<?> items) {
    List<JsonNode> trees = new ArrayList<>(items.size());
    items.forEach(item -> trees.add(masked(item)));
    new ModelText(out, terminal).table(trees);
    out.flush();
  }

  /**
   * Writes recordings as a table with a header line and aligned columns. On an interactive terminal
   * the table is fitted to its width: the file name column is cut first (its values end in an
   * ellipsis), then the meeting column; when that is not enough, columns are left out, meeting first,
   * then file, duration, size and invoked time. Elsewhere every value is written whole.
   *
   * @param recordings the rows
   */
  void table(List<Recording> recordings) {
    List<String[]> rows = new ArrayList<>();
    rows.add(COLUMNS);
    for (Recording r : recordings) {
      rows.add(new String[] {
          text(r.getId()),
          text(r.getStatus()),
          text(r.getMeeting() != null && r.getMeeting().getId() != null ? r.getMeeting().getId() : r.getSessionId()),
          time(r.getInvokedTime()),
          r.getRecordingDuration() == null ? "-" : duration(r.getRecordingDuration()),
          r.getFileSize() == null ? "-" : size(r.getFileSize()),
          text(r.getOutputFileName()),
      });
    }
    int[] natural = new int[COLUMNS.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        natural[i] = Math.max(natural[i], row[i].length());
      }
    }
    int[] widths = terminal.interactive() ? fit(natural, terminal.columns()) : natural;
    String ellipsis = terminal.ellipsis();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        if (widths[i] == 0) {
          continue;
        }
        String cell = row[i].length() <= widths[i] ? row[i]
            : row[i].substring(0, Math.max(0, widths[i] - ellipsis.length())) + ellipsis;
        if (line.length() > 0) {
          line.append(GAP);
        }
        line.append(cell).append(" ".repeat(widths[i] - cell.length()));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }

  /**
   * Fits columns to a width: returns each column's width, 0 for a column left out. When even ID and
   * status do not fit, they are returned whole and the terminal wraps the lines.
   */
  static int[] fit(int[] natural, int columns) {
    boolean[] dropped = new boolean[natural.length];
    for (int next = 0; ; next++) {
      int[] widths = new int[natural.length];
      int total = -GAP.length();
      for (int i = 0; i < natural.length; i++) {
        widths[i] = dropped[i] ? 0 : natural[i];
        total += dropped[i] ? 0 : natural[i] + GAP.length();
      }
      for (int[] cut : CUT_ORDER) {
        int column = cut[0];
        if (total > columns && widths[column] > cut[1]) {
          int by = Math.min(total - columns, widths[column] - cut[1]);
          widths[column] -= by;
          total -= by;
        }
      }
      if (total <= columns || next == DROP_ORDER.length) {
        return widths;
      }
      dropped[DROP_ORDER[next]] = true;
    }
  }

  /**
   * Returns a model as the JSON tree the API would send, with secrets replaced by {@code "***"}.
   *
   * @param model a model of the API
   * @return the masked tree
   */
  JsonNode masked(Object model) {
    return Masking.MAPPER.valueToTree(model);
  }

  private static String text(Object value) {
    return value == null ? "-" : ControlChars.escape(value.toString());
  }

  private static String time(OffsetDateTime time) {
    return time == null ? "-" : time.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /**
   * Formats a number of bytes for people: {@code 512 B}, {@code 1.5 KiB}, {@code 3.2 GiB}.
   *
   * @param bytes 0 or more
   * @return the size in the largest binary unit that keeps the number at 1 or more
   */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /**
   * Formats a number of seconds as {@code m:ss} or {@code h:mm:ss}.
   *
   * @param seconds 0 or more
   * @return the duration
   */
  static String duration(long seconds) {
    long h = seconds / 3600;
    long m = (seconds % 3600) / 60;
    long s = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }

  /**
   * JSON's own escapes, and every other character {@link ControlChars} escapes too (DEL, C1, the line
   * separators and the bidirectional controls): JSON does not require it, but a terminal obeys them.
   */
  private static final class JsonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    static final JsonEscapes INSTANCE = new JsonEscapes();

    private final int[] escapes;

    private JsonEscapes() {
      escapes = standardAsciiEscapesForJSON();
      escapes[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ControlChars.isControl(ch) ? new SerializedString(ControlChars.escape(String.valueOf((char) ch))) : null;
    }
  }
}
