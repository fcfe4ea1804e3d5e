package dev.tracepost.mock.spec;

import dev.tracepost.contract.samples.SchemaSampler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Response;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * What the spec says an operation answers: its documented statuses, their named examples, and bodies made
 * from the schema where a status has no example. Nothing here is written per operation: an operation
 * added to a spec is answered from the spec.
 */
public final class SpecAnswers {

  /** A status and its body (null for none). */
  public record Answer(int status, Object body) {
  }

  private final OpenAPIContract contract;
  private final JsonObject raw;

  public SpecAnswers(OpenAPIContract contract) {
    this.contract = contract;
    this.raw = contract.getRawContract();
  }

  /** The lowest documented 2xx, with its first example (or a body made from its schema). */
  public Answer success(Operation operation) {
    return byStatus(operation, successStatus(operation), null);
  }

  public int successStatus(Operation operation) {
    return statuses(operation).keySet().stream().filter(status -> status >= 200 && status < 300).min(Integer::compare).orElse(200);
  }

  /**
   * @param random null for the first example (or a plain body); a source of randomness for a varied body from the schema
   * @return null when the operation does not document this status
   */
  public Answer byStatus(Operation operation, int status, Random random) {
    Response response = statuses(operation).get(status);
    if (response == null) {
      return null;
    }
    MediaType json = response.getContent().get("application/json");
    if (json == null) {
      return new Answer(status, null);
    }
    if (random == null) {
      Map<String, Object> examples = examples(json);
      if (!examples.isEmpty()) {
        return new Answer(status, examples.values().iterator().next());
      }
    }
    return new Answer(status, new SchemaSampler(raw, random).sample(json.getOpenAPIModel().getJsonObject("schema")));
  }

  /** The reply whose examples include one of this name, whatever its status; null when none has it. */
  public Answer byExample(Operation operation, String name) {
    for (Map.Entry<Integer, Response> entry : statuses(operation).entrySet()) {
      MediaType json = entry.getValue().getContent().get("application/json");
      if (json != null && examples(json).containsKey(name)) {
        return new Answer(entry.getKey(), examples(json).get(name));
      }
    }
    return null;
  }

  public Map<Integer, Response> statuses(Operation operation) {
    Map<Integer, Response> statuses = new LinkedHashMap<>();
    for (String key : operation.getOpenAPIModel().getJsonObject("responses").fieldNames()) {
      if (key.chars().allMatch(Character::isDigit)) {
        statuses.put(Integer.parseInt(key), operation.getResponse(Integer.parseInt(key)));
      }
    }
    return statuses;
  }

  private Map<String, Object> examples(MediaType media) {
    Map<String, Object> found = new LinkedHashMap<>();
    JsonObject examples = media.getOpenAPIModel().getJsonObject("examples", new JsonObject());
    for (String name : examples.fieldNames()) {
      if (examples.getValue(name) instanceof JsonObject example) {
        JsonObject resolved = example.containsKey("$ref") ? (JsonObject) resolve(example.getString("$ref")) : example;
        found.put(name, clean(resolved.getValue("value")));
      }
    }
    return found;
  }

  private Object resolve(String ref) {
    return JsonPointer.from(ref.substring(ref.indexOf('#') + 1)).queryJson(raw);
  }

  /** A copy without the bookkeeping keys Vert.x adds to every object of a resolved contract. */
  private static Object clean(Object value) {
    if (value instanceof JsonObject object) {
      JsonObject copy = new JsonObject();
      object.forEach(entry -> {
        if (!entry.getKey().startsWith("__absolute_uri__")) {
          copy.put(entry.getKey(), clean(entry.getValue()));
        }
      });
      return copy;
    }
    if (value instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(item -> copy.add(clean(item)));
      return copy;
    }
    return value;
  }

  public OpenAPIContract contract() {
    return contract;
  }
}
