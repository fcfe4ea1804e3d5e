package dev.tracepost.contract.galileo;

import dev.tracepost.contract.errors.ErrorReplies.InvalidRequest;
import dev.tracepost.contract.errors.Violation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Flattening a batch: each record's place in the tree, and violations that say where they are. */
class RecordTreeTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T10:00:00Z");

  @Test
  void recordsLearnTheirTraceParentPositionAndDepth() {
    JsonObject trace = new JsonObject().put("type", "trace").put("name", "t")
        .put("spans", new JsonArray().add(new JsonObject().put("type", "workflow").put("name", "w")
            .put("spans", new JsonArray().add(new JsonObject().put("type", "llm").put("name", "a"))
                .add(new JsonObject().put("type", "tool").put("name", "b")))));

    List<RecordRow> rows = RecordTree.ofTraces(List.of(trace), null, NOW);

    assertThat(rows).extracting(RecordRow::name).containsExactly("t", "w", "a", "b");
    assertThat(rows).extracting(RecordRow::depth).containsExactly(0, 1, 2, 2);
    assertThat(rows).extracting(RecordRow::position).containsExactly(0, 0, 0, 1);
    assertThat(rows).allSatisfy(row -> assertThat(row.traceId()).isEqualTo(rows.get(0).id()));
    assertThat(rows.get(3).parentId()).isEqualTo(rows.get(1).id());
    assertThat(rows.get(0).body().containsKey("spans")).isFalse();
  }

  @Test
  void recordsSentWithoutIdsGetTimeOrderedOnes() {
    List<JsonObject> traces = List.of(new JsonObject().put("type", "trace"), new JsonObject().put("type", "trace"));
    long before = System.currentTimeMillis();

    List<RecordRow> rows = RecordTree.ofTraces(traces, null, NOW);

    assertThat(rows).allSatisfy(row -> {
      assertThat(row.id().version()).isEqualTo(7);
      assertThat(row.id().variant()).isEqualTo(2);
      assertThat(row.id().getMostSignificantBits() >>> 16).isBetween(before, System.currentTimeMillis());
    });
    assertThat(rows.get(0).id()).isNotEqualTo(rows.get(1).id());
  }

  @Test
  void startTimesKeepTheirOffsetAndALeapSecondBecomesTheNextSecond() {
    List<JsonObject> traces = List.of(
        new JsonObject().put("type", "trace").put("created_at", "2026-11-21T09:00:00.123456+02:00"),
        new JsonObject().put("type", "trace").put("created_at", "2016-12-31T23:59:60Z"),
        new JsonObject().put("type", "trace"));

    List<RecordRow> rows = RecordTree.ofTraces(traces, null, NOW);

    assertThat(rows).extracting(RecordRow::createdAt).containsExactly(
        OffsetDateTime.parse("2026-11-21T09:00:00.123456+02:00"), OffsetDateTime.parse("2017-01-01T00:00:00Z"), NOW);
  }

  @Test
  void aDuplicateIdIsNamedWhereItAppearsAgain() {
    String id = UUID.randomUUID().toString();
    JsonObject first = new JsonObject().put("type", "trace").put("id", id);
    JsonObject second = new JsonObject().put("type", "trace")
        .put("spans", new JsonArray().add(new JsonObject().put("type", "llm")).add(new JsonObject().put("type", "tool").put("id", id)));

    InvalidRequest refused = catchThrowableOfType(InvalidRequest.class, () -> RecordTree.ofTraces(List.of(first, second), null, NOW));

    assertThat(refused.violations()).extracting(Violation::pointer).containsExactly("/traces/1/spans/1/id");
    assertThat(refused.violations()).extracting(Violation::rule).containsExactly("duplicate_id");
  }

  @Test
  void nestingDeeperThanTheLimitIsNamedAtTheFirstRecordTooDeep() {
    JsonObject deepest = new JsonObject().put("type", "llm");
    JsonObject root = deepest;
    for (int depth = 0; depth < RecordTree.MAX_DEPTH; depth++) {
      root = new JsonObject().put("type", "workflow").put("spans", new JsonArray().add(root));
    }
    JsonObject spanRoot = root;

    InvalidRequest refused = catchThrowableOfType(InvalidRequest.class,
        () -> RecordTree.ofSpans(List.of(spanRoot), UUID.randomUUID(), UUID.randomUUID(), 3, 0, NOW));

    assertThat(refused.violations()).singleElement().satisfies(violation -> {
      assertThat(violation.rule()).isEqualTo("too_deep");
      assertThat(violation.pointer()).isEqualTo("/spans/0".repeat(RecordTree.MAX_DEPTH + 1));
    });
  }
}
