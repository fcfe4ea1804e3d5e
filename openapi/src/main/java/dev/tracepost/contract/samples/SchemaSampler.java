package dev.tracepost.contract.samples;

import dev.tracepost.contract.JsonPointers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Makes a value that is valid under a schema of the contract: the mock answers with one when the spec has
 * no example, and the contract checks send them as requests. With a seed the values vary (and repeat for
 * the same seed); without, they are plain and stable. Optional properties are filled in the varied mode
 * only now and then, so both their presence and absence get exercised.
 */
public final class SchemaSampler {

  private static final int MAX_DEPTH = 12;

  private final JsonObject contract;
  private final Random random;
  private final boolean requiredOnly;

  /**
   * @param contract the resolved contract ({@code OpenAPIContract#getRawContract()}), for {@code $ref}s
   * @param random   null for plain, stable values
   */
  public SchemaSampler(JsonObject contract, Random random) {
    this(contract, random, false);
  }

  private SchemaSampler(JsonObject contract, Random random, boolean requiredOnly) {
    this.contract = contract;
    this.random = random;
    this.requiredOnly = requiredOnly;
  }

  /**
   * A sampler that leaves every optional property out: values that break no rule the schema cannot
   * express (two destinations at once, say), for requests that must succeed.
   */
  public SchemaSampler requiredOnly() {
    return new SchemaSampler(contract, random, true);
  }

  public Object sample(JsonObject schema) {
    return sample(schema, 0);
  }

  private Object sample(Object node, int depth) {
    if (!(node instanceof JsonObject schema)) {
      return node instanceof Boolean allowed && !allowed ? null : "value";
    }
    if (schema.containsKey("$ref")) {
      JsonObject merged = shallow(resolve(schema.getString("$ref")));
      schema.fieldNames().stream().filter(key -> !key.equals("$ref")).forEach(key -> merged.put(key, schema.getValue(key)));
      return sample(merged, depth);
    }
    if (schema.containsKey("const")) {
      return schema.getValue("const");
    }
    if (schema.containsKey("enum")) {
      JsonArray values = schema.getJsonArray("enum");
      List<Object> choices = values.stream().filter(value -> value != null).toList();
      return choices.isEmpty() ? null : choices.get(random == null ? 0 : random.nextInt(choices.size()));
    }
    if (schema.containsKey("allOf")) {
      return sampleAllOf(schema, depth);
    }
    for (String union : List.of("oneOf", "anyOf")) {
      if (schema.containsKey(union)) {
        return sample(pickBranch(schema.getJsonArray(union), schema), depth);
      }
    }
    String type = type(schema);
    return switch (type) {
      case "object" -> object(schema, depth);
      case "array" -> array(schema, depth);
      case "integer" -> (long) number(schema, true);
      case "number" -> number(schema, false);
      case "boolean" -> random != null && random.nextBoolean();
      case "null" -> null;
      default -> string(schema);
    };
  }

  private Object sampleAllOf(JsonObject schema, int depth) {
    JsonObject merged = new JsonObject();
    JsonObject properties = new JsonObject();
    JsonArray required = new JsonArray();
    List<Object> parts = new ArrayList<>(schema.getJsonArray("allOf").getList());
    JsonObject rest = shallow(schema);
    rest.remove("allOf");
    parts.add(rest);
    for (Object part : parts) {
      JsonObject resolved = part instanceof JsonObject object && object.containsKey("$ref") ? resolve(object.getString("$ref")) : (JsonObject) part;
      if (resolved.containsKey("allOf")) {
        Object inner = sampleAllOf(resolved, depth);
        if (inner instanceof JsonObject innerObject) {
          innerObject.forEach(entry -> merged.put(entry.getKey(), entry.getValue()));
        }
        continue;
      }
      if (resolved.getValue("properties") instanceof JsonObject own) {
        own.forEach(entry -> properties.put(entry.getKey(), entry.getValue()));
      }
      if (resolved.getValue("required") instanceof JsonArray own) {
        own.forEach(required::add);
      }
      if (resolved.containsKey("oneOf") || resolved.containsKey("anyOf")) {
        JsonArray branches = resolved.getJsonArray(resolved.containsKey("oneOf") ? "oneOf" : "anyOf");
        JsonObject branch = (JsonObject) pickBranch(branches, resolved);
        if (branch.getValue("required") instanceof JsonArray own) {
          own.forEach(required::add);
        }
        if (branch.getValue("properties") instanceof JsonObject own) {
          own.forEach(entry -> properties.put(entry.getKey(), entry.getValue()));
        }
      }
    }
    Object sampled = object(new JsonObject().put("type", "object").put("properties", properties).put("required", required), depth);
    if (sampled instanceof JsonObject object) {
      object.forEach(entry -> merged.put(entry.getKey(), entry.getValue()));
    }
    return merged;
  }

  /** The first branch that is not just null (or a random one, in the varied mode); a branch of one of the parts picks the oneOf side. */
  private Object pickBranch(JsonArray branches, JsonObject owner) {
    List<Object> candidates = branches.stream()
        .filter(branch -> !(branch instanceof JsonObject object && "null".equals(object.getValue("type"))))
        .toList();
    if (candidates.isEmpty()) {
      return branches.getValue(0);
    }
    Object picked = candidates.get(random == null ? 0 : random.nextInt(candidates.size()));
    if (picked instanceof JsonObject branch && !branch.containsKey("type") && !branch.containsKey("$ref")
        && owner.containsKey("properties")) {
      return shallow(branch).put("type", "object").put("properties", owner.getJsonObject("properties"));
    }
    return picked;
  }

  private Object object(JsonObject schema, int depth) {
    JsonObject result = new JsonObject();
    JsonObject properties = schema.getJsonObject("properties", new JsonObject());
    List<String> required = schema.getJsonArray("required", new JsonArray()).stream().map(String::valueOf).toList();
    for (String name : properties.fieldNames()) {
      if (name.startsWith("__")) {
        continue;
      }
      boolean include = required.contains(name)
          || !requiredOnly && depth < 3 && (random == null ? depth == 0 : random.nextInt(3) == 0);
      if (include && depth < MAX_DEPTH) {
        Object value = sample(properties.getValue(name), depth + 1);
        if (value != null || required.contains(name)) {
          result.put(name, value);
        }
      }
    }
    for (String name : required) {
      if (!result.containsKey(name) && !properties.containsKey(name)) {
        result.put(name, "value");
      }
    }
    return result;
  }

  private Object array(JsonObject schema, int depth) {
    JsonArray result = new JsonArray();
    if (schema.getValue("prefixItems") instanceof JsonArray prefix) {
      int count = Math.max(schema.getInteger("minItems", 1), 1);
      for (int i = 0; i < Math.min(count, prefix.size()); i++) {
        result.add(sample(prefix.getValue(i), depth + 1));
      }
      return result;
    }
    int min = schema.getInteger("minItems", 0);
    int max = schema.getInteger("maxItems", Math.max(min, 2));
    int count = depth >= MAX_DEPTH ? min : Math.min(max, Math.max(min, random == null ? 1 : random.nextInt(3)));
    for (int i = 0; i < count; i++) {
      result.add(sample(schema.getValue("items", new JsonObject()), depth + 1));
    }
    return result;
  }

  private double number(JsonObject schema, boolean integer) {
    double min = schema.getNumber("minimum", 0).doubleValue();
    double max = schema.getNumber("maximum", min + 100).doubleValue();
    double value = random == null ? min : min + random.nextDouble() * (max - min);
    return integer ? Math.floor(value) : Math.round(value * 100) / 100.0;
  }

  private String string(JsonObject schema) {
    String format = schema.getString("format", "");
    return switch (format) {
      case "uuid" -> random == null ? "00000000-0000-4000-8000-000000000000" : new UUID(random.nextLong(), random.nextLong()).toString();
      case "date-time" -> Instant.parse("2026-11-21T09:00:00Z")
          .plus(random == null ? 0 : random.nextInt(86_400), ChronoUnit.SECONDS).toString();
      default -> {
        int min = schema.getInteger("minLength", 1);
        StringBuilder text = new StringBuilder(random == null ? "sample" : "s" + Integer.toHexString(random.nextInt()));
        while (text.length() < min) {
          text.append('x');
        }
        int max = schema.getInteger("maxLength", Integer.MAX_VALUE);
        yield text.length() > max ? text.substring(0, max) : text.toString();
      }
    };
  }

  /** A copy of the top level only: schemas of the contract are recursive (spans hold spans). */
  private static JsonObject shallow(JsonObject schema) {
    JsonObject copy = new JsonObject();
    schema.fieldNames().forEach(name -> copy.put(name, schema.getValue(name)));
    return copy;
  }

  private static String type(JsonObject schema) {
    Object type = schema.getValue("type");
    if (type instanceof JsonArray types) {
      return types.stream().map(String::valueOf).filter(name -> !name.equals("null")).findFirst().orElse("null");
    }
    if (type instanceof String name) {
      return name;
    }
    return schema.containsKey("properties") ? "object" : schema.containsKey("items") ? "array" : "string";
  }

  private JsonObject resolve(String ref) {
    return JsonPointers.referenced(contract, ref);
  }
}
