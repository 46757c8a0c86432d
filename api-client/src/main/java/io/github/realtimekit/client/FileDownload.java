package io.github.realtimekit.client;

import io.github.realtimekit.client.core.ErrorMapper;
import io.github.realtimekit.client.core.SafeText;
import io.github.realtimekit.client.errors.DownloadContentException;
import io.github.realtimekit.client.errors.DownloadException;
import io.github.realtimekit.client.errors.DownloadFileException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A download to a file: written to a temporary file in the target's directory and renamed to the
 * target (atomically where the file system can) only once complete, checked and flushed to disk; a
 * failed or interrupted download deletes it, unless resumed downloads keep it to be continued, locked
 * against a second download of the same file. With {@link DownloadOptions#isRename()} off, the complete
 * file stays the partial file, for the caller to flush and rename. See {@link RecordingDownloader}.
 */
final class FileDownload {

  /**
   * Bytes read from the body and written to the file at a time: for a 512 MiB file from a loopback host,
   * 256 KiB takes a fifth less system time than 64 KiB (fewer reads and writes), and 1 MiB no less.
   */
  private static final int BUFFER = 256 * 1024;

  private FileDownload() {
  }

  /** Downloads a file to a path, replacing any file there once the new one is complete. */
  static DownloadResult download(ClientRuntime runtime, URI url, long stated, Duration idleTimeout, Path target,
      DownloadOptions options) {
    String host = SafeText.of(url.getHost());
    Path temp = options.isResume() ? RecordingDownloader.partialFile(target)
        : target.resolveSibling("." + Objects.requireNonNull(target.getFileName(), "target") + "."
            + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL) + ".part");
    Thread cleanup = options.isResume() ? null : new Thread(() -> deleteQuietly(temp), "realtimekit-download-cleanup");
    boolean hook = cleanup != null && addShutdownHook(cleanup);
    boolean complete = false;
    boolean keep = options.isResume();
    FileChannel file = open(temp, target, options.isResume(), host);
    try {
      lock(file, target, options.isResume(), host);
      long held = size(file, target, host);
      if (held > 0 && stated >= 0 && held > stated) {
        truncate(file, target, host);
        held = 0;
      }
      DownloadResult result;
      try (DownloadTransfer transfer = DownloadTransfer.start(runtime, url, held, stated, idleTimeout,
          options.getProgress())) {
        MessageDigest digest = options.isSha256() ? sha256() : null;
        long size;
        if (transfer.alreadyComplete()) {
          hashPrefix(file, held, digest, target, host);
          size = held;
          options.getProgress().update(size, size);
        } else {
          if (transfer.start() == 0 && held > 0) {
            truncate(file, target, host);
          }
          hashPrefix(file, transfer.start(), digest, target, host);
          size = copy(transfer, file, transfer.start(), digest, target, host);
        }
        if (options.isRename()) {
          force(file, target, host);
        }
        result = new DownloadResult(target, size, transfer.alreadyComplete() ? held : transfer.start(),
            digest == null ? null : HexFormat.of().formatHex(digest.digest()), transfer.contentType());
      } catch (DownloadContentException e) {
        // What arrived is not the file: nothing of it is worth resuming.
        keep = false;
        throw e;
      }
      if (options.isRename()) {
        options.getBeforeRename().accept(result);
      }
      close(file, target, host);
      if (options.isRename()) {
        move(temp, target, host);
      }
      complete = true;
      return result;
    } finally {
      closeQuietly(file);
      if (!complete && (!keep || isEmpty(temp))) {
        deleteQuietly(temp);
      }
      if (hook) {
        removeShutdownHook(cleanup);
      }
    }
  }

  private static FileChannel open(Path temp, Path target, boolean resume, String host) {
    try {
      return resume
          ? FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)
          : FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw fileFailure(host, target, e);
    }
  }

  private static void lock(FileChannel file, Path target, boolean resume, String host) {
    if (!resume) {
      return;
    }
    FileLock lock;
    try {
      lock = file.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      // A file system without locks: go on without.
      return;
    }
    if (lock == null) {
      throw new DownloadFileException(host, "another download is writing "
          + SafeText.escapeControls(target.toString()), null);
    }
  }

  private static long size(FileChannel file, Path target, String host) {
    try {
      return file.size();
    } catch (IOException e) {
      throw fileFailure(host, target, e);
    }
  }

  private static void truncate(FileChannel file, Path target, String host) {
    try {
      file.truncate(0);
    } catch (IOException e) {
      throw fileFailure(host, target, e);
    }
  }

  private static void hashPrefix(FileChannel file, long length, MessageDigest digest, Path target, String host) {
    if (digest == null || length == 0) {
      return;
    }
    ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    long position = 0;
    try {
      while (position < length) {
        buffer.clear().limit((int) Math.min(BUFFER, length - position));
        int n = file.read(buffer, position);
        if (n < 0) {
          throw new IOException("the file ended at " + position + " of " + length + " bytes");
        }
        buffer.flip();
        digest.update(buffer);
        position += n;
      }
    } catch (IOException e) {
      throw fileFailure(host, target, e);
    }
  }

  private static long copy(DownloadTransfer body, FileChannel file, long start, MessageDigest digest, Path target,
      String host) {
    byte[] buffer = new byte[BUFFER];
    long position = start;
    while (true) {
      int n = body.read(buffer, 0, buffer.length);
      if (n < 0) {
        return position;
      }
      if (digest != null) {
        digest.update(buffer, 0, n);
      }
      ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
      try {
        while (bytes.hasRemaining()) {
          position += file.write(bytes, position);
        }
      } catch (IOException e) {
        throw fileFailure(host, target, e);
      }
    }
  }

  private static void force(FileChannel file, Path target, String host) {
    try {
      file.force(true);
    } catch (IOException e) {
      throw fileFailure(host, target, e);
    }
  }

  private static void close(FileChannel file, Path target, String host) {
    try {
      file.close();
    } catch (IOException e) {
      throw fileFailure(host, target, e);
    }
  }

  private static void move(Path temp, Path target, String host) {
    try {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw fileFailure(host, target, e);
    }
  }

  /** A failure to write the target, named as the caller named it: never the temporary file. */
  private static DownloadException fileFailure(String host, Path target, IOException e) {
    return ErrorMapper.fileFailure(host, "cannot write " + SafeText.escapeControls(target.toString()), e);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  private static boolean addShutdownHook(Thread hook) {
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static void removeShutdownHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutting down: the hook runs, and finds nothing left to delete.
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Best effort: a failure is already being reported.
    }
  }

  private static boolean isEmpty(Path file) {
    try {
      return Files.size(file) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static void closeQuietly(FileChannel file) {
    try {
      file.close();
    } catch (IOException e) {
      // Already failing or already closed.
    }
  }
}
