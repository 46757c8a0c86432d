package io.github.realtimekit.client.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a file or directory could not be written, in words: the one form of every such message, the
 * client's downloads and the command-line tool alike, {@code cannot write PATH: REASON}.
 *
 * <p>{@code PATH} is the path the caller gave, never a temporary file beside it. {@code REASON} is the
 * operating system's reason, such as "permission denied", "no space left on device", "is a
 * directory", "not a directory", "file exists", "read-only file system", without the paths a
 * {@link FileSystemException} repeats and without the exception's type; when the exception carries
 * no reason, its type says it ("permission denied" for an {@link AccessDeniedException}).
 *
 * <p>Runtime SPI: public so that the client's other packages and the tool can reach it; not meant for
 * applications, and it may change in any release.
 */
public final class FileErrors {

  private FileErrors() {
  }

  /**
   * The message for a path that could not be written.
   *
   * @param verb what could not be done: {@code write}, {@code create}
   * @param path the path the caller gave
   * @param e the failure
   * @return {@code cannot VERB PATH: REASON}, control characters escaped
   */
  public static String message(String verb, Path path, IOException e) {
    return "cannot " + verb + " " + SafeText.escapeControls(String.valueOf(path)) + ": " + reason(e);
  }

  /**
   * The reason an I/O failure on a file gives, in words.
   *
   * @param e the failure
   * @return the reason, in lower case, on one line, control characters escaped
   */
  public static String reason(IOException e) {
    String reason = e instanceof FileSystemException ? ((FileSystemException) e).getReason() : e.getMessage();
    if (reason == null || reason.isBlank()) {
      return byType(e);
    }
    String text = reason.replaceAll("\\s+", " ").strip();
    if (text.endsWith(".")) {
      text = text.substring(0, text.length() - 1);
    }
    // "No space left on device" as a phrase of a sentence; "EACCES" or "I/O error" stay as they are.
    if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
      text = text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
    return SafeText.escapeControls(text);
  }

  private static String byType(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "file exists";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "directory not empty";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    return e.getClass().getSimpleName();
  }
}
