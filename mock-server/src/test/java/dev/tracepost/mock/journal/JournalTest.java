package dev.tracepost.mock.journal;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal stays within its bounds: so many entries, and so many bytes of bodies. */
class JournalTest {

  private static JournalEntry entry(Journal journal, String body) {
    return JournalEntry.of(journal.nextSequence(), Instant.now(), "galileo", "logTraces", "logTraces", "POST",
        journal.head("/traces", null, MultiMap.caseInsensitiveMultiMap()), journal.keep(Buffer.buffer(body)), null, 200);
  }

  @Test
  void theOldestEntriesGoWhenTheJournalIsFull() {
    Journal journal = new Journal(3);

    for (int i = 0; i < 5; i++) {
      journal.add(entry(journal, "{\"n\":" + i + "}"));
    }

    assertThat(journal.size()).isEqualTo(3);
    assertThat(journal.entries(null, null)).extracting(JournalEntry::rawBody).containsExactly("{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
  }

  @Test
  void largeBodiesLeaveTheOldestEntriesWithoutTheirBodiesButKeepEveryEntry() {
    Journal journal = new Journal(100);
    String large = "x".repeat(Journal.MAX_BODY_BYTES - 1);
    int fit = (int) (Journal.MAX_BODY_BYTES_TOTAL / Journal.MAX_BODY_BYTES);

    for (int i = 0; i < fit + 2; i++) {
      journal.add(entry(journal, large + i));
    }

    List<JournalEntry> entries = journal.entries(null, null);
    assertThat(entries).hasSize(fit + 2);
    assertThat(entries).extracting(JournalEntry::bodyDropped).containsExactlyElementsOf(
        java.util.stream.IntStream.range(0, fit + 2).mapToObj(i -> i < 2).toList());
    assertThat(entries.get(0).rawBody()).isNull();
    assertThat(entries.get(0).path()).as("the rest of the entry stays").isEqualTo("/traces");
    assertThat(entries.get(0).toJson().getBoolean("bodyDropped")).isTrue();
    assertThat(entries.get(fit + 1).rawBody()).endsWith("x" + (fit + 1));
    assertThat(entries.get(fit + 1).toJson().containsKey("bodyDropped")).isFalse();
  }

  @Test
  void anEntryLeavingTheJournalGivesBackItsBodysRoom() {
    Journal journal = new Journal(2);
    String large = "x".repeat(Journal.MAX_BODY_BYTES - 1);

    for (int i = 0; i < 20; i++) {
      journal.add(entry(journal, large + i));
    }

    assertThat(journal.entries(null, null)).extracting(JournalEntry::bodyDropped).containsExactly(false, false);
  }

  @Test
  void aBodyPastTheLimitIsKeptUpToItAndSaysSo() {
    Journal journal = new Journal(2);

    journal.add(entry(journal, "y".repeat(Journal.MAX_BODY_BYTES + 10)));

    assertThat(journal.entries(null, null).get(0).rawBody()).hasSize(Journal.MAX_BODY_BYTES + 3).endsWith("y...");
  }

  @Test
  void pathQueryHeadersAndBodyReadBackAsSentAndTheHeadOutlivesTheBody() {
    Journal journal = new Journal(10, 16);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json").add("X-Note", "a: b");
    JournalEntry entry = JournalEntry.of(1, Instant.now(), "galtea", "createTrace", "createTrace", "POST",
        journal.head("/traces", "a=1&a=2&b=%C3%A9", headers), journal.keep(Buffer.buffer("{\n\"k\": \"\u00e9\"}\n")), null, 201);

    assertThat(entry.path()).isEqualTo("/traces");
    assertThat(entry.query()).isEqualTo(new JsonObject().put("a", new JsonArray().add("1").add("2")).put("b", new JsonArray().add("\u00e9")));
    assertThat(entry.headers()).isEqualTo(new JsonObject().put("Content-Type", "application/json").put("X-Note", "a: b"));
    assertThat(entry.rawBody()).isEqualTo("{\n\"k\": \"\u00e9\"}\n");

    journal.keep(Buffer.buffer("[1,2,3,4]"));
    assertThat(entry.rawBody()).isNull();
    assertThat(entry.bodyDropped()).isTrue();
    assertThat(entry.headers()).hasSize(2);
    assertThat(entry.query().getJsonArray("a")).hasSize(2);
  }

  @Test
  void aHeadThatRepeatsARecentOneIsKeptOnceWhicheverOrderItsClientsSendTheHeadersIn() {
    Journal journal = new Journal(10);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer gsk_load").add("Content-Type", "application/json");
    MultiMap reordered = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json").add("Authorization", "Bearer gsk_load");

    byte[] first = journal.head("/traces", null, headers);
    byte[] firstReordered = journal.head("/traces", null, reordered);
    byte[] again = journal.head("/traces", null, MultiMap.caseInsensitiveMultiMap().addAll(headers));
    byte[] againReordered = journal.head("/traces", null, MultiMap.caseInsensitiveMultiMap().addAll(reordered));
    byte[] other = journal.head("/traces", "page=2", headers);

    assertThat(firstReordered).isNotSameAs(first);
    assertThat(again).as("the head two requests before").isSameAs(first);
    assertThat(againReordered).isSameAs(firstReordered);
    assertThat(other).isNotSameAs(first);
    assertThat(RequestHead.queryJson(other)).isEqualTo(new JsonObject().put("page", new JsonArray().add("2")));
    assertThat(RequestHead.queryJson(first)).isEmpty();
  }

  @Test
  void anEntryIsReadBackAsItWasAddedInEveryField() {
    Journal journal = new Journal(4);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Galileo-API-Key", "gsk_1");
    JsonArray violations = new JsonArray().add(new JsonObject().put("pointer", "/traces").put("rule", "required"));
    Instant at = Instant.parse("2026-12-02T10:00:00.123456789Z");
    JournalEntry withBody = JournalEntry.of(7, at, "galileo", "logTracesV2", "logTraces", "POST",
        journal.head("/v2/projects/p/traces", "a=1", headers), journal.keep(Buffer.buffer("{\"traces\":[]}")), violations, 422);
    JournalEntry withoutBody = JournalEntry.of(8, at.plusSeconds(1), null, null, null, "GET",
        journal.head("/nowhere", null, headers), journal.keep(null), null, 404);
    JournalEntry cut = entry(journal, "z".repeat(Journal.MAX_BODY_BYTES + 1));

    journal.add(withBody);
    journal.add(withoutBody);
    journal.add(cut);

    List<JournalEntry> read = journal.entries(null, null);
    assertThat(read).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JournalEntry added = List.of(withBody, withoutBody, cut).get(i);
      assertThat(read.get(i)).as("built again from the columns").isNotSameAs(added);
      assertThat(read.get(i).sequence()).isEqualTo(added.sequence());
      assertThat(read.get(i).at()).isEqualTo(added.at());
      assertThat(read.get(i).toJson()).isEqualTo(added.toJson());
    }
    assertThat(read.get(0).toJson().getString("canonicalOperationId")).isEqualTo("logTraces");
    assertThat(read.get(0).violations()).isEqualTo(violations);
    assertThat(read.get(0).rawBody()).isEqualTo("{\"traces\":[]}");
    assertThat(read.get(1).rawBody()).isNull();
    assertThat(read.get(1).bodyDropped()).isFalse();
    assertThat(read.get(2).rawBody()).endsWith("z...");
    assertThat(journal.entries("logTraces", "galileo")).extracting(JournalEntry::sequence).containsExactly(7L, cut.sequence());
    assertThat(journal.entries("logTracesV2", null)).extracting(JournalEntry::sequence).containsExactly(7L);
  }

  @Test
  void bodiesThatWrapRoundTheRingReadBackWhole() {
    Journal journal = new Journal(10, 16);
    JournalEntry first = entry(journal, "0123456789");
    JournalEntry wrapped = entry(journal, "abcdefghij");

    assertThat(first.bodyDropped()).as("the second body wrote over the first one's start").isTrue();
    assertThat(wrapped.rawBody()).isEqualTo("abcdefghij");
    assertThat(entry(journal, "k").rawBody()).isEqualTo("k");
    assertThat(wrapped.rawBody()).isEqualTo("abcdefghij");
  }
}
