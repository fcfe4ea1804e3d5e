package dev.tracepost.contract;

import dev.tracepost.contract.errors.ErrorReplies.InvalidRequest;
import dev.tracepost.contract.errors.Violation;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rejects a body holding the NUL character ({@code \u0000}) anywhere, in a value or a key, with a
 * violation at each place. PostgreSQL can store NUL in neither text nor jsonb, and quietly changing the
 * text would break "what you read is what you sent", so the contract forbids it. In JSON a NUL can only
 * arrive escaped, so one pass over the raw bytes settles nearly every request; the tree is walked only
 * to say where the NULs are.
 */
public final class NulCharacterGuard {

  private NulCharacterGuard() {
  }

  public static void handle(RoutingContext context) {
    Buffer body = context.body() == null ? null : context.body().buffer();
    if (body == null || !containsEscapedNul(BodyBytes.of(body))) {
      context.next();
      return;
    }
    List<Violation> violations = new ArrayList<>();
    walk(io.vertx.core.json.Json.decodeValue(body), new ArrayList<>(), violations);
    if (violations.isEmpty()) {
      context.next();
    } else {
      context.fail(new InvalidRequest(violations));
    }
  }

  static boolean containsEscapedNul(BodyBytes body) {
    for (int i = 0; i + 5 < body.length(); i++) {
      if (body.at(i) == '\\' && body.at(i + 1) == 'u' && body.at(i + 2) == '0' && body.at(i + 3) == '0'
          && body.at(i + 4) == '0' && body.at(i + 5) == '0' && backslashesBefore(body, i) % 2 == 0) {
        return true;
      }
    }
    return false;
  }

  private static int backslashesBefore(BodyBytes body, int index) {
    int count = 0;
    for (int i = index - 1; i >= 0 && body.at(i) == '\\'; i--) {
      count++;
    }
    return count;
  }

  private static void walk(Object value, List<Object> path, List<Violation> into) {
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, Object> entry : object) {
        path.add(entry.getKey());
        if (entry.getKey().indexOf('\0') >= 0) {
          into.add(new Violation("body", path, "string_nul", "Keys may not contain the NUL character (\\u0000)"));
        }
        walk(entry.getValue(), path, into);
        path.remove(path.size() - 1);
      }
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        path.add(i);
        walk(array.getValue(i), path, into);
        path.remove(path.size() - 1);
      }
    } else if (value instanceof String text && text.indexOf('\0') >= 0) {
      into.add(new Violation("body", path, "string_nul", "Text may not contain the NUL character (\\u0000)"));
    }
  }
}
