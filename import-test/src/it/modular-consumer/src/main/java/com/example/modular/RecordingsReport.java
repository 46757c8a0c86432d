package com.example.modular;

import io.github.realtimekit.client.RealtimeKitClient;
import io.github.realtimekit.client.ListRecordingsQuery;
import io.github.realtimekit.model.Recording;
import io.github.realtimekit.model.RecordingStatusFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Application code of the modular consumer: one recording, and the uploaded ones. */
public final class RecordingsReport {

  private final RealtimeKitClient client;

  public RecordingsReport(String baseUrl, String apiToken, String accountId, String appId) {
    this.client = RealtimeKitClient.builder().apiToken(apiToken).accountId(accountId).appId(appId)
        .baseUrl(baseUrl).build();
  }

  public String describe(UUID recordingId) {
    Recording recording = client.getRecording(recordingId);
    return recording.getId() + " " + recording.getStatus().value() + " " + recording.getOutputFileName();
  }

  public List<UUID> uploaded() {
    List<UUID> ids = new ArrayList<>();
    for (Recording recording : client.listRecordings(
        ListRecordingsQuery.builder().status(RecordingStatusFilter.UPLOADED).build())) {
      ids.add(recording.getId());
    }
    return ids;
  }
}
