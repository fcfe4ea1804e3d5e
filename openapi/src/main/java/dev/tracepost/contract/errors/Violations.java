package dev.tracepost.contract.errors;

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
    List<OutputUnit> errors = new ArrayList<>();
    flatten(root, errors);
    Map<String, Violation> unique = new LinkedHashMap<>();
    for (OutputUnit error : resolve(errors)) {
      if (EXTRA.contains(keyword(error)) && isDeclared(error, bodySchema)) {
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
   * branch was clearly meant, and its errors say more.
   */
  private static List<OutputUnit> resolve(List<OutputUnit> errors) {
    List<OutputUnit> unions = errors.stream()
        .filter(error -> UNIONS.contains(keyword(error)))
        .filter(union -> errors.stream().noneMatch(other -> UNIONS.contains(keyword(other))
            && keywordPath(union).startsWith(keywordPath(other) + "/")))
        .toList();
    List<OutputUnit> kept = new ArrayList<>();
    for (OutputUnit union : unions) {
      String prefix = keywordPath(union) + "/";
      Map<String, List<OutputUnit>> branches = new LinkedHashMap<>();
      for (OutputUnit error : errors) {
        String at = keywordPath(error);
        if (at.startsWith(prefix)) {
          String branch = at.substring(prefix.length()).split("/", 2)[0];
          branches.computeIfAbsent(branch, key -> new ArrayList<>()).add(error);
        }
      }
      List<List<OutputUnit>> meant = branches.values().stream()
          .filter(branch -> branch.stream().anyMatch(error -> isLeaf(error, branch) && !"type".equals(keyword(error))))
          .toList();
      if (meant.size() == 1) {
        kept.addAll(resolve(meant.get(0)));
      } else {
        kept.add(union);
      }
    }
    for (OutputUnit error : errors) {
      String at = keywordPath(error);
      boolean inUnion = unions.stream().anyMatch(union -> union == error || at.startsWith(keywordPath(union) + "/"));
      if (!inUnion && isLeaf(error, errors) && !"if".equals(keyword(error))) {
        kept.add(error);
      }
    }
    return kept;
  }

  private static boolean isLeaf(OutputUnit error, List<OutputUnit> among) {
    String at = keywordPath(error);
    return among.stream().noneMatch(other -> keywordPath(other).startsWith(at + "/"));
  }

  private boolean isDeclared(OutputUnit error, JsonObject bodySchema) {
    List<Object> path = segments(error.getInstanceLocation());
    return !path.isEmpty() && error.getAbsoluteKeywordLocation() != null
        && declared.of(error.getAbsoluteKeywordLocation(), bodySchema).contains(String.valueOf(path.get(path.size() - 1)));
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

  private static Violation violation(OutputUnit error, String in, List<Object> base) {
    List<Object> path = new ArrayList<>(base);
    path.addAll(segments(error.getInstanceLocation()));
    String keyword = keyword(error);
    String message = error.getError();
    switch (keyword) {
      case "required":
        Matcher name = QUOTED.matcher(message);
        if (name.find()) {
          path.add(name.group(1));
        }
        message = "Field required";
        break;
      case "additionalProperties":
      case "unevaluatedProperties":
      case "items":
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

  private static String keywordPath(OutputUnit error) {
    // The evaluation path, not the absolute one: only it nests the way the evaluation did across $refs.
    String location = error.getKeywordLocation();
    return location == null ? "" : location;
  }

  private static String keyword(OutputUnit error) {
    String location = keywordPath(error);
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static List<Object> segments(String instanceLocation) {
    List<Object> segments = new ArrayList<>();
    if (instanceLocation == null) {
      return segments;
    }
    String pointer = instanceLocation.startsWith("#") ? instanceLocation.substring(1) : instanceLocation;
    for (String raw : pointer.split("/")) {
      if (raw.isEmpty()) {
        continue;
      }
      String segment = raw.replace("~1", "/").replace("~0", "~");
      segments.add(segment.chars().allMatch(Character::isDigit) ? (Object) Integer.valueOf(segment) : segment);
    }
    return segments;
  }
}
