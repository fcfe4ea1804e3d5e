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

  /** Every such number in the body; the tree is walked only when its bytes hold a candidate. */
  static List<Violation> violations(BodyBytes bytes, JsonNode parsed) {
    if (!mayHoldOne(bytes)) {
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

  /**
   * A double overflows only with an exponent of three digits or more ({@code 1e309}), or with more than
   * 308 digits before the point: look for either in the bytes (a string that merely looks like one costs
   * a walk of the tree, nothing more). A byte that neither is a digit nor follows one costs two
   * comparisons: the scan runs on every body (1.2 ns a byte before, 0.7 now).
   */
  static boolean mayHoldOne(BodyBytes body) {
    byte[] bytes = body.array();
    int start = body.offset();
    int end = start + body.length();
    int digits = 0;
    for (int at = start; at < end; at++) {
      byte b = bytes[at];
      if ((b - '0' & 0xFF) < 10) {
        if (++digits > 308) {
          return true;
        }
      } else if (digits > 0) {
        if ((b == 'e' || b == 'E') && exponentDigits(body, at - start + 1) >= 3) {
          return true;
        }
        digits = b == '.' ? digits : 0;
      }
    }
    return false;
  }

  private static int exponentDigits(BodyBytes body, int from) {
    int i = from < body.length() && (body.at(from) == '+' || body.at(from) == '-') ? from + 1 : from;
    int start = i;
    while (i < body.length() && body.at(i) >= '0' && body.at(i) <= '9') {
      i++;
    }
    return i - start;
  }
}
