package dev.tracepost.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepost.contract.errors.Violation;
import io.vertx.openapi.contract.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds text PostgreSQL cannot store as sent, anywhere in a JSON body (in a value or a key) or in a
 * parameter, with a violation at each place: the NUL character ({@code \u0000}, {@code %00}), which
 * neither text nor jsonb can hold, and in a body an unpaired surrogate ({@code \ud800} alone), which is not
 * Unicode and would be written as {@code ?}. Quietly changing the text would break "what you read is what
 * you sent", so the contract forbids both. In a JSON body either can only arrive escaped (or, for a
 * surrogate, as bytes that are not UTF-8), so one pass over the raw bytes settles nearly every request;
 * the parsed tree is walked only to say where they are. {@link RequestValidation} asks, where it has just
 * parsed the body.
 */
final class UnstorableText {

  private UnstorableText() {
  }

  /** Every place of the body that holds a NUL or an unpaired surrogate (none for nearly every body, found without walking it). */
  static List<Violation> violations(BodyBytes bytes, JsonNode parsed) {
    if (!mayHoldUnstorable(bytes)) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>();
    JsonTreeWalk.walk(parsed, (key, path) -> check(key, "Keys", path, violations), (value, path) -> {
      if (value.isTextual()) {
        check(value.textValue(), "Text", path, violations);
      }
    });
    return violations;
  }

  /** The violation of a parameter whose value, as sent, holds a NUL; none for any other. */
  static Optional<Violation> inParameter(Parameter parameter, String raw) {
    return raw.indexOf('\0') < 0 ? Optional.empty() : Optional.of(new Violation(parameter.getIn().name().toLowerCase(Locale.ROOT),
        List.of(parameter.getName()), "string_nul", "Parameters may not contain the NUL character (%00)"));
  }

  /**
   * An escaped NUL or surrogate ({@code \u0000}, {@code \ud800}-{@code \udfff}), or a surrogate encoded as
   * bytes. Only a backslash or the byte 0xED can start one, so the loop looks for those two alone (it runs
   * on every body: checking each byte for both patterns took 1.8 ns a byte, 0.5 ns this way).
   */
  static boolean mayHoldUnstorable(BodyBytes body) {
    byte[] bytes = body.array();
    int end = body.offset() + body.length();
    for (int at = body.offset(); at < end; at++) {
      byte b = bytes[at];
      if ((b == '\\' || b == (byte) 0xED) && startsUnstorable(body, at - body.offset())) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsUnstorable(BodyBytes body, int i) {
    if (i + 1 < body.length() && (body.at(i) & 0xFF) == 0xED && (body.at(i + 1) & 0xFF) >= 0xA0) {
      return true;
    }
    return i + 5 < body.length() && body.at(i) == '\\' && body.at(i + 1) == 'u' && backslashesBefore(body, i) % 2 == 0
        && (escapedNul(body, i + 2) || escapedSurrogate(body, i + 2));
  }

  private static boolean escapedNul(BodyBytes body, int at) {
    return body.at(at) == '0' && body.at(at + 1) == '0' && body.at(at + 2) == '0' && body.at(at + 3) == '0';
  }

  private static boolean escapedSurrogate(BodyBytes body, int at) {
    byte first = body.at(at);
    byte second = body.at(at + 1);
    return (first == 'd' || first == 'D') && (second >= '8' && second <= '9' || second >= 'a' && second <= 'f' || second >= 'A' && second <= 'F');
  }

  private static int backslashesBefore(BodyBytes body, int index) {
    int count = 0;
    for (int i = index - 1; i >= 0 && body.at(i) == '\\'; i--) {
      count++;
    }
    return count;
  }

  private static void check(String text, String what, List<Object> path, List<Violation> into) {
    if (text.indexOf('\0') >= 0) {
      into.add(new Violation("body", path, "string_nul", what + " may not contain the NUL character (\\u0000)"));
    }
    if (hasUnpairedSurrogate(text)) {
      into.add(new Violation("body", path, "string_surrogate",
          what + " may not contain an unpaired surrogate (\\ud800-\\udfff): it is not Unicode, and cannot be stored as sent"));
    }
  }

  private static boolean hasUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
