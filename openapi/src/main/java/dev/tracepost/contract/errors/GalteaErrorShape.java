package dev.tracepost.contract.errors;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Galtea answers {@code {"error", "message"}} for every status; for a request that breaks the contract
 * (400) Tracepost adds {@code details}, one entry per violation, so the client sees every problem.
 */
public final class GalteaErrorShape implements ErrorShape {

  @Override
  public int validationStatus() {
    return 400;
  }

  @Override
  public JsonObject validationBody(List<Violation> violations) {
    JsonArray details = new JsonArray();
    violations.forEach(violation -> details.add(
        new JsonObject().put("pointer", violation.pointer()).put("message", violation.message())));
    String summary = violations.stream()
        .map(violation -> violation.pointer() + ": " + violation.message())
        .collect(Collectors.joining("; "));
    String count = violations.size() == 1 ? "1 problem" : violations.size() + " problems";
    return new JsonObject()
        .put("error", "ValidationError")
        .put("message", "The request has " + count + ": " + summary)
        .put("details", details);
  }

  @Override
  public JsonObject errorBody(int status, String kind, String message) {
    return new JsonObject().put("error", kind).put("message", message);
  }
}
