package dev.tracepost.contract.galtea;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepost.contract.Json;
import dev.tracepost.galtea.model.TraceCreate;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /traces/batch}: Galtea documents it as {@code {"traces": [...]}} and once as a
 * bare array; both read into the same list. Written by hand because a generated class can be only one of
 * the two shapes.
 */
public final class TraceBatchBody {

  private final List<TraceCreate> traces;

  public TraceBatchBody(List<TraceCreate> traces) {
    this.traces = List.copyOf(traces);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static TraceBatchBody read(JsonNode body) {
    JsonNode items = body.isArray() ? body : body.path("traces");
    List<TraceCreate> traces = new ArrayList<>(items.size());
    for (JsonNode item : items) {
      traces.add(Json.mapper().convertValue(item, TraceCreate.class));
    }
    return new TraceBatchBody(traces);
  }

  @JsonProperty("traces")
  public List<TraceCreate> traces() {
    return traces;
  }
}
