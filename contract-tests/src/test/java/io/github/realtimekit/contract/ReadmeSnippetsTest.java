package io.github.realtimekit.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of the README compiles against the client as built, so the README cannot drift
 * from the API. A snippet's imports stay imports; the rest becomes the body of a method that has a
 * {@code client}, an {@code accountId}, an {@code appId} and a {@code recordingId} in scope.
 */
class ReadmeSnippetsTest {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  static List<String> snippets() throws IOException {
    Path readme = Path.of("").toAbsolutePath();
    while (readme != null && !Files.exists(readme.resolve("README.md").resolveSibling("mvnw"))) {
      readme = readme.getParent();
    }
    assertTrue(readme != null, "the project's README.md");
    String text = Files.readString(readme.resolve("README.md"), StandardCharsets.UTF_8);
    List<String> snippets = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(text);
    while (m.find()) {
      snippets.add(m.group(1));
    }
    return snippets;
  }

  static String wrap(int n, String snippet) {
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (String line : snippet.split("\n")) {
      (line.startsWith("import ") ? imports : body).append(line).append('\n');
    }
    return imports
        + "import io.github.realtimekit.client.*;\n"
        + "import io.github.realtimekit.client.errors.*;\n"
        + "import io.github.realtimekit.model.*;\n"
        + "import java.io.*;\n"
        + "import java.nio.file.*;\n"
        + "import java.time.*;\n"
        + "import java.util.*;\n"
        + "class Snippet" + n + " {\n"
        + "  RealtimeKitClient client;\n"
        + "  String accountId = \"a\", appId = \"b\", recordingId = \"c\";\n"
        + "  void run() throws Exception {\n" + body + "  }\n}\n";
  }

  @Test
  void everyJavaSnippetOfTheReadmeCompiles() throws IOException {
    List<String> snippets = snippets();
    assertFalse(snippets.isEmpty(), "the README has Java snippets");
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < snippets.size(); i++) {
      String code = wrap(i + 1, snippets.get(i));
      sources.add(new SimpleJavaFileObject(URI.create("string:///Snippet" + (i + 1) + ".java"),
          JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return code;
        }
      });
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out = Files.createTempDirectory("readme-snippets");
    boolean ok = compiler.getTask(null, null, diagnostics, List.of("-proc:none", "-d", out.toString(),
        "-classpath", System.getProperty("java.class.path")), null, sources).call();
    StringBuilder report = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        report.append(d.getSource() == null ? "" : d.getSource().getName()).append(':').append(d.getLineNumber())
            .append(": ").append(d.getMessage(Locale.ROOT)).append('\n');
      }
    }
    assertTrue(ok, "README snippets that do not compile:\n" + report);
  }
}
