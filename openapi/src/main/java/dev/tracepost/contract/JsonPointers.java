package dev.tracepost.contract;

import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;

/** JSON pointers (RFC 6901) as the specs and the validators' reports use them. */
public final class JsonPointers {

  private JsonPointers() {
  }

  /** A key or index as one segment of a pointer: {@code ~} and {@code /} escaped. */
  public static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  /** One segment of a pointer as the key it names. */
  public static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }

  /** The object a local {@code $ref} ({@code #/components/schemas/Trace}) names in the document; null when none. */
  public static JsonObject referenced(JsonObject document, String ref) {
    return (JsonObject) JsonPointer.from(ref.substring(ref.indexOf('#') + 1)).queryJson(document);
  }
}
