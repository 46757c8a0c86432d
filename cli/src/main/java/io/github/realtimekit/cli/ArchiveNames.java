package io.github.realtimekit.cli;

import io.github.realtimekit.client.RecordingDownloader;
import io.github.realtimekit.model.Recording;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of archived files: the recording's id, then its {@code output_file_name} reduced to one
 * safe path component. The id makes the name unique and keeps it from being {@code .}, {@code ..}, a
 * hidden file or the manifest; the name adds only letters, digits, {@code .}, {@code _} and {@code -}.
 */
final class ArchiveNames {

  private static final int MAX_NAME = 120;
  private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z0-9]{1,5}$");

  private ArchiveNames() {
  }

  /**
   * Returns the file name for one of a recording's files.
   *
   * @param id the recording's id
   * @param outputFileName the API's file name; may be null
   * @param kind which file
   * @param url the file's URL, whose extension an audio file (or a file without a name) takes; may be null
   * @return {@code ID-NAME} for the recording, {@code ID-audio-STEM.EXT} for its audio
   */
  static String fileName(UUID id, String outputFileName, RecordingDownloader.Kind kind, URI url) {
    String name = sanitise(outputFileName);
    String urlExtension = extension(url == null || url.getPath() == null ? "" : url.getPath());
    if (kind == RecordingDownloader.Kind.AUDIO) {
      String stem = name.isEmpty() ? "" : stem(name);
      return id + "-audio" + (stem.isEmpty() ? "" : "-" + stem) + urlExtension;
    }
    if (name.isEmpty()) {
      return id + urlExtension;
    }
    return id + "-" + name + (extension(name).isEmpty() ? urlExtension : "");
  }

  /**
   * Returns the file name for one of a recording's files.
   *
   * @param recording the recording, with an id
   * @param kind which file
   * @return see {@link #fileName(UUID, String, RecordingDownloader.Kind, URI)}
   */
  static String fileName(Recording recording, RecordingDownloader.Kind kind) {
    return fileName(recording.getId(), recording.getOutputFileName(), kind, kind.url(recording).orElse(null));
  }

  /**
   * Reduces a name from the API to one safe path component: its last segment after {@code /} or
   * {@code \}, every other character than letters, digits, {@code .}, {@code _} and {@code -} as
   * {@code _}, no leading dots or dashes, at most 120 characters (keeping its extension).
   *
   * @param name the API's file name; may be null
   * @return the safe name, possibly empty
   */
  static String sanitise(String name) {
    if (name == null) {
      return "";
    }
    String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder b = new StringBuilder(Math.min(last.length(), 2 * MAX_NAME));
    for (int i = 0; i < last.length() && b.length() < 4 * MAX_NAME; i++) {
      char c = last.charAt(i);
      boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
          || c == '_' || c == '-';
      b.append(safe ? c : '_');
    }
    String s = b.toString().replaceAll("_{2,}", "_").replaceAll("^[.\\-_]+", "").replaceAll("[._]+$", "");
    if (s.length() > MAX_NAME) {
      String ext = extension(s);
      s = s.substring(0, MAX_NAME - ext.length()) + ext;
    }
    return s;
  }

  private static String extension(String name) {
    String last = name.substring(name.lastIndexOf('/') + 1);
    Matcher m = EXTENSION.matcher(last);
    return m.find() && m.start() > 0 ? m.group() : "";
  }

  private static String stem(String name) {
    String ext = extension(name);
    return name.substring(0, name.length() - ext.length());
  }
}
