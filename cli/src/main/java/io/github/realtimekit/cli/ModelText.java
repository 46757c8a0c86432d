package io.github.realtimekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.realtimekit.client.core.ControlChars;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes any model of the API readably, from the JSON tree the API would send (secrets already
 * masked by {@link Output}): one {@code field: value} line per field with nested objects indented
 * under their field, or, for a list of items, an aligned table of their fields. Every name and value
 * from the server has its control characters escaped ({@link ControlChars}).
 */
final class ModelText {

  private static final String GAP = "  ";
  /** What an absent or null value is written as. */
  private static final String NONE = "-";

  private final PrintStream out;
  private final Terminal terminal;

  ModelText(PrintStream out, Terminal terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /**
   * Writes a tree: an object as {@code field: value} lines, an array as a table of its items, a
   * scalar as one line, null or missing as nothing.
   *
   * @param tree the masked tree of a model
   */
  void write(JsonNode tree) {
    if (tree == null || tree.isNull() || tree.isMissingNode()) {
      return;
    }
    if (tree.isObject()) {
      fields(tree, "");
    } else if (tree.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      tree.forEach(items::add);
      table(items);
    } else {
      out.println(ControlChars.escape(tree.asText()));
    }
  }

  /**
   * Writes an object's fields, one line each, nested objects indented under their field and arrays as
   * {@code -} items.
   *
   * @param object an object node
   * @param indent what each line starts with
   */
  void fields(JsonNode object, String indent) {
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      String label = indent + ControlChars.escape(name);
      if (value.isObject()) {
        out.println(label + ":");
        fields(value, indent + "  ");
      } else if (value.isArray()) {
        out.println(label + ":");
        for (JsonNode item : value) {
          if (item.isObject()) {
            out.println(indent + "  -");
            fields(item, indent + "    ");
          } else {
            out.println(indent + "  - " + ControlChars.escape(item.asText()));
          }
        }
      } else {
        out.println(label + ": " + ControlChars.escape(scalar(name, value)));
      }
    }
  }

  /**
   * Writes items as a table: a header of the field names, then one aligned line per item. The columns
   * are the items' scalar fields, and the scalar fields of their nested objects named with dots
   * ({@code meeting.id}), in the order they first appear; arrays are left out (the JSON output has
   * them). Items that are not objects are written one per line. On an interactive terminal, columns
   * are left out from the right until the table fits, the first always kept; elsewhere every column
   * is written whole.
   *
   * @param items the items, as masked trees
   */
  void table(List<JsonNode> items) {
    if (items.isEmpty()) {
      return;
    }
    if (!items.stream().allMatch(JsonNode::isObject)) {
      items.forEach(item -> out.println(ControlChars.escape(item.isValueNode() ? item.asText() : item.toString())));
      return;
    }
    Set<String> columns = new LinkedHashSet<>();
    items.forEach(item -> columnsOf(item, "", columns));
    List<String> names = new ArrayList<>(columns);
    List<String[]> rows = new ArrayList<>();
    rows.add(names.stream().map(ControlChars::escape).toArray(String[]::new));
    for (JsonNode item : items) {
      String[] row = new String[names.size()];
      for (int i = 0; i < row.length; i++) {
        JsonNode value = at(item, names.get(i));
        row[i] = value == null || value.isNull() ? NONE : ControlChars.escape(value.asText());
      }
      rows.add(row);
    }
    int[] widths = new int[names.size()];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    int shown = widths.length;
    if (terminal.interactive()) {
      int total = -GAP.length();
      for (int w : widths) {
        total += w + GAP.length();
      }
      while (shown > 1 && total > terminal.columns()) {
        shown--;
        total -= widths[shown] + GAP.length();
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < shown; i++) {
        if (i > 0) {
          line.append(GAP);
        }
        line.append(row[i]).append(" ".repeat(widths[i] - row[i].length()));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static void columnsOf(JsonNode object, String prefix, Set<String> columns) {
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      JsonNode value = field.getValue();
      if (value.isObject()) {
        columnsOf(value, prefix + field.getKey() + ".", columns);
      } else if (!value.isArray()) {
        columns.add(prefix + field.getKey());
      }
    }
  }

  /** The value at a dotted column name; field names with dots of their own are matched whole first. */
  private static JsonNode at(JsonNode object, String column) {
    JsonNode whole = object.get(column);
    if (whole != null) {
      return whole;
    }
    int dot = column.indexOf('.');
    while (dot > 0) {
      JsonNode child = object.get(column.substring(0, dot));
      if (child != null && child.isObject()) {
        JsonNode value = at(child, column.substring(dot + 1));
        if (value != null) {
          return value;
        }
      }
      dot = column.indexOf('.', dot + 1);
    }
    return null;
  }

  private static String scalar(String name, JsonNode value) {
    if (value.isNull()) {
      return NONE;
    }
    if (value.canConvertToLong() && value.isIntegralNumber()) {
      if (name.equals("file_size")) {
        return value.asLong() + " (" + Output.size(value.asLong()) + ")";
      }
      if (name.equals("recording_duration")) {
        return value.asLong() + " (" + Output.duration(value.asLong()) + ")";
      }
    }
    return value.asText();
  }
}
