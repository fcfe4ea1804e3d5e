package dev.tracepost.mock.journal;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;

/**
 * What the journal keeps of a request but its body, in one byte array, laid out like HTTP itself: its
 * path, its query string and its headers as lines of UTF-8, then an empty line. Ten thousand entries
 * outlive many young collections; as strings and maps they were most of what the collector copied under
 * load (bench/results/mock-2026-12-02.md), one array each is cheap to copy. Read back only when someone
 * asks. HTTP forbids line breaks in paths, query strings, header names and values, and colons in names,
 * so one line a part is unambiguous.
 */
final class RequestHead {

  private RequestHead() {
  }

  /** {@code path\nquery\nname:value\n...\n}. */
  static byte[] pack(String path, String query, MultiMap headers) {
    StringBuilder lines = new StringBuilder(64 + headers.size() * 32).append(path).append('\n')
        .append(query == null ? "" : query).append('\n');
    headers.forEach(header -> lines.append(header.getKey()).append(':').append(header.getValue()).append('\n'));
    return lines.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  static String path(byte[] packed) {
    return line(packed, 0);
  }

  /** Each query parameter with its values; none when the query string cannot be decoded (the entry's violations say why). */
  static JsonObject queryJson(byte[] packed) {
    String query = line(packed, lineEnd(packed, 0) + 1);
    JsonObject json = new JsonObject();
    if (query.isEmpty()) {
      return json;
    }
    try {
      new QueryStringDecoder(query, StandardCharsets.UTF_8, false).parameters()
          .forEach((name, values) -> json.put(name, new JsonArray(values)));
    } catch (IllegalArgumentException malformed) {
      return new JsonObject();
    }
    return json;
  }

  /** One value a name, the last when a header came more than once. */
  static JsonObject headersJson(byte[] packed) {
    JsonObject json = new JsonObject();
    for (int start = headersStart(packed); packed[start] != '\n'; ) {
      int end = lineEnd(packed, start);
      String header = new String(packed, start, end - start, StandardCharsets.UTF_8);
      int colon = header.indexOf(':');
      json.put(header.substring(0, colon), header.substring(colon + 1));
      start = end + 1;
    }
    return json;
  }

  private static int headersStart(byte[] packed) {
    return lineEnd(packed, lineEnd(packed, 0) + 1) + 1;
  }

  private static String line(byte[] packed, int start) {
    return new String(packed, start, lineEnd(packed, start) - start, StandardCharsets.UTF_8);
  }

  private static int lineEnd(byte[] packed, int start) {
    int end = start;
    while (packed[end] != '\n') {
      end++;
    }
    return end;
  }
}
