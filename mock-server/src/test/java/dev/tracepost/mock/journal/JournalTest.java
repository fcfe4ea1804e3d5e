package dev.tracepost.mock.journal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal stays within its bounds: so many entries, and so many characters of bodies. */
class JournalTest {

  private static JournalEntry entry(Journal journal, String body) {
    return new JournalEntry(journal.nextSequence(), Instant.now(), "galileo", "logTraces", "logTraces", "POST", "/traces",
        new RequestHead(null, ""), body, null, 200);
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
    String large = "x".repeat((int) (Journal.MAX_BODY_CHARS_TOTAL / 4));

    for (int i = 0; i < 6; i++) {
      journal.add(entry(journal, large + i));
    }

    List<JournalEntry> entries = journal.entries(null, null);
    assertThat(entries).hasSize(6);
    assertThat(entries).extracting(JournalEntry::bodyDropped).containsExactly(true, true, true, false, false, false);
    assertThat(entries.get(0).rawBody()).isNull();
    assertThat(entries.get(0).toJson().getBoolean("bodyDropped")).isTrue();
    assertThat(entries.get(5).rawBody()).endsWith("5");
    assertThat(entries.get(5).toJson().containsKey("bodyDropped")).isFalse();
  }

  @Test
  void anEntryLeavingTheJournalGivesBackItsBodysRoom() {
    Journal journal = new Journal(2);
    String large = "x".repeat((int) (Journal.MAX_BODY_CHARS_TOTAL / 3));

    for (int i = 0; i < 10; i++) {
      journal.add(entry(journal, large + i));
    }

    assertThat(journal.entries(null, null)).extracting(JournalEntry::bodyDropped).containsExactly(false, false);
  }
}
