package dev.tracepost.checks.engine;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the checks sent and the reply they got: what runtime expressions
 * ({@code $request.body#/...}, {@code $response.body#/...}, {@code $request.path.x}) read from.
 */
public record Exchange(Call call, int status, Map<String, String> replyHeaders, Buffer replyBody) {

  /** The reply's body as JSON, or null when it is not JSON. */
  public Object replyJson() {
    if (replyBody == null || replyBody.length() == 0) {
      return null;
    }
    try {
      return Json.decodeValue(replyBody);
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  /**
   * @return the value, or null when the expression does not resolve
   */
  public Object evaluate(String expression) {
    if (expression.startsWith("$request.body")) {
      return at(call.body(), expression.substring("$request.body".length()));
    }
    if (expression.startsWith("$response.body")) {
      return at(replyJson(), expression.substring("$response.body".length()));
    }
    if (expression.startsWith("$request.path.")) {
      return call.pathParams().get(expression.substring("$request.path.".length()));
    }
    if (expression.startsWith("$request.query.")) {
      List<String> values = call.query().get(expression.substring("$request.query.".length()));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
    return expression;
  }

  static Object at(Object json, String fragment) {
    if (json == null) {
      return null;
    }
    String pointer = fragment.startsWith("#") ? fragment.substring(1) : fragment;
    if (pointer.isEmpty() || pointer.equals("/")) {
      return json;
    }
    try {
      return JsonPointer.from(pointer).queryJson(json);
    } catch (RuntimeException notThere) {
      return null;
    }
  }

  /** Fills a template of expressions: every string value that is an expression is replaced by its value. */
  public Object fill(Object template) {
    if (template instanceof String text && text.startsWith("$")) {
      return evaluate(text);
    }
    if (template instanceof JsonObject object) {
      Map<String, Object> filled = new LinkedHashMap<>();
      object.forEach(entry -> filled.put(entry.getKey(), fill(entry.getValue())));
      return new JsonObject(filled);
    }
    return template;
  }
}
