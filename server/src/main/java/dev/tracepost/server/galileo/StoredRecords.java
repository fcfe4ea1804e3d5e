package dev.tracepost.server.galileo;

import dev.tracepost.contract.galileo.ReadBack;
import dev.tracepost.contract.galileo.RecordRow;
import dev.tracepost.contract.galileo.Trees;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;
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
    RecordRow stored = new RecordRow(row.getUUID("record_id"), row.getUUID("trace_id"), row.getUUID("parent_id"),
        row.getInteger("position"), 0, row.getString("type"), null, row.getUUID("session_id"), row.getOffsetDateTime("created_at"),
        row.getBoolean("has_children"), row.getJsonObject("body"));
    return ReadBack.of(stored, row.getUUID("project_id").toString(), row.getUUID("run_id").toString(),
        row.getOffsetDateTime("updated_at"));
  }

  /**
   * The record {@code rootId} with every descendant among {@code rows} nested under {@code spans}.
   *
   * @param rows the records of one trace, ordered by position
   */
  static JsonObject tree(Iterable<Row> rows, UUID rootId) {
    List<Trees.Node> nodes = new ArrayList<>();
    rows.forEach(row -> nodes.add(new Trees.Node(row.getUUID("record_id"), row.getUUID("parent_id"), record(row))));
    return Trees.assemble(nodes, rootId);
  }
}
