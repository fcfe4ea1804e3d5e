package dev.tracepost.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepost.contract.errors.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    walk(parsed, new ArrayList<>(), violations);
    return violations;
  }

  private static void walk(JsonNode value, List<Object> path, List<Violation> into) {
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        path.add(entry.getKey());
        walk(entry.getValue(), path, into);
        path.remove(path.size() - 1);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        path.add(i);
        walk(value.get(i), path, into);
        path.remove(path.size() - 1);
      }
    } else if (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
      into.add(new Violation("body", path, "out_of_range", "The number is too large for this server"));
    }
  }
}
