package io.github.realtimekit.specfirst;

import java.io.IOException;
import java.io.StringWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a consumer's sources against a classpath and loads them with it, in a class loader whose
 * parent is the platform's: nothing of this build's own client is visible to it.
 */
final class ConsumerRun {

  private ConsumerRun() {
  }

  /** Compiles every {@code .java} under {@code sources} into {@code classes}; fails with the compiler's messages. */
  static void compile(Path sources, List<Path> classpath, Path classes) throws IOException {
    ProjectCopy.deleteRecursively(classes);
    Files.createDirectories(classes);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none",
        "-d", classes.toString(), "-classpath", join(classpath));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter messages = new StringWriter();
    boolean compiled;
    try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      compiled = compiler.getTask(messages, fileManager, null, options, null,
          fileManager.getJavaFileObjectsFromPaths(files)).call();
    }
    if (!compiled) {
      throw new AssertionError("the consumer did not compile against the client built from the spec:\n" + messages);
    }
  }

  /** A class loader over {@code classpath}, with the platform class loader as parent. */
  static URLClassLoader loader(List<Path> classpath) {
    URL[] urls = classpath.stream().map(ConsumerRun::url).toArray(URL[]::new);
    return new URLClassLoader("consumer", urls, ClassLoader.getPlatformClassLoader());
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(path.toString(), e);
    }
  }

  private static String join(List<Path> classpath) {
    return classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
  }
}
