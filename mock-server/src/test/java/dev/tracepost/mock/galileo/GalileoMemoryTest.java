package dev.tracepost.mock.galileo;

import dev.tracepost.contract.galileo.RecordRow;
import dev.tracepost.testkit.AtOnce;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored batches read back as the rows they were, with the server's rules: a record sent again replaces the
 * old one; the bound drops whole requests; a name is taken once.
 */
class GalileoMemoryTest {

  private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 2, 4, 0, 0, 0, ZoneOffset.UTC);
  private static final String PROJECT = "p";
  private static final String RUN = "r";

  private final GalileoMemory memory = new GalileoMemory();

  private static JsonObject trace(String name, JsonObject... spans) {
    return new JsonObject().put("type", "trace").put("name", name).put("spans", new JsonArray(List.of((Object[]) spans)));
  }

  private static JsonObject span(String id, String name) {
    JsonObject span = new JsonObject().put("type", "tool").put("name", name);
    return id == null ? span : span.put("id", id);
  }

  private List<RecordRow> ingest(UUID sessionId, JsonObject... traces) {
    JsonObject body = new JsonObject().put("traces", new JsonArray(List.of((Object[]) traces)));
    StoredBatch batch = StoredBatch.ofTraces(body.toBuffer(), List.of(traces), PROJECT, RUN, sessionId, NOW);
    memory.store(batch);
    return batch.rows();
  }

  @Test
  void aBatchReadsBackAsTheRowsItWasWithTheIdsItGot() {
    UUID session = UUID.randomUUID();
    List<RecordRow> rows = ingest(session, trace("t", span(null, "a"), span(null, "b")));

    assertThat(rows).hasSize(3);
    for (RecordRow row : rows) {
      assertThat(memory.record(PROJECT, row.id())).get().extracting(GalileoMemory.Stored::row).isEqualTo(row);
    }
    assertThat(memory.record("another project", rows.get(0).id())).isEmpty();
    assertThat(memory.childCount(rows.get(0).id())).isEqualTo(2);
    assertThat(memory.tree(rows.get(0).id(), rows.get(0).id()).getJsonArray("spans")).extracting(span -> ((JsonObject) span).getString("name"))
        .containsExactly("a", "b");
    assertThat(memory.traces(RUN, true)).extracting(trace -> trace.getString("id")).containsExactly(rows.get(0).id().toString());
  }

  @Test
  void aRecordSentAgainIsReadAsItsNewestBatchHasIt() {
    String spanId = UUID.randomUUID().toString();
    List<RecordRow> first = ingest(null, trace("first", span(spanId, "old")));
    List<RecordRow> second = ingest(null, trace("second", span(spanId, "new")));

    assertThat(memory.record(PROJECT, UUID.fromString(spanId))).get()
        .satisfies(stored -> assertThat(stored.row().name()).isEqualTo("new"))
        .satisfies(stored -> assertThat(stored.row().parentId()).isEqualTo(second.get(0).id()));
    assertThat(memory.childCount(first.get(0).id())).as("the span moved to the second trace").isZero();
    assertThat(memory.childCount(second.get(0).id())).isEqualTo(1);
  }

  @Test
  void largeBodiesPushTheOldestRequestsOutOnceTheirBytesPassTheBound() {
    String large = "x".repeat(4 * 1024 * 1024 - 1024);
    int fit = (int) (GalileoMemory.MAX_BYTES / (4 * 1024 * 1024));
    List<RecordRow> oldest = ingest(null, trace("first").put("input", large));
    for (int i = 1; i < fit; i++) {
      ingest(null, trace("t" + i).put("input", large));
    }
    assertThat(memory.record(PROJECT, oldest.get(0).id())).isPresent();

    List<RecordRow> newest = ingest(null, trace("last").put("input", large));

    assertThat(memory.record(PROJECT, oldest.get(0).id())).isEmpty();
    assertThat(memory.record(PROJECT, newest.get(0).id())).isPresent();
  }

  @Test
  void theBoundDropsTheOldestRequestsWholeAndKeepsTheNewestHoweverLarge() {
    JsonObject[] hundred = IntStream.range(0, 100).mapToObj(i -> trace("t" + i)).toArray(JsonObject[]::new);
    List<RecordRow> oldest = ingest(null, hundred);
    for (int i = 1; i < GalileoMemory.MAX_RECORDS / 100; i++) {
      ingest(null, hundred);
    }
    assertThat(memory.record(PROJECT, oldest.get(0).id())).as("just at the bound").isPresent();

    ingest(null, trace("one more"));

    assertThat(memory.record(PROJECT, oldest.get(0).id())).isEmpty();
    assertThat(memory.record(PROJECT, oldest.get(99).id())).as("dropped with its request").isEmpty();
    assertThat(memory.ingestedTraces()).hasSize(GalileoMemory.MAX_RECORDS - 100 + 1);
    assertThat(memory.ingestedTraces().get(GalileoMemory.MAX_RECORDS - 100)).isEqualTo(trace("one more"));

    JsonObject[] tooMany = IntStream.range(0, GalileoMemory.MAX_RECORDS + 1).mapToObj(i -> trace("big" + i)).toArray(JsonObject[]::new);
    List<RecordRow> large = ingest(null, tooMany);
    assertThat(memory.ingestedTraces()).hasSize(GalileoMemory.MAX_RECORDS + 1);
    assertThat(memory.record(PROJECT, large.get(0).id())).isPresent();
  }

  @Test
  void aNameIsTakenOnceThoughManyAskForItAtOnce() throws Exception {
    List<Optional<GalileoMemory.Project>> projects = AtOnce.ask(() -> memory.addProject("shared", "gen_ai"));
    String projectId = projects.stream().flatMap(Optional::stream).findFirst().orElseThrow().id();
    List<Optional<GalileoMemory.Run>> streams = AtOnce.ask(() -> memory.addRun(projectId, MockRuns.LOG_STREAM, "shared"));
    List<GalileoMemory.Run> defaults = AtOnce.ask(() -> memory.runNamed(projectId, MockRuns.LOG_STREAM, "default"));
    List<String> sessions = AtOnce.ask(() -> memory.sessionForExternalId(projectId, "conversation-1"));

    assertThat(projects.stream().filter(Optional::isPresent)).hasSize(1);
    assertThat(memory.projects()).hasSize(1);
    assertThat(streams.stream().filter(Optional::isPresent)).hasSize(1);
    assertThat(defaults.stream().map(GalileoMemory.Run::id).distinct()).hasSize(1);
    assertThat(memory.runs(projectId, MockRuns.LOG_STREAM)).hasSize(2);
    assertThat(sessions.stream().distinct()).hasSize(1);
  }

  @Test
  void batchesOfSpansForOneParentStoredAtOnceTakeDifferentPlaces() throws Exception {
    RecordRow trace = ingest(null, trace("t")).get(0);
    JsonObject body = new JsonObject().put("spans", new JsonArray().add(span(null, "s")));

    List<Integer> firstPlaces = AtOnce.ask(() -> memory.storeChildren(trace.id(), first -> StoredBatch.ofSpans(body.toBuffer(),
        List.of(span(null, "s")), PROJECT, RUN, trace.id(), trace.id(), first, 0, NOW)).rows().get(0).position());

    assertThat(firstPlaces).containsExactlyInAnyOrderElementsOf(IntStream.range(0, firstPlaces.size()).boxed().toList());
    assertThat(memory.childCount(trace.id())).isEqualTo(firstPlaces.size());
  }
}
