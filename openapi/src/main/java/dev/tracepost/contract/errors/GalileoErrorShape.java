package dev.tracepost.contract.errors;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Galileo answers as FastAPI does: 422 {@code {"detail": [{"loc", "msg", "type"}]}} for a request that
 * breaks the contract, {@code {"detail": "..."}} for everything else.
 */
public final class GalileoErrorShape implements ErrorShape {

  @Override
  public int validationStatus() {
    return 422;
  }

  @Override
  public JsonObject validationBody(List<Violation> violations) {
    JsonArray detail = new JsonArray();
    for (Violation violation : violations) {
      JsonArray loc = new JsonArray().add(violation.in());
      violation.path().forEach(loc::add);
      detail.add(new JsonObject().put("loc", loc).put("msg", violation.message()).put("type", violation.rule()));
    }
    return new JsonObject().put("detail", detail);
  }

  @Override
  public JsonObject errorBody(int status, String kind, String message) {
    return new JsonObject().put("detail", message);
  }
}
