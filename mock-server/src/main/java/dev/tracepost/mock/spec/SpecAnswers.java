package dev.tracepost.mock.spec;

import dev.tracepost.contract.JsonPointers;
import dev.tracepost.contract.samples.SchemaSampler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Operation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What the spec says an operation answers: its documented statuses, their named examples, and bodies made
 * from the schema where a status has no example, read from the spec as written. Nothing here is written
 * per operation: an operation added to a spec is answered from the spec.
 */
public final class SpecAnswers {

  /** A status and its body (null for none). */
  public record Answer(int status, Object body) {
  }

  private final JsonObject written;

  /** @param written the spec as written, references unresolved ({@code SpecDocument#writtenJson()}); never changed */
  public SpecAnswers(JsonObject written) {
    this.written = written;
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
    JsonObject response = statuses(operation).get(status);
    if (response == null) {
      return null;
    }
    JsonObject json = json(response);
    if (json == null) {
      return new Answer(status, null);
    }
    if (random == null) {
      Map<String, Object> examples = examples(json);
      if (!examples.isEmpty()) {
        return new Answer(status, copy(examples.values().iterator().next()));
      }
    }
    return new Answer(status, new SchemaSampler(written, random).sample(json.getJsonObject("schema")));
  }

  /** The reply whose examples include one of this name, whatever its status; null when none has it. */
  public Answer byExample(Operation operation, String name) {
    for (Map.Entry<Integer, JsonObject> entry : statuses(operation).entrySet()) {
      JsonObject json = json(entry.getValue());
      Map<String, Object> examples = json == null ? Map.of() : examples(json);
      if (examples.containsKey(name)) {
        return new Answer(entry.getKey(), copy(examples.get(name)));
      }
    }
    return null;
  }

  /** The operation's documented responses by status, each with its reference followed. */
  private Map<Integer, JsonObject> statuses(Operation operation) {
    JsonObject responses = written.getJsonObject("paths").getJsonObject(operation.getOpenAPIPath())
        .getJsonObject(operation.getHttpMethod().name().toLowerCase(Locale.ROOT)).getJsonObject("responses", new JsonObject());
    Map<Integer, JsonObject> statuses = new LinkedHashMap<>();
    for (String key : responses.fieldNames()) {
      if (key.chars().allMatch(Character::isDigit)) {
        statuses.put(Integer.parseInt(key), followed(responses.getJsonObject(key)));
      }
    }
    return statuses;
  }

  /** The response's JSON media type; null when it has none. */
  private static JsonObject json(JsonObject response) {
    return response.getJsonObject("content", new JsonObject()).getJsonObject("application/json");
  }

  /** Every named example's value, as the spec holds it: what is answered is a copy, which a caller may change. */
  private Map<String, Object> examples(JsonObject media) {
    Map<String, Object> found = new LinkedHashMap<>();
    JsonObject examples = media.getJsonObject("examples", new JsonObject());
    for (String name : examples.fieldNames()) {
      if (examples.getValue(name) instanceof JsonObject example) {
        found.put(name, followed(example).getValue("value"));
      }
    }
    return found;
  }

  private static Object copy(Object value) {
    return value instanceof JsonObject object ? object.copy() : value instanceof JsonArray array ? array.copy() : value;
  }

  private JsonObject followed(JsonObject object) {
    return object.getValue("$ref") instanceof String ref ? JsonPointers.referenced(written, ref) : object;
  }
}
