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
 * Flattens nested traces and spans: each record keeps the id the client sent (or gets a new one), and
 * learns its trace, parent, position among its siblings and depth from where it sits in the tree. What is
 * made of each record is the caller's: a row to store ({@link #ofTraces}), or its place alone, for the mock,
 * which reads the rest from the body only when asked (reading a row's fields was half of flattening a batch).
 */
public final class RecordTree<T> {

  /** Deeper nesting than this is refused, long before it could exhaust a stack. */
  public static final int MAX_DEPTH = 64;

  /** The id of the record met {@code index}-th (parents before their children), given the id it was sent with, if any. */
  @FunctionalInterface
  public interface Ids {

    UUID of(int index, String sent);

    /**
     * The id a record was sent with, else a new time-ordered one, of the batch's time: the clock is read
     * once for the batch (read for each record, it was 1.4 % of the mock's CPU under the Galileo load).
     */
    static Ids sentOrNew() {
      long now = System.currentTimeMillis();
      return (index, sent) -> sent == null ? TimeOrderedIds.at(now) : UUID.fromString(sent);
    }

    /** The same batch read again gives its records the ids they got the first time. */
    static Ids replaying(UUID[] ids) {
      return (index, sent) -> ids[index];
    }
  }

  /** Where a record sits in the tree; {@code parentId} is null for a trace. */
  public record Place(UUID id, UUID traceId, UUID parentId, int position, int depth, boolean hasChildren) {
  }

  /** What the walk makes of each record it meets. */
  @FunctionalInterface
  public interface Maker<T> {
    T make(Place place, JsonObject record);
  }

  /** Records as the mock keeps them: their places, nothing read from them but their ids and spans. */
  public static final Maker<Place> PLACES = (place, record) -> place;

  private final List<T> made = new ArrayList<>();
  // Sized for a batch of a few dozen records, which would otherwise grow the set three times.
  private final Set<UUID> ids = new HashSet<>(64);
  private final List<Violation> problems = new ArrayList<>();
  private final Ids newIds;
  private final Maker<T> maker;
  private int met;

  private RecordTree(Ids newIds, Maker<T> maker) {
    this.newIds = newIds;
    this.maker = maker;
  }

  /** The rows of a batch of traces, in the order they were sent, parents before their children. */
  public static List<RecordRow> ofTraces(List<JsonObject> traces, UUID sessionId, OffsetDateTime now) {
    return ofTraces(traces, sessionId, now, Ids.sentOrNew());
  }

  public static List<RecordRow> ofTraces(List<JsonObject> traces, UUID sessionId, OffsetDateTime now, Ids ids) {
    return traces(traces, ids, rows(sessionId, now));
  }

  /** What {@code maker} makes of each record of a batch of traces, in the order of {@link #ofTraces}. */
  public static <T> List<T> traces(List<JsonObject> traces, Ids ids, Maker<T> maker) {
    RecordTree<T> tree = new RecordTree<>(ids, maker);
    for (int i = 0; i < traces.size(); i++) {
      tree.add(traces.get(i), null, null, i, 0, new At(null, "traces", i));
    }
    return tree.result();
  }

  /** The rows of spans added under an existing record, numbered after the children it has. */
  public static List<RecordRow> ofSpans(List<JsonObject> spans, UUID traceId, UUID parentId, int firstPosition, int parentDepth,
                                        OffsetDateTime now) {
    return ofSpans(spans, traceId, parentId, firstPosition, parentDepth, now, Ids.sentOrNew());
  }

  public static List<RecordRow> ofSpans(List<JsonObject> spans, UUID traceId, UUID parentId, int firstPosition, int parentDepth,
                                        OffsetDateTime now, Ids ids) {
    return spans(spans, traceId, parentId, firstPosition, parentDepth, ids, rows(null, now));
  }

  /** What {@code maker} makes of each span added under an existing record, in the order of {@link #ofSpans}. */
  public static <T> List<T> spans(List<JsonObject> spans, UUID traceId, UUID parentId, int firstPosition, int parentDepth,
                                  Ids ids, Maker<T> maker) {
    RecordTree<T> tree = new RecordTree<>(ids, maker);
    for (int i = 0; i < spans.size(); i++) {
      tree.add(spans.get(i), traceId, parentId, firstPosition + i, parentDepth + 1, new At(null, "spans", i));
    }
    return tree.result();
  }

  /** A row to store: a record's own session, else the batch's; its own time of creation, else now. */
  private static Maker<RecordRow> rows(UUID batchSessionId, OffsetDateTime now) {
    return (place, record) -> {
      String sessionId = record.getString("session_id");
      String createdAt = record.getString("created_at");
      return new RecordRow(place.id(), place.traceId(), place.parentId(), place.position(), place.depth(),
          record.getString("type", "trace"), record.getString("name", ""),
          sessionId != null ? UUID.fromString(sessionId) : batchSessionId,
          createdAt != null ? Rfc3339.parse(createdAt) : now, place.hasChildren(), record);
    };
  }

  private List<T> result() {
    if (!problems.isEmpty()) {
      throw new InvalidRequest(problems);
    }
    return made;
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
    made.add(maker.make(new Place(id, trace, parentId, position, depth, children != null && !children.isEmpty()), record));
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
