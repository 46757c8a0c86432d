package io.github.realtimekit.openapi.upstream;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads and writes OpenAPI documents as plain trees of maps, lists and scalars, in document order.
 *
 * <p>Reading follows YAML 1.2's core schema: only {@code true}/{@code false}, numbers and
 * {@code null} are typed, so {@code on}, {@code yes} or an unquoted date stay the strings they are
 * in a YAML 1.2 document (SnakeYAML's YAML 1.1 defaults would turn them into booleans and dates).
 * Cloudflare's full schema is about 17 million characters, far over SnakeYAML's default limit of
 * 3 MB, so the limit is lifted. Writing quotes every string a YAML 1.1 reader could mistake.
 */
final class Yaml12 {

  private Yaml12() {
  }

  /** The tags of YAML 1.2's core schema, and nothing else. */
  static final class CoreSchemaResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
      addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$"),
          "-+0123456789");
      addImplicitResolver(Tag.FLOAT, Pattern.compile(
          "^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\\.(?:inf|Inf|INF)$|^\\.(?:nan|NaN|NAN)$"),
          "-+0123456789.");
      addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL)$"), "~nN\0");
      addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
    }
  }

  private static Yaml reader() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setMaxAliasesForCollections(1_000);
    DumperOptions unused = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(unused), unused, options, new CoreSchemaResolver());
  }

  /** Writes block style, two-space indents, sequences indented under their key, long lines kept whole. */
  private static Yaml writer() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(Integer.MAX_VALUE);
    options.setSplitLines(false);
    options.setLineBreak(DumperOptions.LineBreak.UNIX);
    Representer representer = new Representer(options) {
      @Override
      protected Node representScalar(Tag tag, String value, DumperOptions.ScalarStyle style) {
        // Text of several lines as a literal block, as the schema itself writes descriptions.
        boolean multiline = Tag.STR.equals(tag) && value.indexOf('\n') >= 0;
        return super.representScalar(tag, value, multiline ? DumperOptions.ScalarStyle.LITERAL : style);
      }
    };
    return new Yaml(representer, options);
  }

  /**
   * Reads a document whose root is a mapping.
   *
   * @param file the YAML (or JSON) file
   * @return its root mapping, keys in document order
   * @throws IOException when the file cannot be read
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object root = reader().load(in);
      if (!(root instanceof Map)) {
        throw new IllegalArgumentException(file + " is not a YAML mapping");
      }
      return (Map<String, Object>) root;
    }
  }

  /**
   * Reads a document from text.
   *
   * @param text the YAML
   * @return its root mapping
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String text) {
    return (Map<String, Object>) reader().load(text);
  }

  /**
   * Writes a tree as YAML.
   *
   * @param tree maps, lists and scalars
   * @return the YAML text
   */
  static String write(Object tree) {
    return writer().dump(tree);
  }
}
