package io.github.realtimekit.client.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileErrors}: why a file could not be written, in words, whatever the exception's type. */
class FileErrorsTest {

  @TempDir
  Path dir;

  @Test
  void theFileSystemExceptionsWithoutAReasonAreNamedByTheirType() {
    assertEquals("permission denied", FileErrors.reason(new AccessDeniedException("/x/y")));
    assertEquals("file exists", FileErrors.reason(new FileAlreadyExistsException("/x/y")));
    assertEquals("not a directory", FileErrors.reason(new NotDirectoryException("/x/y")));
    assertEquals("directory not empty", FileErrors.reason(new DirectoryNotEmptyException("/x/y")));
    assertEquals("no such file or directory", FileErrors.reason(new NoSuchFileException("/x/y")));
  }

  @Test
  void theOperatingSystemsReasonIsKeptWithoutThePath() {
    assertEquals("no space left on device",
        FileErrors.reason(new FileSystemException("/x/y", null, "No space left on device")));
    assertEquals("read-only file system",
        FileErrors.reason(new FileSystemException("/x/.y.part", "/x/y", "Read-only file system")));
    assertEquals("permission denied",
        FileErrors.reason(new AccessDeniedException("/x/y", null, "Permission denied")));
    assertEquals("disk quota exceeded", FileErrors.reason(new IOException("Disk quota exceeded")));
    assertEquals("the process cannot access the file because it is being used by another process",
        FileErrors.reason(new IOException("The process cannot access the file because it is being used by another "
            + "process.")));
    assertEquals("IOException", FileErrors.reason(new IOException()));
    assertEquals("a \\u001B[2J b", FileErrors.reason(new IOException("a \u001b[2J b")));
  }

  @Test
  void theMessageNamesThePathAndTheReason() {
    assertEquals("cannot write /x/y.mp4: permission denied",
        FileErrors.message("write", Path.of("/x/y.mp4"), new AccessDeniedException("/x/.y.mp4.part")));
  }

  @Test
  void realFailuresOfThisSystem() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertEquals("not a directory", reasonOf(() -> Files.createDirectories(file.resolve("sub"))));
    assertEquals("file name too long", reasonOf(() -> Files.createFile(dir.resolve("n".repeat(300)))));
    Path directory = Files.createDirectory(dir.resolve("d"));
    assertEquals("is a directory", reasonOf(() -> FileChannel.open(directory, StandardOpenOption.WRITE).close()));
    assertEquals("file exists", reasonOf(() -> Files.createFile(file)));
  }

  @Test
  void aFullDeviceSaysSo() {
    // /dev/full fails every write with ENOSPC, for any user.
    Path full = Path.of("/dev/full");
    assumeTrue(Files.isWritable(full), "no /dev/full here");
    assertEquals("no space left on device", reasonOf(() -> {
      try (FileChannel c = FileChannel.open(full, StandardOpenOption.WRITE)) {
        c.write(ByteBuffer.wrap(new byte[16]));
      }
    }));
  }

  private interface Io {
    void run() throws IOException;
  }

  private static String reasonOf(Io io) {
    try {
      io.run();
    } catch (IOException e) {
      return FileErrors.reason(e);
    }
    throw new AssertionError("did not fail");
  }
}
