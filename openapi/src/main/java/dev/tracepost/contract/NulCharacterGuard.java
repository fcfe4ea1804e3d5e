package dev.tracepost.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepost.contract.errors.Violation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the NUL character ({@code \u0000}) anywhere in a JSON body, in a value or a key, or in a parameter
 * ({@code %00}), with a violation at each place. PostgreSQL can store NUL in neither text nor jsonb, and quietly changing the text would
 * break "what you read is what you sent", so the contract forbids it. In JSON a NUL can only arrive
 * escaped, so one pass over the raw bytes settles nearly every request; the parsed tree is walked only to
 * say where the NULs are. {@link RequestValidation} asks, where it has just parsed the body.
 */
final class NulCharacterGuard {

  private NulCharacterGuard() {
  }

  /** Every place of the body that holds a NUL (none for nearly every body, found without walking it). */
  static List<Violation> violations(BodyBytes bytes, JsonNode parsed) {
    if (!containsEscapedNul(bytes)) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>();
    walk(parsed, new ArrayList<>(), violations);
    return violations;
  }

  /** Every parameter of the request whose value holds a NUL. */
  static List<Violation> violations(List<Parameter> parameters, ValidatableRequest request) {
    List<Violation> violations = new ArrayList<>(0);
    for (Parameter parameter : parameters) {
      RequestParameter value = switch (parameter.getIn()) {
        case COOKIE -> request.getCookies().get(parameter.getName());
        case HEADER -> request.getHeaders().get(parameter.getName());
        case PATH -> request.getPathParameters().get(parameter.getName());
        case QUERY -> request.getQuery().get(parameter.getName());
      };
      if (value != null && !value.isNull() && String.valueOf(value.get()).indexOf('\0') >= 0) {
        violations.add(new Violation(parameter.getIn().name().toLowerCase(Locale.ROOT), List.of(parameter.getName()), "string_nul",
            "Parameters may not contain the NUL character (%00)"));
      }
    }
    return violations;
  }

  static boolean containsEscapedNul(BodyBytes body) {
    for (int i = 0; i + 5 < body.length(); i++) {
      if (body.at(i) == '\\' && body.at(i + 1) == 'u' && body.at(i + 2) == '0' && body.at(i + 3) == '0'
          && body.at(i + 4) == '0' && body.at(i + 5) == '0' && backslashesBefore(body, i) % 2 == 0) {
        return true;
      }
    }
    return false;
  }

  private static int backslashesBefore(BodyBytes body, int index) {
    int count = 0;
    for (int i = index - 1; i >= 0 && body.at(i) == '\\'; i--) {
      count++;
    }
    return count;
  }

  private static void walk(JsonNode value, List<Object> path, List<Violation> into) {
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        path.add(entry.getKey());
        if (entry.getKey().indexOf('\0') >= 0) {
          into.add(new Violation("body", path, "string_nul", "Keys may not contain the NUL character (\\u0000)"));
        }
        walk(entry.getValue(), path, into);
        path.remove(path.size() - 1);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        path.add(i);
        walk(value.get(i), path, into);
        path.remove(path.size() - 1);
      }
    } else if (value.isTextual() && value.textValue().indexOf('\0') >= 0) {
      into.add(new Violation("body", path, "string_nul", "Text may not contain the NUL character (\\u0000)"));
    }
  }
}
