package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s arguments: each bad one a usage error naming it, before anything listens or is written. */
class ServeCommandTest {

  @TempDir
  Path tmp;

  private Cli.Result serve(String... args) throws IOException {
    Path pem = ServeFakes.writePem(tmp);
    List<String> all = new ArrayList<>(List.of("serve", "--dir", tmp.resolve("archive").toString()));
    if (!List.of(args).contains("--public-key") && !List.of(args).contains("--public-key-url")) {
      all.addAll(List.of("--public-key", pem.toString()));
    }
    all.addAll(List.of(args));
    return Cli.run(Cli.realEnv(), all.toArray(String[]::new));
  }

  private void assertUsage(String option, Cli.Result result) {
    assertEquals(ExitCode.USAGE, result.exitCode(), result.toString());
    assertTrue(result.err().contains(option), result.toString());
    assertFalse(Files.exists(tmp.resolve("archive")), "nothing written");
  }

  @Test
  void aListenAddressThatIsNoHostAndPortIsAUsageError() throws IOException {
    assertUsage("--listen", serve("--listen", "8080"));
    assertUsage("--listen", serve("--listen", "127.0.0.1:70000"));
    assertUsage("--listen", serve("--listen", "127.0.0.1:http"));
  }

  @Test
  void aPathThatIsNotAbsoluteOrIsTheHealthCheckIsAUsageError() throws IOException {
    assertUsage("--path", serve("--path", "webhook"));
    assertUsage("--path", serve("--path", "/healthz"));
  }

  @Test
  void aKeyThatCannotBeReadOrUsedIsAUsageError() throws IOException {
    assertUsage("--public-key", serve("--public-key", tmp.resolve("missing.pem").toString()));
    Path garbage = Files.writeString(tmp.resolve("garbage.pem"), "-----BEGIN PUBLIC KEY-----\nnope\n");
    assertUsage("--public-key", serve("--public-key", garbage.toString()));
    assertUsage("--public-key-url", serve("--public-key-url", "http://example.com/webhooks.json"));
    assertUsage("--public-key", serve("--public-key", garbage.toString(), "--public-key-url",
        "https://example.com/webhooks.json"));
  }

  @Test
  void aRegisterUrlThatIsNotAnAbsoluteWebUrlIsAUsageError() throws IOException {
    assertUsage("--register", serve("--register", "/webhook"));
    assertUsage("--register", serve("--register", "ftp://hooks.example/webhook"));
  }

  @Test
  void workersAndQueueOutOfRangeAreUsageErrors() throws IOException {
    assertUsage("--workers", serve("--workers", "0"));
    assertUsage("--queue", serve("--queue", "-1"));
  }
}
