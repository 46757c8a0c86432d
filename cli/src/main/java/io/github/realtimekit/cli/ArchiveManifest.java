package io.github.realtimekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.jsonl} in an archive directory: one line of JSON per archived file, appended and
 * flushed to disk before the file takes its final name, so every file under a final name has its line.
 *
 * <p>Lines are written in one piece and flushed, those of a group of files together
 * ({@link ArchiveCommits}); a crash can at worst leave the last line incomplete,
 * and opening the manifest drops such a line (it described a file that never got its name). A later
 * line for the same file supersedes an earlier one. The manifest is locked while open, so two archives
 * never write the same directory at once.
 *
 * <p>Opening reads what each line records, the size and SHA-256 of each file by name, so that every
 * run can check the files already archived against it (a few dozen bytes of memory per file).
 */
final class ArchiveManifest implements AutoCloseable {

  /** What the manifest records of one archived file. */
  record Entry(long bytes, String sha256) {
  }

  /** The manifest's file name, in the archive directory. */
  static final String NAME = "manifest.jsonl";

  private static final int BLOCK = 8192;

  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;
  private final long droppedBytes;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, Entry> entries;
  private long flushes;

  private ArchiveManifest(Path path, FileChannel channel, FileLock lock, long droppedBytes, Map<String, Entry> entries) {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
    this.droppedBytes = droppedBytes;
    this.entries = entries;
  }

  /**
   * Locks a file of a directory for this process alone: one writer at a time, across processes.
   *
   * @param channel the file, open for writing
   * @param path its path, for the message
   * @param writer the command that writes it, for the message
   * @return the lock
   * @throws IOException if the lock cannot be asked for
   * @throws IllegalStateException if another process (or another writer here) holds it
   */
  static FileLock lock(FileChannel channel, Path path, String writer) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new IllegalStateException("another " + writer + " is writing " + path);
    }
    return lock;
  }

  /**
   * Opens (or creates) the manifest of a directory, locks it, and drops an incomplete last line.
   *
   * @param dir the archive directory, which exists
   * @return the open manifest; close it when done
   * @throws IOException if it cannot be created, read or written
   * @throws IllegalStateException if another process holds it
   */
  static ArchiveManifest open(Path dir) throws IOException {
    Path path = dir.resolve(NAME);
    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      FileLock lock = lock(channel, path, "archive");
      long dropped = dropIncompleteLastLine(channel);
      return new ArchiveManifest(path, channel, lock, dropped, read(channel));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Reads every line's file, size and digest, a later line for a file superseding an earlier one; a
   * line that is not such a record is passed over. Reads through the locked channel itself, which
   * stays open.
   */
  private static Map<String, Entry> read(FileChannel channel) throws IOException {
    InputStream in = from(channel);
    Map<String, Entry> entries = new HashMap<>();
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      JsonNode node;
      try {
        node = MAPPER.readTree(line);
      } catch (IOException e) {
        continue;
      }
      if (node != null && node.path("file").isTextual() && node.path("bytes").canConvertToLong()
          && node.path("sha256").isTextual()) {
        entries.put(node.get("file").asText(), new Entry(node.get("bytes").asLong(), node.get("sha256").asText()));
      }
    }
    return entries;
  }

  /** Reads a channel from its start, without closing or moving it: the lines of a locked file. */
  static InputStream from(FileChannel channel) {
    return new InputStream() {
      private long position;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = channel.read(ByteBuffer.wrap(b, off, len), position);
        if (n > 0) {
          position += n;
        }
        return n;
      }
    };
  }

  /**
   * Returns what the manifest records of a file.
   *
   * @param file the file's name in the directory
   * @return its size and digest, or null when no line names it
   */
  synchronized Entry entry(String file) {
    return entries.get(file);
  }

  /**
   * Truncates a file of lines after its last newline, flushing the cut to disk, and returns how many
   * bytes that dropped: what a crash in the middle of an append left. The webhook journal opens the
   * same way ({@link DeliveryJournal}).
   */
  static long dropIncompleteLastLine(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size == 0) {
      return 0;
    }
    ByteBuffer block = ByteBuffer.allocate(BLOCK);
    long end = size;
    while (end > 0) {
      long from = Math.max(0, end - BLOCK);
      block.clear().limit((int) (end - from));
      long at = from;
      while (block.hasRemaining()) {
        int n = channel.read(block, at);
        if (n < 0) {
          throw new IOException("the file shrank while being read");
        }
        at += n;
      }
      for (int i = block.position() - 1; i >= 0; i--) {
        if (block.get(i) == '\n') {
          long keep = from + i + 1;
          if (keep < size) {
            channel.truncate(keep);
            channel.force(true);
          }
          return size - keep;
        }
      }
      end = from;
    }
    channel.truncate(0);
    channel.force(true);
    return size;
  }

  /**
   * Returns how many bytes of an incomplete last line opening dropped.
   *
   * @return 0 when the manifest was whole
   */
  long droppedBytes() {
    return droppedBytes;
  }

  Path path() {
    return path;
  }

  /** One archived file's line: what {@link #appendAll} writes. */
  record Line(String id, String kind, String file, long bytes, String sha256, OffsetDateTime invokedTime,
      Instant archivedAt) {
  }

  /**
   * Appends files' lines in one write and flushes them to disk with one flush: the lines of a group of
   * files committed together ({@link ArchiveCommits}). A failure cuts the manifest back to where it was;
   * a crash can leave some of the lines and at worst an incomplete last one, which opening drops.
   *
   * @param lines the lines, one per file
   * @throws IOException if they cannot be written or flushed
   */
  synchronized void appendAll(List<Line> lines) throws IOException {
    StringBuilder text = new StringBuilder(lines.size() * 300);
    for (Line l : lines) {
      ObjectNode line = MAPPER.createObjectNode();
      line.put("id", l.id());
      line.put("kind", l.kind());
      line.put("file", l.file());
      line.put("bytes", l.bytes());
      line.put("sha256", l.sha256());
      if (l.invokedTime() != null) {
        line.put("invoked_time", l.invokedTime().toString());
      }
      line.put("archived_at", l.archivedAt().toString());
      text.append(MAPPER.writeValueAsString(line)).append('\n');
    }
    ByteBuffer bytesOut = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    long start = channel.size();
    long position = start;
    try {
      while (bytesOut.hasRemaining()) {
        position += channel.write(bytesOut, position);
      }
      channel.force(true);
      flushes++;
      for (Line l : lines) {
        entries.put(l.file(), new Entry(l.bytes(), l.sha256()));
      }
    } catch (IOException e) {
      // Leave no part of the lines for the next ones to follow.
      try {
        channel.truncate(start);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Returns how many times lines were flushed to disk since opening.
   *
   * @return one per {@link #appendAll} that succeeded
   */
  synchronized long flushes() {
    return flushes;
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
