package io.github.realtimekit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The tool's version, from the build. */
final class ToolVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {RecordingsCli.NAME + " " + version()};
  }

  /**
   * Returns the version the build wrote.
   *
   * @return the version, or {@code unknown}
   */
  static String version() {
    Properties p = new Properties();
    try (InputStream in = RecordingsCli.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // Unknown version.
    }
    return p.getProperty("version", "unknown");
  }
}
