package dev.tracepost.mock.control;

import io.vertx.core.json.JsonObject;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * "Answer the next matching requests like this": an operation, how many times (null for every time until
 * deleted), and the status, body, headers, delay or connection fault to answer with.
 */
public final class Expectation {

  private static final Set<String> FAULTS = Set.of("connection_reset", "empty_response");

  private final String operationId;
  private final Integer times;
  private final Integer status;
  private final Object body;
  private final JsonObject headers;
  private final long delayMs;
  private final String fault;
  private final AtomicInteger used = new AtomicInteger();

  private Expectation(String operationId, Integer times, Integer status, Object body, JsonObject headers, long delayMs, String fault) {
    this.operationId = operationId;
    this.times = times;
    this.status = status;
    this.body = body;
    this.headers = headers;
    this.delayMs = delayMs;
    this.fault = fault;
  }

  /** Reads {@code {"operationId", "times"?, "status", "body"?, "headers"?, "delayMs"?, "fault"?}}, or says what is wrong. */
  public static Expectation fromJson(JsonObject json) {
    String operationId = json.getString("operationId");
    if (operationId == null || operationId.isBlank()) {
      throw new IllegalArgumentException("operationId is required");
    }
    Integer status = json.getInteger("status");
    String fault = json.getString("fault");
    if (fault != null && !FAULTS.contains(fault)) {
      throw new IllegalArgumentException("fault must be connection_reset or empty_response");
    }
    if (status == null && fault == null) {
      throw new IllegalArgumentException("status is required (unless a fault is given)");
    }
    if (status != null && (status < 100 || status > 599)) {
      throw new IllegalArgumentException("status must be an HTTP status");
    }
    Integer times = json.getInteger("times");
    if (times != null && times < 1) {
      throw new IllegalArgumentException("times must be at least 1 (leave it out for every time)");
    }
    long delay = json.getLong("delayMs", 0L);
    if (delay < 0) {
      throw new IllegalArgumentException("delayMs cannot be negative");
    }
    return new Expectation(operationId, times, status, json.getValue("body"), json.getJsonObject("headers", new JsonObject()), delay, fault);
  }

  public static Expectation answer(String operationId, int status) {
    return new Expectation(operationId, null, status, null, new JsonObject(), 0, null);
  }

  public Expectation times(int count) {
    return new Expectation(operationId, count, status, body, headers, delayMs, fault);
  }

  public Expectation body(Object reply) {
    return new Expectation(operationId, times, status, reply, headers, delayMs, fault);
  }

  public Expectation header(String name, String value) {
    return new Expectation(operationId, times, status, body, headers.copy().put(name, value), delayMs, fault);
  }

  public Expectation delayMs(long delay) {
    return new Expectation(operationId, times, status, body, headers, delay, fault);
  }

  public static Expectation fault(String operationId, String fault) {
    return fromJson(new JsonObject().put("operationId", operationId).put("fault", fault));
  }

  /** Takes one use, if any is left. */
  boolean take() {
    if (times == null) {
      used.incrementAndGet();
      return true;
    }
    return used.getAndUpdate(count -> count < times ? count + 1 : count) < times;
  }

  public String operationId() {
    return operationId;
  }

  Integer status() {
    return status;
  }

  Object body() {
    return body;
  }

  JsonObject headers() {
    return headers;
  }

  long delayMs() {
    return delayMs;
  }

  String fault() {
    return fault;
  }

  public JsonObject toJson() {
    return new JsonObject().put("operationId", operationId).put("times", times).put("used", used.get()).put("status", status)
        .put("body", body).put("headers", headers).put("delayMs", delayMs).put("fault", fault);
  }
}
