package dev.tracepost.contract.errors;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The property names a schema of the contract declares, through {@code $ref}, {@code allOf} and the
 * other in-place applicators. Needed because JSON Schema drops what a failing subschema evaluated: when
 * one field of an {@code allOf} branch is wrong, {@code unevaluatedProperties} also calls every valid
 * sibling "unevaluated". A property the schema declares is not an unknown field, whatever the validator
 * says.
 */
final class DeclaredProperties {

  private static final String[] APPLICATORS = {"allOf", "anyOf", "oneOf"};

  private final JsonObject contract;
  private final Map<String, Set<String>> cache = new ConcurrentHashMap<>();

  DeclaredProperties(JsonObject contract) {
    this.contract = contract;
  }

  /**
   * @param schemaLocation the absolute keyword location of an {@code unevaluatedProperties} or
   *                       {@code additionalProperties} error, e.g.
   *                       {@code app:///#/components/schemas/ToolSpan/unevaluatedProperties}
   * @param bodySchema     the validated body's schema, which locations outside the components point into
   */
  Set<String> of(String schemaLocation, JsonObject bodySchema) {
    String pointer = schemaLocation.substring(schemaLocation.indexOf('#') + 1);
    String schema = pointer.substring(0, Math.max(0, pointer.lastIndexOf('/')));
    if (schema.startsWith("/components/")) {
      return cache.computeIfAbsent(schema, key -> names(resolve(key)));
    }
    return bodySchema == null ? Set.of() : names(schema.isEmpty() ? bodySchema : JsonPointer.from(schema).queryJson(bodySchema));
  }

  private Set<String> names(Object schema) {
    Set<String> names = new HashSet<>();
    collect(schema, names, new HashSet<>());
    return Set.copyOf(names);
  }

  private void collect(Object node, Set<String> names, Set<String> seen) {
    if (!(node instanceof JsonObject schema)) {
      return;
    }
    if (schema.getValue("properties") instanceof JsonObject properties) {
      properties.fieldNames().stream().filter(name -> !name.startsWith("__")).forEach(names::add);
    }
    if (schema.getValue("$ref") instanceof String ref && seen.add(ref)) {
      collect(resolve(ref.substring(ref.indexOf('#') + 1)), names, seen);
    }
    for (String applicator : APPLICATORS) {
      if (schema.getValue(applicator) instanceof JsonArray branches) {
        branches.forEach(branch -> collect(branch, names, seen));
      }
    }
    collect(schema.getValue("then"), names, seen);
  }

  private Object resolve(String pointer) {
    return pointer.isEmpty() ? contract : JsonPointer.from(pointer).queryJson(contract);
  }
}
