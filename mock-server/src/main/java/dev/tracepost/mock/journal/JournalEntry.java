package dev.tracepost.mock.journal;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * One request the mock received, matched or not, and how it answered. Its body is kept as text (a parsed
 * body takes several times the memory, and most entries are never read) until the journal needs the room
 * for newer bodies ({@link Journal#MAX_BODY_CHARS_TOTAL}); then {@link #bodyDropped()} says so.
 */
public final class JournalEntry {

  private final long sequence;
  private final Instant at;
  private final String vendor;
  private final String operationId;
  private final String canonicalId;
  private final String method;
  private final String path;
  private final RequestHead head;
  private final JsonArray violations;
  private final int status;
  private volatile String rawBody;
  private volatile boolean bodyDropped;

  /**
   * @param operationId the operation matched ({@code null} when none), as the spec names it ({@code logTracesV2})
   * @param canonicalId the same for both path forms ({@code logTraces}); what filters match
   * @param rawBody     the body as received, cut after {@link Journal#MAX_BODY_CHARS}
   * @param violations  what the request broke, when it was rejected as invalid
   */
  JournalEntry(long sequence, Instant at, String vendor, String operationId, String canonicalId, String method, String path,
               RequestHead head, String rawBody, JsonArray violations, int status) {
    this.sequence = sequence;
    this.at = at;
    this.vendor = vendor;
    this.operationId = operationId;
    this.canonicalId = canonicalId;
    this.method = method;
    this.path = path;
    this.head = head;
    this.rawBody = rawBody;
    this.violations = violations;
    this.status = status;
  }

  public long sequence() {
    return sequence;
  }

  public Instant at() {
    return at;
  }

  public String vendor() {
    return vendor;
  }

  public String operationId() {
    return operationId;
  }

  public String canonicalId() {
    return canonicalId;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** Each query parameter with its values. */
  public JsonObject query() {
    return head.queryJson();
  }

  /** Each header with its value. */
  public JsonObject headers() {
    return head.headersJson();
  }

  /** The body as text; null when there was none, or when it was dropped to make room. */
  public String rawBody() {
    return rawBody;
  }

  public JsonArray violations() {
    return violations;
  }

  public int status() {
    return status;
  }

  /** Whether the body was dropped to make room for newer ones (the rest of the entry is kept). */
  public boolean bodyDropped() {
    return bodyDropped;
  }

  /** @return how many characters of body this freed */
  int dropBody() {
    String body = rawBody;
    if (body == null) {
      return 0;
    }
    rawBody = null;
    bodyDropped = true;
    return body.length();
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("sequence", sequence)
        .put("at", at.toString())
        .put("vendor", vendor)
        .put("operationId", operationId)
        .put("canonicalOperationId", canonicalId)
        .put("method", method)
        .put("path", path)
        .put("query", query())
        .put("headers", headers())
        .put("body", body())
        .put("validationErrors", violations)
        .put("status", status);
    if (bodyDropped) {
      json.put("bodyDropped", true);
    }
    return json;
  }

  /** The body as JSON when it is JSON, else as text; null when there was none (or it was dropped). */
  public Object body() {
    String body = rawBody;
    if (body == null) {
      return null;
    }
    try {
      return Json.decodeValue(body);
    } catch (DecodeException notJson) {
      return body;
    }
  }

  /** The body as a JSON object (for a JSON object body), else null. */
  public JsonObject bodyAsJsonObject() {
    return body() instanceof JsonObject object ? object : null;
  }
}
