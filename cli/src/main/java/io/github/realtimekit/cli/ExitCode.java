package io.github.realtimekit.cli;

/** The exit codes of {@code realtimekit-recordings}; scripts may rely on them. */
public final class ExitCode {

  /** Success. */
  public static final int OK = 0;
  /** Anything else went wrong: a recording has no download URL yet, a download was interrupted. */
  public static final int FAILURE = 1;
  /** A usage error or invalid argument; nothing was sent. */
  public static final int USAGE = 2;
  /** The API (or the download host) answered with an error status. */
  public static final int API_ERROR = 3;
  /** No usable answer: the connection failed, dropped or timed out, or a response could not be decoded. */
  public static final int NETWORK = 4;
  /** {@code archive}: some recordings with a download URL could not be archived; each is named on stderr. */
  public static final int INCOMPLETE = 5;
  /**
   * A file or directory could not be written or created: permission denied, no space left on device,
   * a directory where a file goes; the message says {@code cannot write PATH: REASON} (or
   * {@code cannot create}). For {@code archive}, in place of {@link #INCOMPLETE} when any file could
   * not be written.
   */
  public static final int CANNOT_WRITE = 6;

  /** {@code active}: the meeting has no active recording; the message is on stderr. */
  public static final int NONE = 7;
  /**
   * A start's answer was lost and could not be reconciled: the recording may or may not have started;
   * the message says what to run to find out.
   */
  public static final int OUTCOME_UNKNOWN = 8;

  private ExitCode() {
  }
}
