package dev.tracepost.server.galtea;

import dev.tracepost.galtea.model.InferenceResult;
import dev.tracepost.galtea.model.Session;
import dev.tracepost.galtea.model.Trace;
import dev.tracepost.galtea.model.TraceType;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.math.BigDecimal;
import java.util.Map;

/** Rows as the generated Galtea models. */
final class GalteaModels {

  private GalteaModels() {
  }

  static Trace trace(Row row) {
    return new Trace()
        .id(row.getString("trace_id"))
        .inferenceResultId(row.getString("inference_result_id"))
        .name(row.getString("name"))
        .type(row.getString("type") == null ? null : TraceType.fromValue(row.getString("type")))
        .description(row.getString("description"))
        .inputData(map(row.getJsonObject("input_data")))
        .outputData(map(row.getJsonObject("output_data")))
        .error(row.getString("error"))
        .latencyMs(decimal(row.getDouble("latency_ms")))
        .metadata(map(row.getJsonObject("metadata")))
        .parentTraceId(row.getString("parent_trace_id"))
        .startTime(row.getOffsetDateTime("start_time"))
        .endTime(row.getOffsetDateTime("end_time"))
        .createdAt(row.getOffsetDateTime("created_at"))
        .deletedAt(row.getOffsetDateTime("deleted_at"));
  }

  static Session session(Row row) {
    return new Session()
        .id(row.getString("session_id"))
        .versionId(row.getString("version_id"))
        .productId(row.getString("product_id"))
        .customId(row.getString("custom_id"))
        .testCaseId(row.getString("test_case_id"))
        .context(row.getString("context"))
        .metadata(map(row.getJsonObject("metadata")))
        .isProduction(row.getBoolean("is_production"))
        .stoppingReason(row.getString("stopping_reason"))
        .createdAt(row.getOffsetDateTime("created_at"))
        .deletedAt(row.getOffsetDateTime("deleted_at"));
  }

  static InferenceResult inferenceResult(Row row) {
    return new InferenceResult()
        .id(row.getString("inference_result_id"))
        .sessionId(row.getString("session_id"))
        .index(row.getInteger("index"))
        .status(row.getString("status"))
        .error(row.getString("error"))
        .input(row.getValue("input"))
        .actualOutput(row.getString("actual_output"))
        .retrievalContext(row.getString("retrieval_context"))
        .latency(decimal(row.getDouble("latency")))
        .inputTokens(row.getInteger("input_tokens"))
        .outputTokens(row.getInteger("output_tokens"))
        .cacheReadInputTokens(row.getInteger("cache_read_input_tokens"))
        .tokens(row.getInteger("tokens"))
        .cost(decimal(row.getDouble("cost")))
        .traceId(null)
        .createdAt(row.getOffsetDateTime("created_at"))
        .deletedAt(row.getOffsetDateTime("deleted_at"));
  }

  private static Map<String, Object> map(JsonObject json) {
    return json == null ? null : json.getMap();
  }

  private static BigDecimal decimal(Double value) {
    return value == null ? null : BigDecimal.valueOf(value);
  }
}
