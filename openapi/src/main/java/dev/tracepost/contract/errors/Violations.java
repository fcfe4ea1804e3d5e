package dev.tracepost.contract.errors;

import dev.tracepost.contract.JsonPointers;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what Vert.x's validator reports into the list of violations a client can act on: every leaf
 * error, each with the path to the offending value. The validator's own message names only the last
 * error, and its output holds container errors ("a subschema had errors"), the failed branches of
 * every union and duplicates; those are dropped here.
 */
public final class Violations {

  private static final Pattern PARAMETER = Pattern.compile("(path|query|header|cookie) parameter (\\S+?)[.\\s]");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
  private static final Set<String> UNIONS = Set.of("anyOf", "oneOf");
  private static final Set<String> EXTRA = Set.of("unevaluatedProperties", "additionalProperties");
  private static final Map<String, String> RULES = Map.ofEntries(
      Map.entry("required", "missing"),
      Map.entry("additionalProperties", "extra_forbidden"),
      Map.entry("unevaluatedProperties", "extra_forbidden"),
      Map.entry("const", "literal_error"),
      Map.entry("minItems", "too_short"),
      Map.entry("maxItems", "too_long"),
      Map.entry("minLength", "string_too_short"),
      Map.entry("maxLength", "string_too_long"),
      Map.entry("minimum", "greater_than_equal"),
      Map.entry("maximum", "less_than_equal"),
      Map.entry("anyOf", "union"),
      Map.entry("oneOf", "union"));

  private final DeclaredProperties declared;

  /**
   * @param contract the resolved contract the failures come from ({@code OpenAPIContract#getRawContract()})
   */
  public Violations(JsonObject contract) {
    this.declared = new DeclaredProperties(contract);
  }

  /**
   * @param bodySchema the schema of the request body that was validated (absolute locations that do not
   *                   point into the contract's components point into it); null when there is none
   */
  public List<Violation> of(ValidatorException failure, JsonObject bodySchema) {
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    Matcher parameter = PARAMETER.matcher(message + " ");
    String in = parameter.find() ? parameter.group(1) : "body";
    List<Object> base = "body".equals(in) ? List.of() : List.of(parameter.group(2));
    switch (failure.type()) {
      case MISSING_REQUIRED_PARAMETER:
        return List.of(new Violation(in, base, "missing", "body".equals(in) ? "A request body is required" : "Field required"));
      case ILLEGAL_VALUE:
        return List.of(new Violation("body", List.of(), "json_invalid", "The body is not valid JSON"));
      case UNSUPPORTED_VALUE_FORMAT:
        return List.of(new Violation("header", List.of("content-type"), "unsupported_media_type",
            "The body must be sent as application/json"));
      case INVALID_VALUE_FORMAT:
        return List.of(new Violation(in, base, "format", message));
      default:
        break;
    }
    if (failure instanceof SchemaValidationException schemaFailure && schemaFailure.getOutputUnit() != null) {
      List<Violation> leaves = leaves(schemaFailure.getOutputUnit(), in, base, bodySchema);
      if (!leaves.isEmpty()) {
        return leaves;
      }
    }
    return List.of(new Violation(in, base, "value_error", message));
  }

  private List<Violation> leaves(OutputUnit root, String in, List<Object> base, JsonObject bodySchema) {
    List<OutputUnit> units = new ArrayList<>();
    flatten(root, units);
    List<SchemaError> errors = new ArrayList<>();
    for (OutputUnit unit : units) {
      String location = unit.getKeywordLocation() == null ? "" : unit.getKeywordLocation();
      String keyword = location.substring(location.lastIndexOf('/') + 1);
      Matcher quoted = QUOTED.matcher(String.valueOf(unit.getError()));
      errors.add(new SchemaError(segments(unit.getInstanceLocation()), keyword, location, unit.getAbsoluteKeywordLocation(),
          unit.getError(), EXTRA.contains(keyword) || "required".equals(keyword) ? (quoted.find() ? quoted.group(1) : null) : null));
    }
    return fromErrors(errors, in, base, bodySchema);
  }

  /** The violations among what a validator reported: leaves only, unions resolved, collateral "unknown fields" dropped. */
  public List<Violation> fromErrors(List<SchemaError> errors, String in, List<Object> base, JsonObject bodySchema) {
    Map<String, Violation> unique = new LinkedHashMap<>();
    for (SchemaError error : resolve(errors, 0)) {
      if (EXTRA.contains(error.keyword()) && isDeclared(error, bodySchema)) {
        // A known field reported as extra: a failing sibling left it "unevaluated", or (a quirk of
        // vertx-json-schema) its own value failed. Either way, not an unknown field.
        continue;
      }
      Violation violation = violation(error, in, base);
      unique.putIfAbsent(violation.pointer() + " " + violation.rule(), violation);
    }
    return List.copyOf(unique.values());
  }

  /**
   * The errors worth reporting: leaves, not containers. A union (anyOf/oneOf) is reported as itself,
   * unless exactly one of its branches failed for a reason other than the value's type: then that
   * branch was clearly meant, and its errors say more. A union is known by its own error or, where a
   * validator reports only the branches, by the branches' evaluation paths.
   */
  private static List<SchemaError> resolve(List<SchemaError> errors, int below) {
    List<String> unions = new ArrayList<>();
    for (SchemaError error : errors) {
      String union = outermostUnion(error.evaluationPath(), below);
      if (union != null && !unions.contains(union)) {
        unions.add(union);
      }
    }
    List<SchemaError> kept = new ArrayList<>();
    for (String union : unions) {
      String prefix = union + "/";
      Map<String, List<SchemaError>> branches = new LinkedHashMap<>();
      SchemaError own = null;
      for (SchemaError error : errors) {
        if (error.evaluationPath().equals(union)) {
          own = error;
        } else if (error.evaluationPath().startsWith(prefix)) {
          String branch = error.evaluationPath().substring(prefix.length()).split("/", 2)[0];
          branches.computeIfAbsent(branch, key -> new ArrayList<>()).add(error);
        }
      }
      List<List<SchemaError>> meant = branches.values().stream()
          .filter(branch -> branch.stream().anyMatch(error -> isLeaf(error, branch) && !"type".equals(error.keyword())))
          .toList();
      if (meant.size() == 1) {
        String branch = meant.get(0).get(0).evaluationPath().substring(prefix.length()).split("/", 2)[0];
        kept.addAll(resolve(meant.get(0), prefix.length() + branch.length() + 1));
      } else {
        kept.add(own != null ? own : unionAt(union, branches));
      }
    }
    for (SchemaError error : errors) {
      String at = error.evaluationPath();
      boolean inUnion = unions.stream().anyMatch(union -> at.equals(union) || at.startsWith(union + "/"));
      if (!inUnion && isLeaf(error, errors) && !"if".equals(error.keyword())) {
        kept.add(error);
      }
    }
    return kept;
  }

  /** The path of the outermost anyOf/oneOf the evaluation went through (or is) past the first {@code below} characters, or null. */
  private static String outermostUnion(String evaluationPath, int below) {
    String[] segments = evaluationPath.split("/");
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        path.append('/');
      }
      path.append(segments[i]);
      if (UNIONS.contains(segments[i]) && i > 0 && path.length() > below) {
        return path.toString();
      }
    }
    return null;
  }

  private static SchemaError unionAt(String union, Map<String, List<SchemaError>> branches) {
    List<Object> instance = branches.values().stream().flatMap(List::stream).map(SchemaError::instance)
        .min(java.util.Comparator.comparingInt(List::size)).orElse(List.of());
    return new SchemaError(instance, union.substring(union.lastIndexOf('/') + 1), union, null, "no branch matched", null);
  }

  private static boolean isLeaf(SchemaError error, List<SchemaError> among) {
    String at = error.evaluationPath();
    return among.stream().noneMatch(other -> other.evaluationPath().startsWith(at + "/"));
  }

  private boolean isDeclared(SchemaError error, JsonObject bodySchema) {
    String property = error.property() != null ? error.property()
        : error.instance().isEmpty() ? null : String.valueOf(error.instance().get(error.instance().size() - 1));
    return property != null && error.schemaLocation() != null
        && declared.of(error.schemaLocation(), bodySchema).contains(property);
  }

  private static void flatten(OutputUnit unit, List<OutputUnit> into) {
    if (unit.getErrors() == null || unit.getErrors().isEmpty()) {
      if (unit.getError() != null) {
        into.add(unit);
      }
      return;
    }
    for (OutputUnit child : unit.getErrors()) {
      flatten(child, into);
    }
  }

  private static Violation violation(SchemaError error, String in, List<Object> base) {
    List<Object> path = new ArrayList<>(base);
    path.addAll(error.instance());
    String keyword = error.keyword();
    String message = error.message();
    switch (keyword) {
      case "required":
        if (error.property() != null) {
          path.add(error.property());
        }
        message = "Field required";
        break;
      case "additionalProperties":
      case "unevaluatedProperties":
      case "items":
        // One validator points at the unknown property, the other at its object and names the property.
        if (error.property() != null && (path.size() == base.size() || !error.property().equals(String.valueOf(path.get(path.size() - 1))))) {
          path.add(error.property());
        }
        message = "Extra inputs are not permitted";
        break;
      case "anyOf":
      case "oneOf":
        message = "The value matches none of the shapes allowed here";
        break;
      default:
        break;
    }
    return new Violation(in, path, RULES.getOrDefault(keyword, keyword), message);
  }

  public static List<Object> segments(String instanceLocation) {
    return segmentsOf(instanceLocation);
  }

  private static List<Object> segmentsOf(String instanceLocation) {
    List<Object> segments = new ArrayList<>();
    if (instanceLocation == null) {
      return segments;
    }
    String pointer = instanceLocation.startsWith("#") ? instanceLocation.substring(1) : instanceLocation;
    for (String raw : pointer.split("/")) {
      if (raw.isEmpty()) {
        continue;
      }
      String segment = JsonPointers.unescape(raw);
      segments.add(segment.chars().allMatch(Character::isDigit) ? (Object) Integer.valueOf(segment) : segment);
    }
    return segments;
  }
}
