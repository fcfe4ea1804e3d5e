package dev.tracepost.checks.engine;

import dev.tracepost.contract.samples.SchemaSampler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Operation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Real values for what a call needs from other operations (a project, a log stream, an inference
 * result): each source operation is called once, with the first of its examples that works, and what it
 * answered (or was sent) supplies the values.
 */
final class Setup {

  private static final String CREDENTIALS = "$credentials.apiKey";

  private final Spec spec;
  private final Target target;
  private final Requests requests;
  private final Map<String, Exchange> done = new HashMap<>();
  private final List<String> running = new ArrayList<>();

  Setup(Spec spec, Target target, Requests requests) {
    this.spec = spec;
    this.target = target;
    this.requests = requests;
  }

  /** The body with its {@code x-tracepost-setup} fields (those present) filled from their sources. */
  Object fill(Operation operation, Object body) {
    for (Object entry : spec.checkHints(operation).getJsonArray("x-tracepost-setup", new JsonArray())) {
      JsonObject setup = (JsonObject) entry;
      Fields.update(body, setup.getString("field"), present -> {
        Object value = value(setup.getString("operationId"), setup.getString("value"));
        return value == null ? present : value;
      });
    }
    return body;
  }

  /** The value an expression reads from a successful call of the operation; null when it cannot be had. */
  Object value(String operationId, String expression) {
    if (CREDENTIALS.equals(expression)) {
      return target.apiKey();
    }
    Exchange exchange = done.get(operationId);
    if (exchange == null && !running.contains(operationId)) {
      running.add(operationId);
      try {
        exchange = run(operationId, expression);
      } finally {
        running.remove(operationId);
      }
      if (exchange != null) {
        done.put(operationId, exchange);
      }
    }
    return exchange == null ? null : exchange.evaluate(expression);
  }

  private Exchange run(String operationId, String expression) {
    Operation operation = spec.contract().operation(operationId);
    if (operation == null) {
      return null;
    }
    List<Object> bodies = new ArrayList<>(spec.requestExamples(operation).values());
    if (spec.hasBody(operation)) {
      bodies.add(new SchemaSampler(spec.contract().getRawContract(), null).sample(spec.bodySchema(operation)));
    } else {
      bodies.add(null);
    }
    for (Object body : bodies) {
      Exchange exchange = target.send(requests.build(operation, body, Map.of(), false));
      if (exchange.status() >= 200 && exchange.status() < 300 && exchange.evaluate(expression) != null) {
        return exchange;
      }
    }
    return null;
  }
}
