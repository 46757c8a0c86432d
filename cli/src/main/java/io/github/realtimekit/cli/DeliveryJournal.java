package io.github.realtimekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code webhooks.jsonl} in the directory {@code serve} archives into: one line of JSON per webhook
 * delivery it accepted, written and flushed to disk before the delivery is answered with a 2xx, and
 * one line per delivery whose work is done. What is acknowledged is on disk, so a process killed at
 * any moment loses nothing: opening the journal gives back each accepted delivery whose work is not
 * done ({@link #pending()}).
 *
 * <ul>
 *   <li>{@code {"delivery":KEY,"event":NAME,"recording":ID,"received_at":TIME}}: a delivery accepted;
 *       {@code recording} only when it asks for a recording to be archived. {@code KEY} is the
 *       {@code rtk-uuid} header, or the body's SHA-256 when there is none.</li>
 *   <li>{@code {"done":KEY,"recording":ID,"archived":true}}: its work is done; {@code archived} when the
 *       recording's files are all in the archive, so that a later delivery for it does nothing.</li>
 * </ul>
 *
 * <p>As the manifest ({@link ArchiveManifest}): a line is written in one piece; opening drops an
 * incomplete last line (a crash during an append, never acknowledged); the file is locked while
 * open. Appends from many threads share their flushes: a thread whose line a flush under way does
 * not cover waits for it and flushes once more for all the lines written meanwhile.
 *
 * <p>Memory: each delivery key ever accepted (to answer a redelivery as a duplicate, across restarts)
 * and each archived recording's id, a hundred bytes or so each.
 */
final class DeliveryJournal implements AutoCloseable {

  /** The journal's file name, in the directory. */
  static final String NAME = "webhooks.jsonl";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** An accepted delivery whose recording is still to be archived. */
  record Pending(String key, String recordingId) {
  }

  /** What {@link #admit} made of a delivery. */
  enum Admission {
    /** Journalled now, and on disk. */
    ACCEPTED,
    /** Journalled before (and on disk): nothing to do again. */
    DUPLICATE
  }

  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;
  private final long droppedBytes;
  private final List<Pending> pending;
  /** Each delivery key journalled, with the end of its line in the file. */
  private final Map<String, Long> seen;
  private final Set<String> archived;
  private final Object flushLock = new Object();
  private long written;
  private volatile long flushed;
  /** Set when a line could not be cut back or a flush failed: nothing is acknowledged any more. */
  private volatile String broken;

  private DeliveryJournal(Path path, FileChannel channel, FileLock lock, long droppedBytes, Map<String, Long> seen,
      Set<String> archived, List<Pending> pending) throws IOException {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
    this.droppedBytes = droppedBytes;
    this.seen = seen;
    this.archived = archived;
    this.pending = pending;
    this.written = channel.size();
    this.flushed = written;
  }

  /**
   * Opens (or creates) the journal of a directory, locks it, drops an incomplete last line and reads
   * what is pending.
   *
   * @param dir the directory, which exists
   * @return the open journal; close it when done
   * @throws IOException if it cannot be created, read or written
   * @throws IllegalStateException if another process holds it
   */
  static DeliveryJournal open(Path dir) throws IOException {
    Path path = dir.resolve(NAME);
    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      FileLock lock = ArchiveManifest.lock(channel, path, "serve");
      long dropped = ArchiveManifest.dropIncompleteLastLine(channel);
      Map<String, Long> seen = new HashMap<>();
      Set<String> archived = new HashSet<>();
      Map<String, String> open = new LinkedHashMap<>();
      BufferedReader lines = new BufferedReader(new InputStreamReader(ArchiveManifest.from(channel),
          StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode node;
        try {
          node = MAPPER.readTree(line);
        } catch (IOException e) {
          continue;
        }
        if (node == null) {
          continue;
        }
        if (node.path("delivery").isTextual()) {
          String key = node.get("delivery").asText();
          seen.put(key, 0L);
          if (node.path("recording").isTextual()) {
            open.put(key, node.get("recording").asText());
          }
        } else if (node.path("done").isTextual()) {
          open.remove(node.get("done").asText());
          if (node.path("archived").asBoolean(false) && node.path("recording").isTextual()) {
            archived.add(node.get("recording").asText());
          }
        }
      }
      List<Pending> pending = new ArrayList<>();
      open.forEach((key, recording) -> pending.add(new Pending(key, recording)));
      return new DeliveryJournal(path, channel, lock, dropped, seen, archived, List.copyOf(pending));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Journals an accepted delivery and flushes it to disk, unless it is journalled already.
   *
   * @param key the delivery's key
   * @param event the event's name
   * @param recordingId the recording it asks to archive, or null when it asks for nothing
   * @param receivedAt now
   * @return whether it is new or a duplicate; either way it is on disk when this returns
   * @throws IOException if it could not be written or flushed: it is not acknowledged
   */
  Admission admit(String key, String event, String recordingId, Instant receivedAt) throws IOException {
    long end;
    boolean duplicate;
    synchronized (this) {
      Long known = seen.get(key);
      duplicate = known != null;
      if (duplicate) {
        end = known;
      } else {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("delivery", key);
        line.put("event", event);
        if (recordingId != null) {
          line.put("recording", recordingId);
        }
        line.put("received_at", receivedAt.toString());
        end = write(line);
        seen.put(key, end);
      }
    }
    flushTo(end);
    return duplicate ? Admission.DUPLICATE : Admission.ACCEPTED;
  }

  /**
   * Journals that a delivery's work is done.
   *
   * @param key the delivery's key
   * @param recordingId its recording
   * @param archivedNow whether the recording's files are all archived
   * @throws IOException if the line cannot be written; the delivery is then done again at the next start
   */
  void done(String key, String recordingId, boolean archivedNow) throws IOException {
    long end;
    synchronized (this) {
      ObjectNode line = MAPPER.createObjectNode();
      line.put("done", key);
      line.put("recording", recordingId);
      line.put("archived", archivedNow);
      end = write(line);
      if (archivedNow) {
        archived.add(recordingId);
      }
    }
    flushTo(end);
  }

  /**
   * Tells whether a recording was archived by an earlier delivery.
   *
   * @param recordingId the recording
   * @return true when its files are all archived
   */
  synchronized boolean isArchived(String recordingId) {
    return archived.contains(recordingId);
  }

  /**
   * Tells whether a delivery is journalled already.
   *
   * @param key the delivery's key
   * @return true for a duplicate
   */
  synchronized boolean has(String key) {
    return seen.containsKey(key);
  }

  /**
   * Returns the accepted deliveries whose recording was still to be archived when the journal was
   * opened, in the order they came.
   *
   * @return an unmodifiable list
   */
  List<Pending> pending() {
    return pending;
  }

  /**
   * Returns how many bytes of an incomplete last line opening dropped.
   *
   * @return 0 when the journal was whole
   */
  long droppedBytes() {
    return droppedBytes;
  }

  Path path() {
    return path;
  }

  /** Appends a line at the end, in one piece or not at all; the lock on this is held. */
  private long write(ObjectNode line) throws IOException {
    checkWhole();
    ByteBuffer bytes = ByteBuffer.wrap((MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
    long start = written;
    long position = start;
    try {
      while (bytes.hasRemaining()) {
        position += channel.write(bytes, position);
      }
    } catch (IOException e) {
      // Leave no part of the line for the next one to follow.
      try {
        channel.truncate(start);
      } catch (IOException suppressed) {
        broken = "a line could not be cut back after a failed write: " + suppressed.getMessage();
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    written = position;
    return position;
  }

  /** Returns once the file is on disk up to {@code end}, flushing it if no flush under way covers it. */
  private void flushTo(long end) throws IOException {
    if (flushed >= end) {
      return;
    }
    synchronized (flushLock) {
      if (flushed >= end) {
        return;
      }
      checkWhole();
      long upTo;
      synchronized (this) {
        upTo = written;
      }
      try {
        channel.force(false);
      } catch (IOException e) {
        // After a failed fsync, a later one may succeed without the lost pages: trust none.
        broken = "a flush to disk failed: " + e.getMessage();
        throw e;
      }
      flushed = upTo;
    }
  }

  /** Throws when the journal can no longer be trusted to keep a line; until the next start. */
  private void checkWhole() throws IOException {
    String why = broken;
    if (why != null) {
      throw new IOException("the journal is unusable until restarted: " + why);
    }
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
