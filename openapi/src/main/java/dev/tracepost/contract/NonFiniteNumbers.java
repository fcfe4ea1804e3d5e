package dev.tracepost.contract;

import com.fasterxml.jackson.databind.JsonNode;
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

  static List<Violation> violations(JsonNode parsed) {
    List<Violation> violations = new ArrayList<>(0);
    JsonTreeWalk.walk(parsed, (key, path) -> { }, (value, path) -> {
      if (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
        violations.add(new Violation("body", path, "out_of_range", "The number is too large for this server"));
      }
    });
    return violations;
  }
}
