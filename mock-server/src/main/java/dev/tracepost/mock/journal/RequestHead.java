package dev.tracepost.mock.journal;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;

/**
 * A request's query string and headers as the journal keeps them: as two strings, read into JSON only
 * when someone asks. Ten thousand entries outlive many young collections; as maps of strings they were
 * most of the objects the collector copied under load, and held the mock's Galileo ingest back by a
 * fifth or more (bench/results/mock-2026-12-02.md).
 */
record RequestHead(String query, String headers) {

  /** HTTP forbids line breaks in names and values, and colons in names: one line a header is unambiguous. */
  static RequestHead of(String query, MultiMap headers) {
    StringBuilder lines = new StringBuilder(headers.size() * 32);
    headers.forEach(header -> lines.append(header.getKey()).append(':').append(header.getValue()).append('\n'));
    return new RequestHead(query == null || query.isEmpty() ? null : query, lines.toString());
  }

  /** Each query parameter with its values; none when the query string cannot be decoded (the entry's violations say why). */
  JsonObject queryJson() {
    JsonObject json = new JsonObject();
    if (query == null) {
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
  JsonObject headersJson() {
    JsonObject json = new JsonObject();
    int start = 0;
    for (int end = headers.indexOf('\n'); end >= 0; start = end + 1, end = headers.indexOf('\n', start)) {
      int colon = headers.indexOf(':', start);
      json.put(headers.substring(start, colon), headers.substring(colon + 1, end));
    }
    return json;
  }
}
