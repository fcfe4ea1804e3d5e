package dev.tracepost.server.galileo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns stored rows back into what a client reads: each record as it was sent, plus what the server
 * knows of it (ids, project, run, times), with its children nested in the order they were sent.
 */
final class StoredRecords {

  static final String COLUMNS = "record_id, trace_id, parent_id, position, project_id, run_id, session_id, type, "
      + "created_at, updated_at, has_children, body";

  private StoredRecords() {
  }

  /** One record without its children. */
  static JsonObject record(Row row) {
    JsonObject record = row.getJsonObject("body").copy();
    record.put("type", row.getString("type"))
        .put("id", row.getUUID("record_id").toString())
        .put("trace_id", row.getUUID("trace_id").toString())
        .put("parent_id", row.getUUID("parent_id") == null ? null : row.getUUID("parent_id").toString())
        .put("project_id", row.getUUID("project_id").toString())
        .put("run_id", row.getUUID("run_id").toString())
        .put("updated_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(row.getOffsetDateTime("updated_at")))
        .put("has_children", row.getBoolean("has_children"));
    if (!record.containsKey("created_at")) {
      record.put("created_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(row.getOffsetDateTime("created_at")));
    }
    if (row.getUUID("session_id") != null) {
      record.put("session_id", row.getUUID("session_id").toString());
    }
    return record;
  }

  /**
   * The record {@code rootId} with every descendant among {@code rows} nested under {@code spans}.
   *
   * @param rows the records of one trace, ordered by position
   */
  static JsonObject tree(Iterable<Row> rows, UUID rootId) {
    Map<UUID, JsonObject> byId = new LinkedHashMap<>();
    List<Row> ordered = new ArrayList<>();
    for (Row row : rows) {
      byId.put(row.getUUID("record_id"), record(row).put("spans", new JsonArray()));
      ordered.add(row);
    }
    for (Row row : ordered) {
      UUID parent = row.getUUID("parent_id");
      if (parent != null && byId.containsKey(parent)) {
        byId.get(parent).getJsonArray("spans").add(byId.get(row.getUUID("record_id")));
      }
    }
    return byId.get(rootId);
  }
}
