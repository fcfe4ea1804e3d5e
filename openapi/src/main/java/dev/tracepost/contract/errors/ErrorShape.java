package dev.tracepost.contract.errors;

import io.vertx.core.json.JsonObject;

import java.util.List;

/** How one vendor words its errors: the status and body of a validation failure, and of any other error. */
public interface ErrorShape {

  /** The status of a request that breaks the contract (Galileo 422, Galtea 400). */
  int validationStatus();

  JsonObject validationBody(List<Violation> violations);

  /**
   * @param kind a short name of the error ({@code NotFound}, {@code Unauthorized}, ...)
   */
  JsonObject errorBody(int status, String kind, String message);
}
