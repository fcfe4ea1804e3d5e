package dev.tracepost.contract;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The part of a spec Vert.x's contract is built from: every path, operation, parameter and security
 * scheme, each JSON request body as a schema that accepts any JSON ({@link BodyValidator} checks bodies
 * against the spec as written), each response as its status alone, and only the components all that
 * refers to. Nothing Tracepost does with the contract reads more (the mock answers from the spec as
 * written), and Vert.x copies and resolves everything it is given: responses and unused components were
 * most of that work in a fast start, and of what it allocated (bench/results/mock-2026-12-02.md, eighth
 * session).
 */
final class ContractSubset {

  private static final String COMPONENTS = "#/components/";

  private ContractSubset() {
  }

  /** A new object; the spec is left as it is. */
  static JsonObject of(JsonObject spec) {
    JsonObject subset = spec.copy();
    JsonObject paths = subset.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (item.getValue(method) instanceof JsonObject operation) {
          if (operation.getValue("requestBody") instanceof JsonObject body) {
            anyJson(body);
          }
          if (operation.getValue("responses") instanceof JsonObject responses) {
            operation.put("responses", statusesOnly(responses));
          }
        }
      }
    }
    JsonObject components = subset.getJsonObject("components");
    if (components != null) {
      components.getJsonObject("requestBodies", new JsonObject()).forEach(entry -> anyJson((JsonObject) entry.getValue()));
      keepReferenced(subset, components);
    }
    return subset;
  }

  private static void anyJson(JsonObject body) {
    if (body.getValue("content") instanceof JsonObject content && content.containsKey("application/json")) {
      content.put("application/json", new JsonObject().put("schema", new JsonObject()));
    }
  }

  private static JsonObject statusesOnly(JsonObject responses) {
    JsonObject statuses = new JsonObject();
    for (String status : responses.fieldNames()) {
      statuses.put(status, new JsonObject().put("description", "See the spec as written."));
    }
    return statuses;
  }

  /**
   * Drops every component nothing kept refers to (from the paths, webhooks, or anything else outside the
   * components), through any chain of references. Security schemes stay: requirements name them without
   * a reference.
   */
  private static void keepReferenced(JsonObject subset, JsonObject components) {
    Set<String> referenced = new HashSet<>();
    Deque<Object> pending = new ArrayDeque<>();
    subset.forEach(entry -> pushContainer(pending, entry.getKey().equals("components") ? null : entry.getValue()));
    pushContainer(pending, components.getValue("securitySchemes"));
    while (!pending.isEmpty()) {
      Object node = pending.pop();
      if (node instanceof JsonArray array) {
        array.forEach(item -> pushContainer(pending, item));
      } else if (node instanceof JsonObject object) {
        if (object.getValue("$ref") instanceof String ref && ref.startsWith(COMPONENTS)) {
          String key = kindAndName(ref.substring(COMPONENTS.length()));
          Object target = referenced.add(key) ? component(components, key) : null;
          if (target != null) {
            pending.push(target);
          }
        }
        object.forEach(entry -> pushContainer(pending, entry.getValue()));
      }
    }
    for (String kind : components.fieldNames()) {
      if (!kind.equals("securitySchemes") && components.getValue(kind) instanceof JsonObject named) {
        named.fieldNames().removeIf(name -> !referenced.contains(kind + "/" + JsonPointers.escape(name)));
      }
    }
  }

  private static void pushContainer(Deque<Object> pending, Object value) {
    if (value instanceof JsonObject || value instanceof JsonArray) {
      pending.push(value);
    }
  }

  /** The first two segments of a pointer into the components ({@code schemas/Span} of {@code schemas/Span/properties/id}). */
  private static String kindAndName(String pointer) {
    int slash = pointer.indexOf('/');
    int deeper = slash < 0 ? -1 : pointer.indexOf('/', slash + 1);
    return deeper < 0 ? pointer : pointer.substring(0, deeper);
  }

  /** The component a {@link #kindAndName} key names, or null. */
  private static Object component(JsonObject components, String key) {
    int slash = key.indexOf('/');
    return slash >= 0 && components.getValue(key.substring(0, slash)) instanceof JsonObject named
        ? named.getValue(JsonPointers.unescape(key.substring(slash + 1))) : null;
  }
}
