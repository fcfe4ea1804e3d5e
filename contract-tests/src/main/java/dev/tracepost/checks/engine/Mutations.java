package dev.tracepost.checks.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.Operation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Invalid versions of a valid body, found by trying: remove each field, give it a value of another type,
 * a value outside its enum, a date-time that is not one, a number past its maximum; keep those the spec's
 * own schema rejects for that reason. Nothing is written per endpoint.
 */
final class Mutations {

  /** One invalid body and what makes it invalid. */
  record Mutation(String name, Object body) {
  }

  private static final int MAX_DEPTH = 5;
  private static final int PER_KIND = 3;
  /** Past every maximum the specs declare, and past what a 32-bit integer holds. */
  private static final long TOO_LARGE = 99_999_999_999L;

  private final Spec spec;
  private final Operation operation;
  private final Map<String, List<Mutation>> byKind = new LinkedHashMap<>();

  private Mutations(Spec spec, Operation operation) {
    this.spec = spec;
    this.operation = operation;
    for (String kind : List.of("missing required field", "value outside enum", "bad date-time", "number above maximum", "wrong type")) {
      byKind.put(kind, new ArrayList<>());
    }
  }

  static List<Mutation> of(Spec spec, Operation operation, Object validBody) {
    Mutations mutations = new Mutations(spec, operation);
    mutations.walk(validBody, validBody, "", 0);
    List<Mutation> all = new ArrayList<>();
    mutations.byKind.values().forEach(all::addAll);
    return all;
  }

  private void walk(Object root, Object node, String pointer, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (node instanceof JsonObject object) {
      for (String field : new ArrayList<>(object.fieldNames())) {
        String at = pointer + "/" + field;
        Object value = object.getValue(field);
        tryMutation(root, at, "missing required field", "required", body -> remove(body, at));
        if (value instanceof String text) {
          tryMutation(root, at, "value outside enum", "enum", body -> replace(body, at, "not-a-documented-value"));
          tryMutation(root, at, "value outside enum", "const", body -> replace(body, at, "not-a-documented-value"));
          if (isDateTime(text)) {
            tryMutation(root, at, "bad date-time", "format", body -> replace(body, at, "not a date"));
          }
        }
        if (value instanceof Number) {
          tryMutation(root, at, "number above maximum", "maximum", body -> replace(body, at, TOO_LARGE));
        }
        if (value != null) {
          tryMutation(root, at, "wrong type", "type", body -> replace(body, at, wrongType(value)));
        }
        walk(root, value, at, depth + 1);
      }
    } else if (node instanceof JsonArray array && !array.isEmpty()) {
      walk(root, array.getValue(0), pointer + "/0", depth + 1);
    }
  }

  private void tryMutation(Object root, String at, String kind, String keyword, UnaryOperator<Object> change) {
    List<Mutation> found = byKind.get(kind);
    String field = at.substring(at.lastIndexOf('/') + 1);
    if (found.size() >= PER_KIND || found.stream().anyMatch(mutation -> mutation.name().endsWith("/" + field))) {
      return;
    }
    Object mutated = change.apply(Requests.copy(root));
    OutputUnit result = spec.validateBody(operation, mutated);
    if (result != null && !result.getValid() && mentions(result, keyword)) {
      found.add(new Mutation(kind + " " + at, mutated));
    }
  }

  private static boolean mentions(OutputUnit result, String keyword) {
    if (result.getErrors() == null) {
      return false;
    }
    return result.getErrors().stream().anyMatch(error -> String.valueOf(error.getKeywordLocation()).endsWith("/" + keyword));
  }

  private static Object remove(Object body, String pointer) {
    Fields.update(body, parent(pointer), parent -> {
      if (parent instanceof JsonObject object) {
        object.remove(last(pointer));
      }
      return parent;
    });
    return pointer.lastIndexOf('/') == 0 && body instanceof JsonObject object ? removeTop(object, last(pointer)) : body;
  }

  private static Object removeTop(JsonObject body, String field) {
    body.remove(field);
    return body;
  }

  private static Object replace(Object body, String pointer, Object value) {
    Fields.update(body, pointer, old -> value);
    return body;
  }

  private static String parent(String pointer) {
    int cut = pointer.lastIndexOf('/');
    return cut <= 0 ? "" : pointer.substring(0, cut);
  }

  private static String last(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1);
  }

  private static Object wrongType(Object value) {
    if (value instanceof String) {
      return 12345;
    }
    if (value instanceof Number) {
      return "not-a-number";
    }
    if (value instanceof Boolean) {
      return "not-a-boolean";
    }
    return value instanceof JsonArray ? "not-an-array" : "not-an-object";
  }

  private static boolean isDateTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (RuntimeException notOne) {
      return false;
    }
  }
}
