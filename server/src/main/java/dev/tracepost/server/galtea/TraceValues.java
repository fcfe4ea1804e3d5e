package dev.tracepost.server.galtea;

import dev.tracepost.galtea.model.TraceCreate;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.Map;

/** A trace to store: what the client sent, with its id and its session settled. */
record TraceValues(String id, TraceCreate sent, String sessionId) {

  String type() {
    return sent.getType() == null ? null : sent.getType().getValue();
  }

  Double latencyMs() {
    return sent.getLatencyMs() == null ? null : sent.getLatencyMs().doubleValue();
  }

  OffsetDateTime startTime() {
    return sent.getStartTime();
  }

  OffsetDateTime endTime() {
    return sent.getEndTime();
  }

  static JsonObject json(Map<String, Object> map) {
    return map == null ? null : new JsonObject(map);
  }
}
