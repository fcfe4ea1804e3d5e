package dev.tracepost.contract;

import dev.tracepost.contract.errors.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers past a double are named where they are; everyday numbers, and texts that look like big ones, are not. */
class NonFiniteNumbersTest {

  private static List<String> pointers(String json) throws Exception {
    NonFiniteNumbers.Watch watch = new NonFiniteNumbers.Watch();
    return NonFiniteNumbers.violations(watch, Json.mapper().reader().with(watch).readTree(json)).stream()
        .map(Violation::pointer).toList();
  }

  @Test
  void threeDigitExponentsAndVeryLongNumbersAreNamed() throws Exception {
    assertThat(pointers("{\"a\":1e400}")).containsExactly("/a");
    assertThat(pointers("{\"a\":{\"b\":-1.5E+309}}")).containsExactly("/a/b");
    assertThat(pointers("{\"a\":[1," + "9".repeat(400) + ".5,2e999]}")).containsExactly("/a/1", "/a/2");
  }

  @Test
  void everydayNumbersAndTextsAreNot() throws Exception {
    assertThat(pointers("{\"a\":1e30,\"b\":-12.5,\"c\":\"2026-11-21T09:00:00Z\",\"d\":" + "9".repeat(300)
        + ",\"e\":\"1e400\",\"f\":1e-400}")).isEmpty();
  }
}
