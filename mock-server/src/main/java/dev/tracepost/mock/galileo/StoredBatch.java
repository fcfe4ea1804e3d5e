package dev.tracepost.mock.galileo;

import dev.tracepost.contract.galileo.RecordRow;
import dev.tracepost.contract.galileo.RecordTree;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * One request that stored records, as the mock keeps it: the body's bytes and where each record sits (its
 * id, trace and parent, in the order {@link RecordTree} met them). The rows themselves are built again from
 * the bytes when someone reads them. Kept as rows, a batch of 40 records was some 800 objects, and under
 * load the collector spent most of its pauses copying them (bench/results/mock-2026-12-02.md); kept like
 * this it is a handful, and reads, which tests make a few of, pay instead.
 */
final class StoredBatch {

  /** How the rows are made again, when read, from the records in the bytes and the ids they got when stored. */
  @FunctionalInterface
  private interface Rows {
    List<RecordRow> of(List<JsonObject> records, RecordTree.Ids ids);
  }

  private static final String TRACES = "traces";
  private static final String SPANS = "spans";

  private final byte[] body;
  /** The body's field that holds the records: {@link #TRACES} or {@link #SPANS}. */
  private final String field;
  private final Rows rows;
  private final String projectId;
  private final String runId;
  private final OffsetDateTime updatedAt;
  private final UUID[] ids;
  private final UUID[] traceIds;
  private final UUID[] parentIds;

  /**
   * @param places where each record sits, as {@link RecordTree} placed them: it refuses records that cannot
   *               be rows (an id twice, too deep), so that nothing is kept of them
   */
  private StoredBatch(Buffer body, List<RecordTree.Place> places, String field, Rows rows, String projectId, String runId,
                      OffsetDateTime updatedAt) {
    this.body = body.getBytes();
    this.field = field;
    this.rows = rows;
    this.projectId = projectId;
    this.runId = runId;
    this.updatedAt = updatedAt;
    this.ids = new UUID[places.size()];
    this.traceIds = new UUID[places.size()];
    this.parentIds = new UUID[places.size()];
    for (int i = 0; i < places.size(); i++) {
      ids[i] = places.get(i).id();
      traceIds[i] = places.get(i).traceId();
      parentIds[i] = places.get(i).parentId();
    }
  }

  /** A logTraces body and the traces it sent (the model's view of the same body), made into rows ({@link RecordTree#ofTraces}). */
  static StoredBatch ofTraces(Buffer body, List<JsonObject> traces, String projectId, String runId, UUID sessionId,
                              OffsetDateTime now) {
    return new StoredBatch(body, RecordTree.traces(traces, RecordTree.Ids.sentOrNew(), RecordTree.PLACES), TRACES,
        (records, ids) -> RecordTree.ofTraces(records, sessionId, now, ids), projectId, runId, now);
  }

  /** A logSpans body and the spans it sent, made into rows under their parent ({@link RecordTree#ofSpans}). */
  static StoredBatch ofSpans(Buffer body, List<JsonObject> spans, String projectId, String runId, UUID traceId, UUID parentId,
                             int firstPosition, int parentDepth, OffsetDateTime now) {
    List<RecordTree.Place> places = RecordTree.spans(spans, traceId, parentId, firstPosition, parentDepth,
        RecordTree.Ids.sentOrNew(), RecordTree.PLACES);
    return new StoredBatch(body, places, SPANS, (records, ids) -> RecordTree.ofSpans(records, traceId, parentId, firstPosition,
        parentDepth, now, ids), projectId, runId, now);
  }

  int size() {
    return ids.length;
  }

  /** The ids of the traces it holds, in the order sent: none for a batch of spans. */
  List<String> traceIds() {
    return IntStream.range(0, ids.length).filter(index -> parentIds[index] == null).mapToObj(index -> ids[index].toString())
        .toList();
  }

  /** How many bytes of body it keeps. */
  int bytes() {
    return body.length;
  }

  UUID id(int index) {
    return ids[index];
  }

  UUID traceId(int index) {
    return traceIds[index];
  }

  UUID parentId(int index) {
    return parentIds[index];
  }

  String projectId() {
    return projectId;
  }

  String runId() {
    return runId;
  }

  OffsetDateTime updatedAt() {
    return updatedAt;
  }

  /** The rows, as they were when stored. */
  List<RecordRow> rows() {
    return rows.of(objects(decoded(), field), RecordTree.Ids.replaying(ids));
  }

  /** The traces as the client sent them, with their spans: none for a batch of spans. */
  List<JsonObject> sentTraces() {
    return field.equals(TRACES) ? objects(decoded(), field) : List.of();
  }

  private JsonObject decoded() {
    return Buffer.buffer(body).toJsonObject();
  }

  private static List<JsonObject> objects(JsonObject body, String field) {
    JsonArray array = body.getJsonArray(field);
    return IntStream.range(0, array.size()).mapToObj(array::getJsonObject).toList();
  }
}
