package dev.tracepost.contract.galtea;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Galtea-shaped ids: a kind, 32 hex digits, time-ordered. */
class GalteaIdsTest {

  @Test
  void idsAreAKindAnd32HexDigitsOfAVersion7Uuid() {
    String id = GalteaIds.next("trace");

    assertThat(id).matches("trace_[0-9a-f]{32}");
    assertThat(id.charAt("trace_".length() + 12)).as("the version digit").isEqualTo('7');
  }

  @Test
  void idsMadeLaterSortAfterAndNoneRepeat() throws InterruptedException {
    String first = GalteaIds.next("ir");
    Thread.sleep(2);
    String later = GalteaIds.next("ir");
    Set<String> many = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      many.add(GalteaIds.next("session"));
    }

    assertThat(later).isGreaterThan(first);
    assertThat(many).hasSize(10_000);
  }
}
