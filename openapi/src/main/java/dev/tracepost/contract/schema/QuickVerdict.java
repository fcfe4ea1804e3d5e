package dev.tracepost.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Format;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Tells, without a message, whether a body certainly keeps its schema: the bodies clients send almost
 * always do, and for them networknt's walk, which builds a path for every value it visits in case it has
 * something to report, was the largest part of the mock's time under load (bench/results). Each schema
 * is compiled once into checks that answer {@link Verdict#VALID}, {@link Verdict#INVALID}, or
 * {@link Verdict#UNSURE} for anything they do not model exactly (a keyword outside the set the specs use,
 * an integer written as 1.0, ...). Only VALID skips networknt: any other answer, and every body that
 * breaks the schema, goes to networknt, which alone says what is wrong. So this can make validation
 * faster, never laxer: QuickVerdictTest holds it to networknt's verdict on every request example of both
 * specs, on a real SDK's bodies and on thousands of variants of them.
 */
public final class QuickVerdict {

  /** In order of how little they let through: both of two checks give the later. */
  public enum Verdict {
    VALID, UNSURE, INVALID;

    static Verdict of(boolean valid) {
      return valid ? VALID : INVALID;
    }

    /** What "this and that" is: INVALID if either is, else UNSURE if either is, else VALID. */
    Verdict and(Verdict that) {
      return compareTo(that) >= 0 ? this : that;
    }
  }

  @FunctionalInterface
  public interface Check {
    Verdict of(JsonNode node);
  }

  /**
   * Keywords that never change networknt's verdict here: annotations, OpenAPI's own words (unknown to the
   * dialect networknt is given), and {@code then} and {@code else}, read with their {@code if}. Any other
   * keyword not modelled below makes its schema UNSURE, even one networknt might treat as an annotation
   * ({@code readOnly}, {@code contentMediaType}): the specs do not use them, and a guess would be a risk.
   */
  private static final Set<String> ANNOTATIONS = Set.of("$schema", "$comment", "title", "description", "default", "example",
      "examples", "deprecated", "discriminator", "externalDocs", "xml", "then", "else");

  private final JsonNode document;
  private final Map<String, Format> formats;
  private final Map<String, Check> compiled = new HashMap<>();

  /**
   * @param document the spec as networknt reads it ({@link ClosedPropertySets#inline})
   * @param formats  the formats the specs use, by name, as networknt asserts them; each must decide from
   *                 the text alone, as uuid and date-time do
   */
  QuickVerdict(JsonNode document, Map<String, Format> formats) {
    this.document = document;
    this.formats = formats;
  }

  /**
   * The checks of the schema at the pointer ({@code /components/schemas/Trace}), with every schema it
   * refers to, compiled once and all at once: nothing changes after this returns.
   */
  synchronized Check at(String pointer) {
    Check known = compiled.get(pointer);
    if (known != null) {
      return known;
    }
    JsonNode schema = document.at(pointer);
    if (schema.isMissingNode()) {
      return node -> Verdict.UNSURE;
    }
    // A schema may refer to itself (spans hold spans): the entry is in place before its parts are compiled.
    Check[] target = new Check[1];
    compiled.put(pointer, node -> target[0].of(node));
    target[0] = schema(schema);
    return compiled.get(pointer);
  }

  private Check schema(JsonNode schema) {
    if (schema.isBoolean()) {
      Verdict verdict = Verdict.of(schema.booleanValue());
      return node -> verdict;
    }
    if (!schema.isObject()) {
      return unsure();
    }
    List<Check> checks = new ArrayList<>();
    for (var keywords = schema.fieldNames(); keywords.hasNext(); ) {
      String keyword = keywords.next();
      // properties and additionalProperties together are one pass over the object (see additionalProperties).
      boolean covered = keyword.equals("properties") && schema.has("additionalProperties");
      if (!ANNOTATIONS.contains(keyword) && !keyword.startsWith("x-") && !covered) {
        checks.add(keyword(keyword, schema.get(keyword), schema));
      }
    }
    return checks.size() == 1 ? checks.get(0) : all(checks);
  }

  private Check keyword(String keyword, JsonNode value, JsonNode schema) {
    return switch (keyword) {
      case "$ref" -> value.isTextual() && value.textValue().startsWith("#") ? at(value.textValue().substring(1)) : unsure();
      case "type" -> type(value);
      case "properties" -> properties(value);
      case "required" -> required(value);
      case "additionalProperties" -> additionalProperties(value, schema);
      case "allOf" -> value.isArray() ? dispatchOrAll(value) : unsure();
      case "anyOf" -> value.isArray() ? any(schemas(value)) : unsure();
      case "oneOf" -> value.isArray() ? one(schemas(value)) : unsure();
      case "not" -> not(schema(value));
      case "if" -> condition(schema(value), schema.has("then") ? schema(schema.get("then")) : null,
          schema.has("else") ? schema(schema.get("else")) : null);
      case "const" -> value.isTextual() ? textOnly(text -> text.equals(value.textValue())) : unsure();
      case "enum" -> textEnum(value);
      case "items" -> items(schema(value));
      case "minItems" -> count(value, JsonNode::isArray, (node, bound) -> node.size() >= bound);
      case "maxItems" -> count(value, JsonNode::isArray, (node, bound) -> node.size() <= bound);
      case "minLength" -> count(value, JsonNode::isTextual, (node, bound) -> codePoints(node) >= bound);
      case "maxLength" -> count(value, JsonNode::isTextual, (node, bound) -> codePoints(node) <= bound);
      case "minimum" -> bound(value, comparison -> comparison >= 0);
      case "maximum" -> bound(value, comparison -> comparison <= 0);
      case "exclusiveMinimum" -> bound(value, comparison -> comparison > 0);
      case "exclusiveMaximum" -> bound(value, comparison -> comparison < 0);
      case "format" -> format(value);
      default -> unsure();
    };
  }

  private static Check unsure() {
    return node -> Verdict.UNSURE;
  }

  /**
   * {@code allOf} of {@code if: {properties: {type: {const: llm}}}, then: ...}, one for each type, as the specs
   * tell records apart: the property is read once and picks the one {@code then} that applies, instead of
   * every condition being tried on every record. Same meaning: when the property is absent (or the value not
   * an object), every condition holds, so every {@code then} applies; when it is not a text, none does.
   */
  private Check dispatchOrAll(JsonNode members) {
    String property = null;
    Map<String, Check> byValue = new HashMap<>();
    for (JsonNode member : members) {
      JsonNode condition = member.path("if");
      JsonNode properties = condition.path("properties");
      boolean shaped = member.size() == 2 && member.has("then") && condition.size() == 1 && properties.size() == 1;
      String name = shaped ? properties.fieldNames().next() : null;
      JsonNode constant = shaped ? properties.get(name) : null;
      if (!shaped || constant.size() != 1 || !constant.path("const").isTextual() || property != null && !property.equals(name)
          || byValue.containsKey(constant.get("const").textValue())) {
        return all(schemas(members));
      }
      property = name;
      byValue.put(constant.get("const").textValue(), schema(member.get("then")));
    }
    if (property == null) {
      return all(schemas(members));
    }
    String name = property;
    Check every = all(List.copyOf(byValue.values()));
    return node -> {
      JsonNode value = node.isObject() ? node.get(name) : null;
      if (value == null) {
        return every.of(node);
      }
      Check then = value.isTextual() ? byValue.get(value.textValue()) : null;
      return then == null ? Verdict.VALID : then.of(node);
    };
  }

  private List<Check> schemas(JsonNode array) {
    List<Check> checks = new ArrayList<>();
    array.forEach(member -> checks.add(schema(member)));
    return checks;
  }

  /** Every part holds: INVALID at the first that fails, else UNSURE if one is, else VALID. */
  private static Check all(List<Check> checks) {
    return decidedBy(checks, Verdict.INVALID, Verdict.VALID);
  }

  /** Some part holds: VALID at the first that does, else UNSURE if one is, else INVALID. */
  private static Check any(List<Check> checks) {
    return decidedBy(checks, Verdict.VALID, Verdict.INVALID);
  }

  /**
   * The first part's verdict that is {@code decisive}, else UNSURE if a part was, else {@code otherwise}.
   * {@code all} and {@code any} run for every object and value of a body, so this is a plain loop (and a
   * single part is itself), not one handed the way verdicts combine as a function, a call it could not
   * inline (bench/results/validator-2026-12-02.md).
   */
  private static Check decidedBy(List<Check> checks, Verdict decisive, Verdict otherwise) {
    if (checks.size() == 1) {
      return checks.get(0);
    }
    Check[] parts = checks.toArray(Check[]::new);
    return node -> {
      Verdict verdict = otherwise;
      for (Check part : parts) {
        Verdict one = part.of(node);
        if (one == decisive) {
          return one;
        }
        verdict = one == Verdict.UNSURE ? one : verdict;
      }
      return verdict;
    };
  }

  private static Check one(List<Check> checks) {
    Check[] parts = checks.toArray(Check[]::new);
    return node -> {
      int valid = 0;
      boolean unsure = false;
      for (Check part : parts) {
        Verdict one = part.of(node);
        valid += one == Verdict.VALID ? 1 : 0;
        unsure |= one == Verdict.UNSURE;
      }
      if (valid > 1) {
        return Verdict.INVALID;
      }
      return unsure ? Verdict.UNSURE : Verdict.of(valid == 1);
    };
  }

  private static Check not(Check check) {
    return node -> switch (check.of(node)) {
      case VALID -> Verdict.INVALID;
      case INVALID -> Verdict.VALID;
      case UNSURE -> Verdict.UNSURE;
    };
  }

  private static Check condition(Check condition, Check then, Check otherwise) {
    return node -> {
      Verdict holds = condition.of(node);
      Check branch = holds == Verdict.VALID ? then : otherwise;
      return holds == Verdict.UNSURE ? Verdict.UNSURE : branch == null ? Verdict.VALID : branch.of(node);
    };
  }

  private static Check type(JsonNode value) {
    List<String> names = new ArrayList<>();
    if (value.isTextual()) {
      names.add(value.textValue());
    } else if (value.isArray()) {
      value.forEach(name -> names.add(name.asText()));
    }
    List<Check> kinds = new ArrayList<>();
    for (String name : names) {
      kinds.add(switch (name) {
        case "string" -> node -> Verdict.of(node.isTextual());
        case "object" -> node -> Verdict.of(node.isObject());
        case "array" -> node -> Verdict.of(node.isArray());
        case "boolean" -> node -> Verdict.of(node.isBoolean());
        case "null" -> node -> Verdict.of(node.isNull());
        case "number" -> node -> Verdict.of(node.isNumber());
        // 1.0 is an integer to JSON Schema; whether networknt agrees depends on its settings: not modelled.
        case "integer" -> node -> node.isIntegralNumber() ? Verdict.VALID : node.isNumber() ? Verdict.UNSURE : Verdict.INVALID;
        default -> unsure();
      });
    }
    return names.isEmpty() ? unsure() : any(kinds);
  }

  private Check properties(JsonNode value) {
    if (!value.isObject()) {
      return unsure();
    }
    String[] names = new String[value.size()];
    Check[] checks = new Check[value.size()];
    int i = 0;
    for (var properties = value.fields(); properties.hasNext(); i++) {
      var property = properties.next();
      names[i] = property.getKey();
      checks[i] = schema(property.getValue());
    }
    // Looked up by name in the body: a condition such as {properties: {type: {const: llm}}} costs one lookup.
    return node -> {
      if (!node.isObject()) {
        return Verdict.VALID;
      }
      Verdict verdict = Verdict.VALID;
      for (int at = 0; at < names.length; at++) {
        JsonNode field = node.get(names[at]);
        verdict = verdict.and(field == null ? Verdict.VALID : checks[at].of(field));
        if (verdict == Verdict.INVALID) {
          return verdict;
        }
      }
      return verdict;
    };
  }

  private static Check required(JsonNode value) {
    if (!value.isArray()) {
      return unsure();
    }
    List<String> names = new ArrayList<>();
    value.forEach(name -> names.add(name.asText()));
    return node -> {
      if (!node.isObject()) {
        return Verdict.VALID;
      }
      for (String name : names) {
        if (!node.has(name)) {
          return Verdict.INVALID;
        }
      }
      return Verdict.VALID;
    };
  }

  /** With the schema's {@code properties}: each field of the body is checked by its own schema, or by this one. */
  private Check additionalProperties(JsonNode value, JsonNode schema) {
    if (schema.has("patternProperties") || schema.has("properties") && !schema.get("properties").isObject()) {
      return unsure();
    }
    Map<String, Check> declared = new HashMap<>();
    schema.path("properties").fields().forEachRemaining(property -> declared.put(property.getKey(), schema(property.getValue())));
    Check others = schema(value);
    return node -> {
      if (!node.isObject()) {
        return Verdict.VALID;
      }
      Verdict verdict = Verdict.VALID;
      for (var fields = node.fields(); fields.hasNext(); ) {
        var field = fields.next();
        verdict = verdict.and(declared.getOrDefault(field.getKey(), others).of(field.getValue()));
        if (verdict == Verdict.INVALID) {
          return verdict;
        }
      }
      return verdict;
    };
  }

  private static Check items(Check each) {
    return node -> {
      if (!node.isArray()) {
        return Verdict.VALID;
      }
      Verdict verdict = Verdict.VALID;
      for (JsonNode item : node) {
        verdict = verdict.and(each.of(item));
        if (verdict == Verdict.INVALID) {
          return verdict;
        }
      }
      return verdict;
    };
  }

  /** For {@code const} and {@code enum} of texts: anything but a text differs from them all. */
  private static Check textOnly(Predicate<String> test) {
    return node -> Verdict.of(node.isTextual() && test.test(node.textValue()));
  }

  private static Check textEnum(JsonNode value) {
    Set<String> texts = new HashSet<>();
    value.forEach(member -> {
      if (member.isTextual()) {
        texts.add(member.textValue());
      }
    });
    return texts.size() == value.size() ? textOnly(texts::contains) : unsure();
  }

  private static Check count(JsonNode value, Predicate<JsonNode> applies, BiPredicate<JsonNode, Long> test) {
    if (!value.canConvertToExactIntegral()) {
      return unsure();
    }
    long bound = value.longValue();
    return node -> applies.test(node) ? Verdict.of(test.test(node, bound)) : Verdict.VALID;
  }

  private static long codePoints(JsonNode text) {
    String value = text.textValue();
    return value.codePointCount(0, value.length());
  }

  /** Whole bounds up to this size are exactly a long and exactly a double. */
  private static final long EXACT_DOUBLE = 1L << 53;

  private static Check bound(JsonNode value, IntPredicate holds) {
    if (!value.isNumber()) {
      return unsure();
    }
    BigDecimal bound = value.decimalValue();
    boolean whole = bound.signum() == 0 || bound.stripTrailingZeros().scale() <= 0 && bound.abs().compareTo(BigDecimal.valueOf(EXACT_DOUBLE)) < 0;
    long wholeBound = whole ? bound.longValue() : 0;
    return node -> {
      if (!node.isNumber()) {
        return Verdict.VALID;
      }
      if (whole && (node.isInt() || node.isLong())) {
        return Verdict.of(holds.test(Long.compare(node.longValue(), wholeBound)));
      }
      if (node.isDouble() || node.isFloat()) {
        double number = node.doubleValue();
        if (!Double.isFinite(number)) {
          return Verdict.UNSURE;
        }
        // Jackson's decimal of a double is the shortest text that reads back as it, so it falls on the same
        // side of a bound the double holds exactly as the double does, and equals it when the double does.
        if (whole) {
          return Verdict.of(holds.test(number < wholeBound ? -1 : number > wholeBound ? 1 : 0));
        }
      }
      return Verdict.of(holds.test(node.decimalValue().compareTo(bound)));
    };
  }

  private Check format(JsonNode value) {
    Format format = value.isTextual() ? formats.get(value.textValue()) : null;
    if (format == null) {
      return unsure();
    }
    // Formats speak of texts only: any other value passes them.
    return node -> node.isTextual() ? Verdict.of(format.matches(null, node.textValue())) : Verdict.VALID;
  }
}
