package dev.tracepost.contract.galileo;

import dev.tracepost.contract.Rfc3339;
import dev.tracepost.contract.TimeOrderedIds;
import dev.tracepost.contract.errors.ErrorReplies.InvalidRequest;
import dev.tracepost.contract.errors.Violation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Flattens nested traces and spans into rows: each keeps the id the client sent (or gets a new one),
 * and learns its trace, parent, position among its siblings and depth from where it sits in the tree.
 */
public final class RecordTree {

  /** Deeper nesting than this is refused, long before it could exhaust a stack. */
  public static final int MAX_DEPTH = 64;

  /** The id of the record met {@code index}-th (parents before their children), given the id it was sent with, if any. */
  @FunctionalInterface
  public interface Ids {

    /** The id a record was sent with, else a new time-ordered one. */
    Ids SENT_OR_NEW = (index, sent) -> sent == null ? TimeOrderedIds.next() : UUID.fromString(sent);

    UUID of(int index, String sent);

    /** The same batch read again gives its records the ids they got the first time. */
    static Ids replaying(UUID[] ids) {
      return (index, sent) -> ids[index];
    }
  }

  private final List<RecordRow> rows = new ArrayList<>();
  private final Set<UUID> ids = new HashSet<>();
  private final List<Violation> problems = new ArrayList<>();
  private final OffsetDateTime now;
  private final UUID batchSessionId;
  private final Ids newIds;
  private int met;

  private RecordTree(OffsetDateTime now, UUID batchSessionId, Ids newIds) {
    this.now = now;
    this.batchSessionId = batchSessionId;
    this.newIds = newIds;
  }

  /** The rows of a batch of traces, in the order they were sent, parents before their children. */
  public static List<RecordRow> ofTraces(List<JsonObject> traces, UUID sessionId, OffsetDateTime now) {
    return ofTraces(traces, sessionId, now, Ids.SENT_OR_NEW);
  }

  public static List<RecordRow> ofTraces(List<JsonObject> traces, UUID sessionId, OffsetDateTime now, Ids ids) {
    RecordTree tree = new RecordTree(now, sessionId, ids);
    for (int i = 0; i < traces.size(); i++) {
      tree.add(traces.get(i), null, null, i, 0, new At(null, "traces", i));
    }
    return tree.result();
  }

  /** The rows of spans added under an existing record, numbered after the children it has. */
  public static List<RecordRow> ofSpans(List<JsonObject> spans, UUID traceId, UUID parentId, int firstPosition, int parentDepth,
                                        OffsetDateTime now) {
    return ofSpans(spans, traceId, parentId, firstPosition, parentDepth, now, Ids.SENT_OR_NEW);
  }

  public static List<RecordRow> ofSpans(List<JsonObject> spans, UUID traceId, UUID parentId, int firstPosition, int parentDepth,
                                        OffsetDateTime now, Ids ids) {
    RecordTree tree = new RecordTree(now, null, ids);
    for (int i = 0; i < spans.size(); i++) {
      tree.add(spans.get(i), traceId, parentId, firstPosition + i, parentDepth + 1, new At(null, "spans", i));
    }
    return tree.result();
  }

  private List<RecordRow> result() {
    if (!problems.isEmpty()) {
      throw new InvalidRequest(problems);
    }
    return rows;
  }

  private void add(JsonObject record, UUID traceId, UUID parentId, int position, int depth, At at) {
    if (depth > MAX_DEPTH) {
      problems.add(new Violation("body", at.path(), "too_deep", "Spans nest at most " + MAX_DEPTH + " deep"));
      return;
    }
    UUID id = newIds.of(met++, record.getString("id"));
    if (!ids.add(id)) {
      problems.add(new Violation("body", at.path("id"), "duplicate_id", "The id " + id + " appears twice in this request"));
    }
    UUID trace = traceId == null ? id : traceId;
    JsonArray children = record.getJsonArray("spans");
    String sessionId = record.getString("session_id");
    String createdAt = record.getString("created_at");
    rows.add(new RecordRow(id, trace, parentId, position, depth, record.getString("type", "trace"), record.getString("name", ""),
        sessionId != null ? UUID.fromString(sessionId) : batchSessionId,
        createdAt != null ? Rfc3339.parse(createdAt) : now,
        children != null && !children.isEmpty(), record));
    if (children != null) {
      for (int i = 0; i < children.size(); i++) {
        add(children.getJsonObject(i), trace, id, i, depth + 1, new At(at, "spans", i));
      }
    }
  }

  /**
   * Where a record sits in the body ({@code traces[1].spans[0]}), linked to its parent's place: the path a
   * violation names is written out only when there is one, not copied for every record.
   */
  private record At(At parent, String field, int index) {

    List<Object> path(Object... more) {
      List<Object> path = parent == null ? new ArrayList<>() : parent.path();
      path.add(field);
      path.add(index);
      path.addAll(List.of(more));
      return path;
    }
  }
}
