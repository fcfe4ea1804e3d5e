package dev.tracepost.contract.galileo;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A stored record as a client reads it: every field it was sent with, as sent, plus what the store knows
 * of it (ids from its place in the tree, project, run, times). Its children are nested by {@link Trees}.
 */
public final class ReadBack {

  private ReadBack() {
  }

  public static JsonObject of(RecordRow row, String projectId, String runId, OffsetDateTime updatedAt) {
    JsonObject record = row.body().copy()
        .put("type", row.type())
        .put("id", row.id().toString())
        .put("trace_id", row.traceId().toString())
        .put("parent_id", row.parentId() == null ? null : row.parentId().toString())
        .put("project_id", projectId)
        .put("run_id", runId)
        .put("updated_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(updatedAt))
        .put("has_children", row.hasChildren());
    if (!record.containsKey("created_at")) {
      record.put("created_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(row.createdAt()));
    }
    if (row.sessionId() != null) {
      record.put("session_id", row.sessionId().toString());
    }
    return record;
  }
}
