package dev.tracepost.contract.galileo;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One trace or span as it is stored: its place in the tree, and its JSON as the client sent it ({@code
 * json}, its child spans included when it comes from a request) or as it was stored.
 */
public record RecordRow(
    UUID id,
    UUID traceId,
    UUID parentId,
    int position,
    int depth,
    String type,
    String name,
    UUID sessionId,
    OffsetDateTime createdAt,
    boolean hasChildren,
    JsonObject json) {

  /**
   * Its body as stored: every field it was sent with but its child spans, in a new object sharing the
   * values. Made when asked, not when the tree is flattened: the mock keeps only ids at ingest, and those
   * copies were a tenth of what it allocated per Galileo request (bench/results/mock-2026-12-02.md).
   */
  public JsonObject body() {
    if (!json.containsKey("spans")) {
      return json;
    }
    Map<String, Object> fields = new LinkedHashMap<>(Math.max(4, json.size() * 4 / 3 + 1));
    json.getMap().forEach((name, value) -> {
      if (!"spans".equals(name)) {
        fields.put(name, value);
      }
    });
    return new JsonObject(fields);
  }
}
