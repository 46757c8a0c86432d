package io.github.realtimekit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Whether a file in an archive directory is archived: it exists under its final name, has the size
 * its manifest line records (and the recording states, when it states one), and, with {@code --verify},
 * the SHA-256 digest the line records. Every file, the recording's and its audio, is checked the same way.
 */
final class ArchivedFile {

  /** The outcome of a check. */
  record Check(boolean archived, String reason) {

    static final Check ARCHIVED = new Check(true, null);
    static final Check MISSING = new Check(false, null);

    static Check fetchAgain(String reason) {
      return new Check(false, reason);
    }
  }

  private ArchivedFile() {
  }

  /**
   * Checks a file against its manifest line.
   *
   * @param file the file under its final name
   * @param entry what the manifest records of it; null when no line names it
   * @param statedSize the size the recording states; -1 when it states none
   * @param verify whether to compare the SHA-256 digest too
   * @return archived; or not, with the reason to tell the user when the file exists
   */
  static Check check(Path file, ArchiveManifest.Entry entry, long statedSize, boolean verify) {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Check.MISSING;
    }
    String name = file.getFileName().toString();
    if (entry == null) {
      return Check.fetchAgain(name + ": not in the manifest; fetching it again");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      return Check.fetchAgain(name + ": cannot read its size (" + e.getMessage() + "); fetching it again");
    }
    if (size != entry.bytes()) {
      return Check.fetchAgain(name + ": " + size + " bytes, the manifest records " + entry.bytes()
          + "; fetching it again");
    }
    if (statedSize >= 0 && size != statedSize) {
      return Check.fetchAgain(name + ": " + size + " bytes, the recording states " + statedSize
          + "; fetching it again");
    }
    if (verify) {
      String digest;
      try {
        digest = sha256(file);
      } catch (IOException e) {
        return Check.fetchAgain(name + ": cannot read it (" + e.getMessage() + "); fetching it again");
      }
      if (!digest.equalsIgnoreCase(entry.sha256())) {
        return Check.fetchAgain(name + ": SHA-256 differs from the manifest's; fetching it again");
      }
    }
    return Check.ARCHIVED;
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

}
