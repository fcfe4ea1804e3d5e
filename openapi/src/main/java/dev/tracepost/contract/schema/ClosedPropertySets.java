package dev.tracepost.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The specs say "these shared fields, these own fields, and nothing else" as {@code allOf} a shared
 * property set plus {@code properties}, closed by {@code unevaluatedProperties: false}. That reads well,
 * but {@code unevaluatedProperties} makes networknt collect annotations for the whole body, which more
 * than doubles the time and the garbage of validating a large Galileo batch. So, for the body validator
 * only, each such schema whose {@code allOf} holds nothing but plain property sets (a {@code $ref} to, or
 * an object of, {@code type}, {@code properties}, {@code required} and words) is rewritten as one property
 * set closed by {@code additionalProperties: false}. It accepts exactly the same documents: a property
 * both declare must keep both schemas ({@code allOf} of the two), and the same properties are required.
 */
public final class ClosedPropertySets {

  private static final Set<String> PLAIN = Set.of("type", "properties", "required", "title", "description");
  /** What the closing schema may hold besides a plain set: nothing else that could evaluate a property. */
  private static final Set<String> CLOSING = Set.of("allOf", "unevaluatedProperties", "default", "example", "examples");

  private ClosedPropertySets() {
  }

  /** A copy of the document with every closed {@code allOf} of plain property sets inlined. */
  public static JsonNode inline(JsonNode document) {
    JsonNode copy = document.deepCopy();
    List<ObjectNode> closed = new ArrayList<>();
    collect(copy, closed);
    for (ObjectNode schema : closed) {
      inline(copy, schema);
    }
    return copy;
  }

  private static void collect(JsonNode node, List<ObjectNode> into) {
    if (node instanceof ObjectNode object && object.path("unevaluatedProperties").isBoolean()
        && !object.get("unevaluatedProperties").asBoolean() && object.path("allOf").isArray()) {
      into.add(object);
    }
    node.forEach(child -> collect(child, into));
  }

  private static void inline(JsonNode document, ObjectNode schema) {
    if (!hasOnly(schema, CLOSING)) {
      return;
    }
    List<JsonNode> sets = new ArrayList<>();
    for (JsonNode member : schema.get("allOf")) {
      JsonNode set = member.has("$ref") && member.size() == 1 ? resolve(document, member.get("$ref").asText()) : member;
      if (set == null || !isPlainPropertySet(set)) {
        return;
      }
      sets.add(set);
    }
    sets.add(schema);
    Set<String> types = new LinkedHashSet<>();
    sets.forEach(set -> {
      if (set.has("type")) {
        types.add(set.get("type").toString());
      }
    });
    if (types.size() > 1) {
      return;
    }
    ObjectNode properties = JsonNodeFactory.instance.objectNode();
    Set<String> required = new LinkedHashSet<>();
    for (JsonNode set : sets) {
      for (Map.Entry<String, JsonNode> property : set.path("properties").properties()) {
        JsonNode earlier = properties.get(property.getKey());
        properties.set(property.getKey(), earlier == null ? property.getValue()
            : JsonNodeFactory.instance.objectNode().set("allOf", JsonNodeFactory.instance.arrayNode().add(earlier).add(property.getValue())));
      }
      set.path("required").forEach(name -> required.add(name.asText()));
    }
    schema.remove(List.of("allOf", "unevaluatedProperties"));
    schema.put("type", "object");
    schema.set("properties", properties);
    if (!required.isEmpty()) {
      ArrayNode names = schema.putArray("required");
      required.forEach(names::add);
    }
    schema.put("additionalProperties", false);
  }

  private static boolean isPlainPropertySet(JsonNode set) {
    return set.isObject() && hasOnly(set, Set.of()) && (!set.has("type") || "object".equals(set.get("type").asText()));
  }

  /** Only plain-set keywords, {@code more}, and extensions ({@code x-...}). */
  private static boolean hasOnly(JsonNode schema, Set<String> more) {
    for (var names = schema.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!PLAIN.contains(name) && !more.contains(name) && !name.startsWith("x-")) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode resolve(JsonNode document, String ref) {
    if (!ref.startsWith("#")) {
      return null;
    }
    JsonNode target = document.at(ref.substring(1));
    return target.isMissingNode() ? null : target;
  }
}
