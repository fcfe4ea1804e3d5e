package dev.tracepost.checks.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.function.UnaryOperator;

/** Updates the values at a field pattern such as {@code /traces/*}{@code /inferenceResultId} ({@code *}: every item). */
final class Fields {

  private Fields() {
  }

  /** Applies {@code update} to every value the pattern reaches that is present and not null. */
  static void update(Object json, String pattern, UnaryOperator<Object> update) {
    String[] segments = pattern.startsWith("/") ? pattern.substring(1).split("/") : pattern.split("/");
    walk(json, segments, 0, update);
  }

  private static void walk(Object node, String[] segments, int index, UnaryOperator<Object> update) {
    String segment = segments[index];
    boolean last = index == segments.length - 1;
    if (node instanceof JsonObject object && !segment.equals("*")) {
      Object value = object.getValue(segment);
      if (value == null) {
        return;
      }
      if (last) {
        object.put(segment, update.apply(value));
      } else {
        walk(value, segments, index + 1, update);
      }
    } else if (node instanceof JsonArray array && (segment.equals("*") || segment.chars().allMatch(Character::isDigit))) {
      for (int i = 0; i < array.size(); i++) {
        if (!segment.equals("*") && i != Integer.parseInt(segment)) {
          continue;
        }
        if (last) {
          array.set(i, update.apply(array.getValue(i)));
        } else {
          walk(array.getValue(i), segments, index + 1, update);
        }
      }
    }
  }
}
