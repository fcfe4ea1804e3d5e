package dev.tracepost.contract.errors;

import dev.tracepost.contract.JsonPointers;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One way a request breaks the contract: where (the part of the request, then the path to the value),
 * what rule, and a sentence.
 *
 * @param in      {@code body}, {@code query}, {@code path} or {@code header}
 * @param path    property names and array indexes (Integers) from that part down to the value
 * @param rule    a short name of the rule broken: {@code missing}, {@code type}, {@code enum}, ...
 * @param message what is wrong, in words
 */
public record Violation(String in, List<Object> path, String rule, String message) {

  public Violation {
    path = List.copyOf(path);
  }

  /** A JSON pointer for the body ({@code /traces/0/name}), {@code in:name} for the other parts. */
  public String pointer() {
    String pointer = path.stream()
        .map(segment -> "/" + JsonPointers.escape(segment.toString()))
        .collect(Collectors.joining());
    if ("body".equals(in)) {
      return pointer.isEmpty() ? "/" : pointer;
    }
    return in + ":" + (pointer.isEmpty() ? "" : pointer.substring(1));
  }
}
