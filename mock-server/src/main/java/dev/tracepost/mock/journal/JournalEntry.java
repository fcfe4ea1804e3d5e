package dev.tracepost.mock.journal;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * One request the mock received, matched or not, and how it answered.
 *
 * @param operationId    the operation matched ({@code null} when none), as the spec names it ({@code logTracesV2})
 * @param canonicalId    the same for both path forms ({@code logTraces}); what filters match
 * @param rawBody        the body as received, cut after {@link Journal#MAX_BODY_CHARS}; kept as text because a
 *                       parsed body takes several times the memory and most entries are never read
 * @param violations     what the request broke, when it was rejected as invalid
 */
public record JournalEntry(
    long sequence,
    Instant at,
    String vendor,
    String operationId,
    String canonicalId,
    String method,
    String path,
    JsonObject query,
    JsonObject headers,
    String rawBody,
    JsonArray violations,
    int status) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("sequence", sequence)
        .put("at", at.toString())
        .put("vendor", vendor)
        .put("operationId", operationId)
        .put("canonicalOperationId", canonicalId)
        .put("method", method)
        .put("path", path)
        .put("query", query)
        .put("headers", headers)
        .put("body", body())
        .put("validationErrors", violations)
        .put("status", status);
  }

  /** The body as JSON when it is JSON, else as text; null when there was none. */
  public Object body() {
    if (rawBody == null) {
      return null;
    }
    try {
      return Json.decodeValue(rawBody);
    } catch (DecodeException notJson) {
      return rawBody;
    }
  }

  /** The body as a JSON object (for a JSON object body), else null. */
  public JsonObject bodyAsJsonObject() {
    return body() instanceof JsonObject object ? object : null;
  }
}
