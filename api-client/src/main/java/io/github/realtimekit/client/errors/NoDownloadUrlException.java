package io.github.realtimekit.client.errors;

import java.util.UUID;

/**
 * The recording has no usable URL for the file asked for: {@code download_url} is null until the
 * recording is uploaded, and {@code audio_download_url} is null unless an audio config was passed.
 * Nothing was sent.
 */
public class NoDownloadUrlException extends DownloadException {

  private static final long serialVersionUID = 1L;

  private final transient UUID recordingId;
  private final String field;

  /**
   * Creates an exception.
   *
   * @param recordingId the recording; may be null when the recording has no id
   * @param field the property without a usable URL, {@code download_url} or {@code audio_download_url}
   * @param message what is missing, on one line
   */
  public NoDownloadUrlException(UUID recordingId, String field, String message) {
    super("", message, null);
    this.recordingId = recordingId;
    this.field = field;
  }

  /**
   * Returns the recording.
   *
   * @return the recording's id, or null when the recording has none
   */
  public UUID getRecordingId() {
    return recordingId;
  }

  /**
   * Returns the property that has no usable URL.
   *
   * @return {@code download_url} or {@code audio_download_url}
   */
  public String getField() {
    return field;
  }
}
