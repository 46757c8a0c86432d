package io.github.realtimekit.client.webhooks;

import static io.github.realtimekit.model.RecordingStatus.ERRORED;
import static io.github.realtimekit.model.RecordingStatus.INVOKED;
import static io.github.realtimekit.model.RecordingStatus.PAUSED;
import static io.github.realtimekit.model.RecordingStatus.RECORDING;
import static io.github.realtimekit.model.RecordingStatus.UPLOADED;
import static io.github.realtimekit.model.RecordingStatus.UPLOADING;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.realtimekit.model.RecordingStatus;
import org.junit.jupiter.api.Test;

class RecordingStatusOrderTest {

  @Test
  void aLateUploadingAfterUploadedIsStale() {
    assertTrue(RecordingStatusOrder.isStale(UPLOADED, UPLOADING));
    assertTrue(RecordingStatusOrder.isStale(UPLOADED, RECORDING));
    assertTrue(RecordingStatusOrder.isStale(UPLOADED, UPLOADED), "a repeat of the end");
    assertTrue(RecordingStatusOrder.isStale(ERRORED, UPLOADING));
    assertTrue(RecordingStatusOrder.isAfter(UPLOADED, UPLOADING));
  }

  @Test
  void theNextStatusIsNotStale() {
    assertFalse(RecordingStatusOrder.isStale(INVOKED, RECORDING));
    assertFalse(RecordingStatusOrder.isStale(RECORDING, UPLOADING));
    assertFalse(RecordingStatusOrder.isStale(UPLOADING, UPLOADED));
    assertFalse(RecordingStatusOrder.isStale(UPLOADING, ERRORED));
    assertFalse(RecordingStatusOrder.isStale(RECORDING, PAUSED), "pause and resume alternate");
    assertFalse(RecordingStatusOrder.isStale(PAUSED, RECORDING));
    assertFalse(RecordingStatusOrder.isAfter(PAUSED, RECORDING));
  }

  @Test
  void aStatusNewerThanTheSpecIsNeverStaleNorOrdered() {
    RecordingStatus newer = RecordingStatus.of("ARCHIVED");
    assertFalse(RecordingStatusOrder.isStale(UPLOADED, newer));
    assertFalse(RecordingStatusOrder.isStale(newer, INVOKED));
    assertFalse(RecordingStatusOrder.isAfter(newer, INVOKED));
    assertFalse(RecordingStatusOrder.stage(newer).isPresent());
  }
}
