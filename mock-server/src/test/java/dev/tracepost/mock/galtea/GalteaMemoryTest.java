package dev.tracepost.mock.galtea;

import dev.tracepost.contract.galtea.GalteaIds;
import dev.tracepost.galtea.model.InferenceResult;
import dev.tracepost.galtea.model.Session;
import dev.tracepost.galtea.model.Trace;
import dev.tracepost.testkit.AtOnce;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored traces stay within both bounds: so many traces, and so many bytes of them (one may carry 10 MB);
 * a session's customId is taken once; an inference result without an index gets the next of its
 * session's.
 */
class GalteaMemoryTest {

  private final GalteaMemory memory = new GalteaMemory();

  private static Trace trace(String id, int dataBytes) {
    return new Trace().id(id).name("t").inputData(Map.of("text", "x".repeat(dataBytes)));
  }

  @Test
  void largeTracesPushTheOldestOutOnceTheirBytesPassTheBound() {
    int each = 4 * 1024 * 1024 - 1024;
    int fit = (int) (GalteaMemory.MAX_BYTES / (4 * 1024 * 1024));
    for (int i = 0; i <= fit; i++) {
      assertThat(memory.putAll(List.of(trace("trace_" + i, each)))).isTrue();
    }

    assertThat(memory.trace("trace_0")).as("the oldest went to make room").isEmpty();
    assertThat(memory.trace("trace_1")).isPresent();
    assertThat(memory.trace("trace_" + fit)).isPresent();
  }

  @Test
  void aChangedTraceCountsAtItsNewSize() {
    int third = (int) (GalteaMemory.MAX_BYTES / 3) - 1024;
    memory.putAll(List.of(trace("trace_a", third)));
    memory.putAll(List.of(trace("trace_b", third)));
    memory.putAll(List.of(trace("trace_c", third)));

    memory.update(trace("trace_a", 10).deletedAt(OffsetDateTime.now()));
    memory.putAll(List.of(trace("trace_d", third)));

    assertThat(memory.traces()).as("three large traces and a small one fit")
        .extracting(Trace::getId).containsExactly("trace_a", "trace_b", "trace_c", "trace_d");
  }

  @Test
  void aCustomIdIsTakenOnceThoughManyAskForItAtOnce() throws Exception {
    List<Boolean> added = AtOnce.ask(() -> memory.add(new Session().id(GalteaIds.next("session")).customId("conversation-1")));
    List<Boolean> withoutCustomId = AtOnce.ask(() -> memory.add(new Session().id(GalteaIds.next("session"))));

    assertThat(added).containsOnlyOnce(true);
    assertThat(withoutCustomId).containsOnly(true);
  }

  @Test
  void resultsWithoutAnIndexGetTheNextOfTheirSessionsThoughCreatedAtOnce() throws Exception {
    List<Integer> indexes = AtOnce.ask(() -> memory.add(new InferenceResult().id(GalteaIds.next("ir")).sessionId("session_a")).getIndex());
    InferenceResult chosen = memory.add(new InferenceResult().id(GalteaIds.next("ir")).sessionId("session_a").index(40));
    InferenceResult next = memory.add(new InferenceResult().id(GalteaIds.next("ir")).sessionId("session_a"));
    InferenceResult otherSession = memory.add(new InferenceResult().id(GalteaIds.next("ir")).sessionId("session_b"));

    assertThat(indexes).containsExactlyInAnyOrderElementsOf(IntStream.range(0, indexes.size()).boxed().toList());
    assertThat(chosen.getIndex()).isEqualTo(40);
    assertThat(next.getIndex()).as("after the highest, as the server does").isEqualTo(41);
    assertThat(otherSession.getIndex()).isZero();
  }
}
