package dev.tracepost.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Visits every key and every scalar of a parsed body with its path (keys and indexes), for the checks no schema can make. */
final class JsonTreeWalk {

  private JsonTreeWalk() {
  }

  /**
   * @param keys    each object key, with the path down to its value
   * @param scalars each value that is neither an object nor an array, with its path
   */
  static void walk(JsonNode body, BiConsumer<String, List<Object>> keys, BiConsumer<JsonNode, List<Object>> scalars) {
    walk(body, new ArrayList<>(), keys, scalars);
  }

  private static void walk(JsonNode value, List<Object> path, BiConsumer<String, List<Object>> keys,
                           BiConsumer<JsonNode, List<Object>> scalars) {
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        path.add(entry.getKey());
        keys.accept(entry.getKey(), path);
        walk(entry.getValue(), path, keys, scalars);
        path.remove(path.size() - 1);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        path.add(i);
        walk(value.get(i), path, keys, scalars);
        path.remove(path.size() - 1);
      }
    } else {
      scalars.accept(value, path);
    }
  }
}
