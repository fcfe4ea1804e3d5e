package dev.tracepost.checks.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Operation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows the links the spec declares on a successful reply (read it back, list it, count it, see it
 * gone) and holds the linked reply to the link's {@code x-tracepost-expect}.
 */
final class Links {

  /** A followed link: its name, the call made, and the problems found. */
  record Followed(String name, Exchange exchange, List<Problem> problems) {
  }

  private final Spec spec;
  private final Requests requests;
  private final Target target;
  private final Judge judge;

  Links(Spec spec, Requests requests, Target target, Judge judge) {
    this.spec = spec;
    this.requests = requests;
    this.target = target;
    this.judge = judge;
  }

  /** Every link of the reply whose expressions all resolve. */
  List<Followed> follow(Exchange source) {
    List<Followed> followed = new ArrayList<>();
    JsonObject links = spec.links(source.call().operation(), source.status());
    for (String name : links.fieldNames()) {
      JsonObject link = links.getJsonObject(name);
      Operation target = spec.contract().operation(link.getString("operationId"));
      Map<String, Object> parameters = new HashMap<>();
      boolean resolved = target != null;
      for (Map.Entry<String, Object> parameter : link.getJsonObject("parameters", new JsonObject())) {
        Object value = source.evaluate(String.valueOf(parameter.getValue()));
        resolved &= value != null;
        parameters.put(parameter.getKey(), value);
      }
      Object body = link.containsKey("x-tracepost-body") ? source.fill(link.getJsonObject("x-tracepost-body")) : null;
      if (body instanceof JsonObject object && object.stream().anyMatch(entry -> entry.getValue() == null)) {
        resolved = false;
      }
      for (Object item : link.getJsonArray("x-tracepost-expect", new JsonArray())) {
        for (Object rule : ((JsonObject) item)) {
          Object expected = ((Map.Entry<?, ?>) rule).getValue() instanceof JsonObject check ? check.getValue("expected") : null;
          resolved &= !(expected instanceof String expression) || source.evaluate(expression) != null;
        }
      }
      if (resolved) {
        Exchange exchange = this.target.send(requests.build(target, body, parameters, true));
        followed.add(new Followed(name, exchange, expectations(link, source, exchange)));
      }
    }
    return followed;
  }

  private List<Problem> expectations(JsonObject link, Exchange source, Exchange linked) {
    List<Problem> problems = new ArrayList<>(judge.documented(linked));
    Object reply = linked.replyJson();
    for (Object item : link.getJsonArray("x-tracepost-expect", new JsonArray())) {
      JsonObject expect = (JsonObject) item;
      if (expect.containsKey("status") && linked.status() != expect.getInteger("status")) {
        problems.add(new Problem("the linked reply's status", null, "expected " + expect.getInteger("status") + ", got "
            + linked.status() + ": " + Judge.excerpt(linked)));
        return problems;
      }
      if (expect.containsKey("matches")) {
        JsonObject matches = expect.getJsonObject("matches");
        Object expected = source.evaluate(matches.getString("expected"));
        Object actual = Exchange.at(reply, matches.getString("actual"));
        Set<String> ignore = Set.copyOf(matches.getJsonArray("ignore", new JsonArray()).stream().map(String::valueOf).toList());
        String difference = difference(expected, actual, matches.getString("actual"), ignore);
        if (difference != null) {
          problems.add(new Problem("what was sent reads back the same", difference.split(" ")[0], difference));
        }
      }
      if (expect.containsKey("includes")) {
        JsonObject includes = expect.getJsonObject("includes");
        Object expected = source.evaluate(includes.getString("expected"));
        Object actual = Exchange.at(reply, includes.getString("actual"));
        boolean found = actual instanceof JsonArray array && array.stream()
            .anyMatch(element -> element instanceof JsonObject object && String.valueOf(expected).equals(String.valueOf(object.getValue(includes.getString("field")))));
        if (!found) {
          problems.add(new Problem("the linked list includes what was sent", includes.getString("actual"),
              "no element with " + includes.getString("field") + " = " + expected));
        }
      }
      if (expect.containsKey("atLeast")) {
        JsonObject atLeast = expect.getJsonObject("atLeast");
        Object expected = source.evaluate(atLeast.getString("expected"));
        Object actual = Exchange.at(reply, atLeast.getString("actual"));
        if (!(actual instanceof Number number) || !(expected instanceof Number minimum) || number.doubleValue() < minimum.doubleValue()) {
          problems.add(new Problem("the linked count includes what was sent", atLeast.getString("actual"),
              "expected at least " + expected + ", got " + actual));
        }
      }
    }
    return problems;
  }

  /**
   * Where {@code actual} does not contain {@code expected}, or null. Objects: every key sent is there with
   * its value (a service adds its own fields). Arrays: the items sent come first, in order (spans added
   * later by another call may follow).
   */
  static String difference(Object expected, Object actual, String at, Set<String> ignore) {
    String pointer = at.equals("/") ? "" : at;
    if (expected instanceof JsonObject object) {
      if (!(actual instanceof JsonObject read)) {
        return (pointer.isEmpty() ? "/" : pointer) + " should be an object, is " + actual;
      }
      for (Map.Entry<String, Object> entry : object) {
        if (ignore.contains(entry.getKey())) {
          continue;
        }
        if (!read.containsKey(entry.getKey()) && entry.getValue() != null) {
          return pointer + "/" + entry.getKey() + " is missing (sent " + entry.getValue() + ")";
        }
        String inner = difference(entry.getValue(), read.getValue(entry.getKey()), pointer + "/" + entry.getKey(), Set.of());
        if (inner != null) {
          return inner;
        }
      }
      return null;
    }
    if (expected instanceof JsonArray array) {
      if (!(actual instanceof JsonArray read) || read.size() < array.size()) {
        return pointer + " should have the " + array.size() + " items sent, is " + actual;
      }
      for (int i = 0; i < array.size(); i++) {
        String inner = difference(array.getValue(i), read.getValue(i), pointer + "/" + i, Set.of());
        if (inner != null) {
          return inner;
        }
      }
      return null;
    }
    return same(expected, actual) ? null : pointer + " is " + actual + ", sent " + expected;
  }

  private static boolean same(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected instanceof Number sent && actual instanceof Number read) {
      return Double.compare(sent.doubleValue(), read.doubleValue()) == 0;
    }
    if (expected instanceof String sent && actual instanceof String read && !sent.equals(read)) {
      try {
        return OffsetDateTime.parse(sent).toInstant().equals(OffsetDateTime.parse(read).toInstant());
      } catch (RuntimeException notDates) {
        return false;
      }
    }
    return expected.equals(actual);
  }
}
