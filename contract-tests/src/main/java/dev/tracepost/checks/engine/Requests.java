package dev.tracepost.checks.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Operation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the calls the checks send: parameters from their sources (other operations, as the spec's
 * {@code x-tracepost-source} says) or examples, the key in the operation's auth form, and the body with
 * its {@code x-tracepost-setup} fields filled and its {@code x-tracepost-unique} fields made unique.
 */
public final class Requests {

  private final Spec spec;
  private final Target target;
  /** Differs from run to run (unlike the seed), so that what one run creates never collides with the last run's. */
  private final String runTag = Long.toHexString(System.nanoTime() & 0xffffffL);
  private final AtomicInteger sent = new AtomicInteger();
  private Setup setup;

  public Requests(Spec spec, Target target) {
    this.spec = spec;
    this.target = target;
    this.setup = new Setup(spec, target, this);
  }

  /**
   * @param body    the body to send (an example or a sample), before set-up
   * @param given   parameters fixed by the caller (a link); the rest come from sources, examples, defaults
   * @param onlyGiven whether optional query parameters are left out unless given
   */
  public Call build(Operation operation, Object body, Map<String, Object> given, boolean onlyGiven) {
    Setup scope = Boolean.TRUE.equals(spec.checkHints(operation).getBoolean("x-tracepost-fresh-setup")) ? new Setup(spec, target, this) : setup;
    Map<String, String> path = new LinkedHashMap<>();
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (JsonObject parameter : spec.parameters(operation)) {
      String name = parameter.getString("name");
      String in = parameter.getString("in");
      boolean required = Boolean.TRUE.equals(parameter.getBoolean("required"));
      Object value = given.get(name);
      if (value == null && (required || !onlyGiven)) {
        value = parameterValue(scope, parameter, required);
      }
      if (value == null) {
        continue;
      }
      if ("path".equals(in)) {
        path.put(name, String.valueOf(value));
      } else if ("query".equals(in)) {
        query.put(name, Target.listOf(value));
      }
    }
    Map<String, String> headers = new LinkedHashMap<>(target.credentials(spec, operation, target.apiKey()));
    Object prepared = body == null ? null : unique(operation, scope.fill(operation, copy(body)));
    return new Call(operation, path, query, headers, prepared, null, "application/json");
  }

  private Object parameterValue(Setup scope, JsonObject parameter, boolean required) {
    JsonObject source = parameter.getJsonObject("x-tracepost-source");
    boolean array = "array".equals(parameter.getJsonObject("schema", new JsonObject()).getString("type"));
    if (source != null) {
      Object value = scope.value(source.getString("operationId"), source.getString("value"));
      return array && value != null && !(value instanceof JsonArray) ? new JsonArray().add(value) : value;
    }
    if (parameter.containsKey("example")) {
      return parameter.getValue("example");
    }
    return required ? "sample" : null;
  }

  /**
   * The spec's unique fields get a suffix of their own for each request (the same one within a request, so
   * references inside it hold).
   */
  private Object unique(Operation operation, Object body) {
    JsonArray fields = spec.checkHints(operation).getJsonArray("x-tracepost-unique", new JsonArray());
    String suffix = "-" + runTag + "-" + sent.incrementAndGet();
    for (Object field : fields) {
      Fields.update(body, String.valueOf(field), value -> value instanceof String text ? text + suffix : value);
    }
    return body;
  }

  Setup setup() {
    return setup;
  }

  /** Forgets what set-up made, so the next checks make their own. */
  public void resetSetup() {
    setup = new Setup(spec, target, this);
  }

  static Object copy(Object json) {
    if (json instanceof JsonObject object) {
      return object.copy();
    }
    if (json instanceof JsonArray array) {
      return array.copy();
    }
    if (json instanceof Map<?, ?> map) {
      Map<String, Object> plain = new HashMap<>();
      map.forEach((key, value) -> plain.put(String.valueOf(key), value));
      return new JsonObject(plain).copy();
    }
    if (json instanceof List<?> list) {
      return new JsonArray(new java.util.ArrayList<>(list)).copy();
    }
    return json;
  }
}
