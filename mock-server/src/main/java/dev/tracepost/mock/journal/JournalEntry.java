package dev.tracepost.mock.journal;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One request the mock received, matched or not, and how it answered. Its path, query and headers are
 * kept as bytes in one array ({@link RequestHead}), its body in the journal's ring ({@link BodyRing}),
 * and read into text or JSON when asked: most entries are never read. The body goes when newer bodies
 * need its room ({@link Journal#MAX_BODY_BYTES_TOTAL}); then {@link #bodyDropped()} says so.
 */
public final class JournalEntry {

  private final long sequence;
  private final long atSecond;
  private final int atNano;
  private final String vendor;
  private final String operationId;
  private final String canonicalId;
  private final String method;
  private final JsonArray violations;
  private final int status;
  private final byte[] head;
  private final BodyRing.Kept body;

  private JournalEntry(long sequence, Instant at, String vendor, String operationId, String canonicalId, String method,
                       byte[] head, BodyRing.Kept body, JsonArray violations, int status) {
    this.sequence = sequence;
    this.atSecond = at.getEpochSecond();
    this.atNano = at.getNano();
    this.vendor = vendor;
    this.operationId = operationId;
    this.canonicalId = canonicalId;
    this.method = method;
    this.head = head;
    this.body = body;
    this.violations = violations;
    this.status = status;
  }

  /**
   * @param operationId the operation matched ({@code null} when none), as the spec names it ({@code logTracesV2})
   * @param canonicalId the same for both path forms ({@code logTraces}); what filters match
   * @param head        the request's path, query and headers ({@link Journal#head})
   * @param body        where the journal keeps the body ({@link Journal#keep}); null when there was none
   * @param violations  what the request broke, when it was rejected as invalid
   */
  static JournalEntry of(long sequence, Instant at, String vendor, String operationId, String canonicalId, String method,
                         byte[] head, BodyRing.Kept body, JsonArray violations, int status) {
    return new JournalEntry(sequence, at, vendor, operationId, canonicalId, method, head, body, violations, status);
  }

  public long sequence() {
    return sequence;
  }

  public Instant at() {
    return Instant.ofEpochSecond(atSecond, atNano);
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
    return RequestHead.path(head);
  }

  /** Each query parameter with its values. */
  public JsonObject query() {
    return RequestHead.queryJson(head);
  }

  /** Each header with its value. */
  public JsonObject headers() {
    return RequestHead.headersJson(head);
  }

  /** The body as text (ending in {@code ...} when it was cut); null when there was none, or when it was dropped to make room. */
  public String rawBody() {
    byte[] bytes = body == null ? null : body.bytes();
    if (bytes == null) {
      return null;
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return body.cut() ? text + "..." : text;
  }

  /** The packed path, query and headers ({@link RequestHead}). */
  byte[] head() {
    return head;
  }

  /** Where the journal keeps the body; null when there was none. */
  BodyRing.Kept keptBody() {
    return body;
  }

  public JsonArray violations() {
    return violations;
  }

  public int status() {
    return status;
  }

  /** Whether the body was dropped to make room for newer ones (the rest of the entry is kept). */
  public boolean bodyDropped() {
    return body != null && body.overwritten();
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("sequence", sequence)
        .put("at", at().toString())
        .put("vendor", vendor)
        .put("operationId", operationId)
        .put("canonicalOperationId", canonicalId)
        .put("method", method)
        .put("path", path())
        .put("query", query())
        .put("headers", headers())
        .put("body", body())
        .put("validationErrors", violations)
        .put("status", status);
    if (bodyDropped()) {
      json.put("bodyDropped", true);
    }
    return json;
  }

  /** The body as JSON when it is JSON, else as text; null when there was none (or it was dropped). */
  public Object body() {
    String body = rawBody();
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
