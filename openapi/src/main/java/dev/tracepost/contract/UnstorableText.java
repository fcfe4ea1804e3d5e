package dev.tracepost.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepost.contract.errors.Violation;
import io.vertx.openapi.contract.Parameter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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

  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long BACKSLASHES = ONES * '\\';
  private static final long EDS = ONES * 0xED;

  /**
   * An escaped NUL or surrogate ({@code \u0000}, {@code \ud800}-{@code \udfff}), or a surrogate encoded as
   * bytes. Only a backslash or the byte 0xED can start one, so the scan looks for those two alone, eight
   * bytes at a time: a word that holds neither is passed with a few arithmetic operations, the others byte
   * by byte. It runs on every body: 0.23 ns a byte byte by byte, 0.11 ns this way (1.1 and 0.54 us for the
   * mock benchmark's Galileo batch; with the first JIT tier alone, 3.1 and 0.86 us).
   */
  static boolean mayHoldUnstorable(BodyBytes body) {
    byte[] bytes = body.array();
    int end = body.offset() + body.length();
    int at = body.offset();
    for (; at <= end - Long.BYTES; at += Long.BYTES) {
      long word = (long) WORDS.get(bytes, at);
      if ((zeroByte(word ^ BACKSLASHES) | zeroByte(word ^ EDS)) != 0 && anyStartsUnstorable(body, at, at + Long.BYTES)) {
        return true;
      }
    }
    return anyStartsUnstorable(body, at, end);
  }

  /** Non-zero when a byte of the word is zero (the high bit of each such byte set, and perhaps of others above it). */
  private static long zeroByte(long word) {
    return (word - ONES) & ~word & (ONES << 7);
  }

  /** Whether any byte from {@code from} to {@code end} (indexes of the array) starts text that cannot be stored. */
  private static boolean anyStartsUnstorable(BodyBytes body, int from, int end) {
    byte[] bytes = body.array();
    for (int at = from; at < end; at++) {
      if ((bytes[at] == '\\' || bytes[at] == (byte) 0xED) && startsUnstorable(body, at - body.offset())) {
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
