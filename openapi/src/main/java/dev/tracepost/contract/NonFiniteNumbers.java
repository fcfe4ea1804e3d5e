package dev.tracepost.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;
import dev.tracepost.contract.errors.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds numbers too large for a double ({@code 1e400}): valid JSON, and no schema bound the specs write
 * can be checked against them (the validator failed on them with a 500), nor can they be stored or
 * written back. {@link RequestValidation} asks before the schema runs.
 */
final class NonFiniteNumbers {

  private NonFiniteNumbers() {
  }

  /**
   * Builds the tree of one body and notes whether the parser made a number that overflowed a double. The
   * parser is the one that knows: a scan of the bytes for long exponents and long runs of digits, which
   * this replaced, cost 3 % of the mock's CPU under the Galileo load (bench/results/mock-2026-12-02.md).
   */
  static final class Watch extends JsonNodeFactory {

    private boolean overflowed;

    @Override
    public NumericNode numberNode(double v) {
      overflowed |= !Double.isFinite(v);
      return super.numberNode(v);
    }

    @Override
    public NumericNode numberNode(float v) {
      overflowed |= !Float.isFinite(v);
      return super.numberNode(v);
    }
  }

  /** Every such number in the body; the tree is walked only when the parser made one. */
  static List<Violation> violations(Watch watched, JsonNode parsed) {
    if (!watched.overflowed) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>(0);
    JsonTreeWalk.walk(parsed, (key, path) -> { }, (value, path) -> {
      if (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
        violations.add(new Violation("body", path, "out_of_range", "The number is too large for this server"));
      }
    });
    return violations;
  }
}
