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

  static int of(byte[] json) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < json.length; i++) {
      byte b = json[i];
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
