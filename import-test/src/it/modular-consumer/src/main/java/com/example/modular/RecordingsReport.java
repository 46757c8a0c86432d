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
  private final String accountId;
  private final String appId;

  public RecordingsReport(String baseUrl, String apiToken, String accountId, String appId) {
    this.client = RealtimeKitClient.builder().apiToken(apiToken).baseUrl(baseUrl).build();
    this.accountId = accountId;
    this.appId = appId;
  }

  public String describe(UUID recordingId) {
    Recording recording = client.getRecording(accountId, appId, recordingId);
    return recording.getId() + " " + recording.getStatus().value() + " " + recording.getOutputFileName();
  }

  public List<UUID> uploaded() {
    List<UUID> ids = new ArrayList<>();
    for (Recording recording : client.listRecordings(accountId, appId,
        ListRecordingsQuery.builder().status(RecordingStatusFilter.UPLOADED).build())) {
      ids.add(recording.getId());
    }
    return ids;
  }
}
