package dev.tracepost.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import dev.tracepost.contract.JsonPointers;
import dev.tracepost.contract.Vendor;
import dev.tracepost.contract.schema.QuickVerdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick verdict never contradicts networknt: on every request body example of both specs, on the
 * bodies the published Galileo JS SDK sent, and on variants of each (every value dropped, or replaced by
 * values of every kind, every object given a stray field), a VALID from it is valid to networknt, and an
 * INVALID invalid. And it is not idle: it answers VALID for the examples of the operations that carry
 * the traffic (ingestion), and for a good share of all variants.
 */
class QuickVerdictTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<JsonNode> REPLACEMENTS = parse("null", "true", "0", "-1", "-0.0", "-0.5", "1.0", "2.5", "1e308", "1000000001",
      "9007199254740993",
      "2147483648", "\"\"", "\"x\"", "\"llm\"", "\"trace\"", "\"2026-12-02T04:00:00Z\"", "\"2026-13-02T04:00:00Z\"",
      "\"0f8fad5b-d9cb-469f-a165-70867728950e\"", "\"0f8fad5b\"", "{}", "[]", "[\"x\"]", "[{}]", "{\"type\": \"llm\"}");

  /** Where load comes from: their bodies must be told quickly. */
  private static final Set<String> INGESTION = Set.of("logTraces", "logTracesV2", "logSpans", "logSpansV2", "createTrace",
      "createTracesBatch");

  private record Body(String operationId, String pointer, JsonNode example) {
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void neverContradictsNetworkntOnExamplesAndTheirVariants(Vendor vendor) throws Exception {
    JsonNode spec = spec(vendor);
    List<Body> bodies = new ArrayList<>(examples(spec));
    if (vendor == Vendor.GALILEO) {
      bodies.addAll(captured(spec, "captures/js-sdk-new-project.jsonl"));
      bodies.addAll(captured(spec, "captures/js-sdk-existing-project.jsonl"));
    }
    BodySchemas schemas = new BodySchemas(spec);
    List<String> contradictions = new ArrayList<>();
    int quicklyValid = 0;
    int checked = 0;
    int told = 0;
    for (Body body : bodies) {
      JsonSchema networknt = schemas.compile(body.pointer());
      QuickVerdict.Check quick = schemas.quick(body.pointer());
      if (INGESTION.contains(body.operationId())) {
        assertThat(quick.of(body.example())).as("%s %s", body.operationId(), body.example()).isEqualTo(Verdict.VALID);
        told++;
      }
      for (JsonNode variant : variants(body.example())) {
        boolean valid = networknt.validate(variant).isEmpty();
        Verdict verdict = quick.of(variant);
        checked++;
        quicklyValid += verdict == Verdict.VALID ? 1 : 0;
        if (verdict == Verdict.VALID && !valid || verdict == Verdict.INVALID && valid) {
          contradictions.add(verdict + " but networknt says " + (valid ? "valid" : "invalid") + ": " + body.pointer() + " " + variant);
        }
      }
    }
    assertThat(contradictions).isEmpty();
    assertThat(told).as("ingestion examples").isGreaterThanOrEqualTo(2);
    assertThat(checked).isGreaterThan(1000);
    assertThat(quicklyValid).as("valid variants told quickly").isGreaterThan(checked / 10);
  }

  @Test
  void recordsToldApartByTypeAreJudgedAsTheirConditionsSay() throws Exception {
    JsonNode spec = JSON.readTree("""
        {"components": {"schemas": {
          "Record": {"allOf": [
            {"if": {"properties": {"type": {"const": "llm"}}}, "then": {"required": ["model"]}},
            {"if": {"properties": {"type": {"const": "tool"}}}, "then": {"properties": {"name": {"maxLength": 3}}}}]}}}}""");
    BodySchemas schemas = new BodySchemas(spec);
    JsonSchema networknt = schemas.compile("/components/schemas/Record");
    QuickVerdict.Check quick = schemas.quick("/components/schemas/Record");

    for (String document : List.of("{\"type\": \"llm\", \"model\": \"m\"}", "{\"type\": \"llm\"}", "{\"type\": \"tool\", \"name\": \"ab\"}",
        "{\"type\": \"tool\", \"name\": \"abcd\"}", "{\"type\": \"agent\"}", "{\"type\": 7}", "{\"model\": \"m\", \"name\": \"ab\"}",
        "{\"model\": \"m\", \"name\": \"abcd\"}", "{\"name\": \"ab\"}", "[1]", "\"llm\"")) {
      JsonNode instance = JSON.readTree(document);
      boolean valid = networknt.validate(instance).isEmpty();
      assertThat(quick.of(instance)).as(document).isEqualTo(Verdict.of(valid));
    }
  }

  @Test
  void answersUnsureWhereItDoesNotModelTheSchemaExactly() throws Exception {
    JsonNode spec = JSON.readTree("""
        {"components": {"schemas": {
          "Count": {"type": "integer"},
          "Code": {"type": "string", "pattern": "^[a-z]+$"}}}}""");
    BodySchemas schemas = new BodySchemas(spec);

    assertThat(schemas.quick("/components/schemas/Count").of(JSON.readTree("1.0"))).isEqualTo(Verdict.UNSURE);
    assertThat(schemas.quick("/components/schemas/Count").of(JSON.readTree("1"))).isEqualTo(Verdict.VALID);
    assertThat(schemas.quick("/components/schemas/Code").of(JSON.readTree("\"abc\""))).isEqualTo(Verdict.UNSURE);
    assertThat(schemas.quick("/components/schemas/Code").of(JSON.readTree("7"))).isEqualTo(Verdict.INVALID);
  }

  private static JsonNode spec(Vendor vendor) throws Exception {
    try (InputStream in = QuickVerdictTest.class.getClassLoader().getResourceAsStream(vendor.specResource())) {
      return new YAMLMapper().readTree(in);
    }
  }

  /** Each operation's JSON request body examples, with the pointer of its schema. */
  private static List<Body> examples(JsonNode spec) {
    List<Body> bodies = new ArrayList<>();
    forEachBody(spec, (operation, template, pointer, content) -> content.path("examples").forEach(example ->
        bodies.add(new Body(operation, pointer, resolve(spec, example).get("value")))));
    return bodies;
  }

  /** The request bodies a real client sent, each with the schema of the operation its path names. */
  private static List<Body> captured(JsonNode spec, String capture) throws Exception {
    List<Body> bodies = new ArrayList<>();
    try (InputStream in = QuickVerdictTest.class.getClassLoader().getResourceAsStream(capture)) {
      for (String line : new String(in.readAllBytes()).split("\n")) {
        JsonNode exchange = JSON.readTree(line);
        if (exchange.path("body").isObject()) {
          String request = exchange.get("method").asText().toLowerCase() + " " + exchange.get("path").asText();
          forEachBody(spec, (operation, template, pointer, content) -> {
            if (Pattern.matches(template.replaceAll("\\{[^}]+}", "[^/]+"), request)) {
              bodies.add(new Body(operation, pointer, exchange.get("body")));
            }
          });
        }
      }
    }
    assertThat(bodies).isNotEmpty();
    return bodies;
  }

  @FunctionalInterface
  private interface BodyConsumer {
    /** @param template {@code post /projects/{project_id}/traces} */
    void accept(String operationId, String template, String pointer, JsonNode content);
  }

  private static void forEachBody(JsonNode spec, BodyConsumer each) {
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue().fields().forEachRemaining(method -> {
        JsonNode body = method.getValue().path("requestBody");
        String base = "/paths/" + JsonPointers.escape(path.getKey()) + "/" + method.getKey() + "/requestBody";
        if (body.has("$ref")) {
          base = body.get("$ref").asText().substring(1);
          body = spec.at(base);
        }
        JsonNode content = body.path("content").path("application/json");
        if (content.has("schema")) {
          each.accept(method.getValue().path("operationId").asText(), method.getKey() + " " + path.getKey(),
              base + "/content/application~1json/schema", content);
        }
      });
    }
  }

  private static JsonNode resolve(JsonNode spec, JsonNode node) {
    return node.has("$ref") ? spec.at(node.get("$ref").asText().substring(1)) : node;
  }

  /** The body itself, then one change at a time: each value dropped or replaced, a stray field in each object. */
  private static List<JsonNode> variants(JsonNode body) {
    List<JsonNode> variants = new ArrayList<>();
    variants.add(body);
    List<String> pointers = new ArrayList<>();
    collect(body, "", pointers);
    for (String pointer : pointers) {
      if (!pointer.isEmpty()) {
        variants.add(changed(body, pointer, null));
        REPLACEMENTS.forEach(replacement -> variants.add(changed(body, pointer, replacement)));
      }
      if (body.at(pointer).isObject()) {
        JsonNode stray = body.deepCopy();
        ((ObjectNode) stray.at(pointer)).put("unexpected_field", 1);
        variants.add(stray);
      }
    }
    return variants;
  }

  private static void collect(JsonNode node, String pointer, List<String> into) {
    into.add(pointer);
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> collect(field.getValue(),
          pointer + "/" + JsonPointers.escape(field.getKey()), into));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, into);
      }
    }
  }

  /** A copy with the value at the pointer replaced, or dropped when the replacement is null. */
  private static JsonNode changed(JsonNode body, String pointer, JsonNode replacement) {
    JsonNode copy = body.deepCopy();
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, slash));
    String last = JsonPointers.unescape(pointer.substring(slash + 1));
    if (parent instanceof ObjectNode object) {
      if (replacement == null) {
        object.remove(last);
      } else {
        object.set(last, replacement);
      }
    } else if (parent instanceof ArrayNode array) {
      int index = Integer.parseInt(last);
      if (replacement == null) {
        array.remove(index);
      } else {
        array.set(index, replacement);
      }
    }
    return copy;
  }

  private static List<JsonNode> parse(String... texts) {
    List<JsonNode> nodes = new ArrayList<>();
    for (String text : texts) {
      try {
        nodes.add(JSON.readTree(text));
      } catch (Exception e) {
        throw new IllegalArgumentException(text, e);
      }
    }
    return nodes;
  }
}
