package dev.tracepost.contract;

/**
 * How deeply a JSON text nests, counted on the raw bytes (brackets outside strings). A body nested
 * deeper than any real trace is refused before a validator has to recurse through it.
 */
final class JsonDepth {

  /** Deeper than 64 nested spans (two levels each) with room to spare; shallower than any stack limit. */
  static final int MAX = 200;

  private JsonDepth() {
  }

  static int of(BodyBytes json) {
    byte[] bytes = json.array();
    int end = json.offset() + json.length();
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = json.offset(); i < end; i++) {
      byte b = bytes[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        deepest = Math.max(deepest, ++depth);
      } else if (b == '}' || b == ']') {
        depth--;
      }
    }
    return deepest;
  }
}
