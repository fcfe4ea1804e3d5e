package dev.tracepost.contract;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers past a double are found; a body without a candidate is not walked. */
class NonFiniteNumbersTest {

  private static boolean candidate(String json) {
    return NonFiniteNumbers.mayHoldOne(BodyBytes.of(Buffer.buffer(json)));
  }

  @Test
  void threeDigitExponentsAndVeryLongNumbersAreCandidates() {
    assertThat(candidate("{\"a\":1e400}")).isTrue();
    assertThat(candidate("{\"a\":-1.5E+309}")).isTrue();
    assertThat(candidate("{\"a\":" + "9".repeat(309) + ".5}")).isTrue();
  }

  @Test
  void everydayNumbersAreNot() {
    assertThat(candidate("{\"a\":1e30,\"b\":-12.5,\"c\":\"2026-11-21T09:00:00Z\",\"d\":" + "9".repeat(300) + "}")).isFalse();
  }

  @Test
  void aDecimalWithTooManyDigitsIsNamed() throws Exception {
    String json = "{\"a\":[1," + "9".repeat(400) + ".5]}";

    var violations = NonFiniteNumbers.violations(BodyBytes.of(Buffer.buffer(json)), Json.mapper().readTree(json));

    assertThat(violations).extracting(violation -> violation.pointer()).containsExactly("/a/1");
  }
}
