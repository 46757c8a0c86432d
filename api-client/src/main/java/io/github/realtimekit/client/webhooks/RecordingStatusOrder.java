package io.github.realtimekit.client.webhooks;

import io.github.realtimekit.model.RecordingStatus;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The order of a recording's statuses, to recognise a stale {@code recording.statusUpdate}:
 * deliveries may arrive late or out of order, and an UPLOADING that arrives after UPLOADED says
 * nothing new. INVOKED comes first, then RECORDING and PAUSED (which alternate, so neither is after
 * the other), then UPLOADING, then UPLOADED or ERRORED, which end a recording.
 */
public final class RecordingStatusOrder {

  private RecordingStatusOrder() {
  }

  /**
   * Returns the stage of a status in a recording's life: INVOKED 0, RECORDING and PAUSED 1,
   * UPLOADING 2, UPLOADED and ERRORED 3.
   *
   * @param status a status
   * @return its stage, or empty for a status newer than this version of the spec
   */
  public static OptionalInt stage(RecordingStatus status) {
    Optional<RecordingStatus.Known> known = status.known();
    if (known.isEmpty()) {
      return OptionalInt.empty();
    }
    switch (known.get()) {
      case INVOKED:
        return OptionalInt.of(0);
      case RECORDING:
      case PAUSED:
        return OptionalInt.of(1);
      case UPLOADING:
        return OptionalInt.of(2);
      default:
        return OptionalInt.of(3);
    }
  }

  /**
   * Tells whether {@code status} is a later stage than {@code other}.
   *
   * @param status a status
   * @param other another status
   * @return true if both are known and {@code status} comes after {@code other}
   */
  public static boolean isAfter(RecordingStatus status, RecordingStatus other) {
    OptionalInt a = stage(status);
    OptionalInt b = stage(other);
    return a.isPresent() && b.isPresent() && a.getAsInt() > b.getAsInt();
  }

  /**
   * Tells whether an incoming status is stale: earlier than the latest one already seen for the
   * same recording, or a repeat of a status that ends it. A status this version of the spec does not
   * know is never stale.
   *
   * @param latestSeen the latest status already handled
   * @param incoming the status just delivered
   * @return true if handling {@code incoming} would step back
   */
  public static boolean isStale(RecordingStatus latestSeen, RecordingStatus incoming) {
    OptionalInt seen = stage(latestSeen);
    OptionalInt now = stage(incoming);
    if (seen.isEmpty() || now.isEmpty()) {
      return false;
    }
    return now.getAsInt() < seen.getAsInt() || (seen.getAsInt() == 3 && now.getAsInt() == 3);
  }
}
