package io.github.realtimekit.cli;

/** The exit codes of {@code realtimekit-recordings}; scripts may rely on them. */
public final class ExitCode {

  /** Success. */
  public static final int OK = 0;
  /** Anything else went wrong: a recording has no download URL yet, a file cannot be written. */
  public static final int FAILURE = 1;
  /** A usage error or invalid argument; nothing was sent. */
  public static final int USAGE = 2;
  /** The API (or the download host) answered with an error status. */
  public static final int API_ERROR = 3;
  /** No usable answer: the connection failed, dropped or timed out, or a response could not be decoded. */
  public static final int NETWORK = 4;
  /** {@code archive}: some recordings with a download URL could not be archived; each is named on stderr. */
  public static final int INCOMPLETE = 5;

  private ExitCode() {
  }
}
