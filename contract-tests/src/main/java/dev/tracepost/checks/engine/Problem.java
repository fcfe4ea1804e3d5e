package dev.tracepost.checks.engine;

/**
 * A rule a reply broke.
 *
 * @param rule    what was expected, in words ("a documented status", "the documented schema of 200", ...)
 * @param pointer where in the reply (a JSON pointer), or null when the rule is about the reply as a whole
 */
public record Problem(String rule, String pointer, String message) {

  @Override
  public String toString() {
    return rule + (pointer == null ? "" : " at " + pointer) + ": " + message;
  }
}
