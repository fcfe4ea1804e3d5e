package dev.tracepost.checks.engine;

import dev.tracepost.contract.errors.Violation;
import dev.tracepost.contract.errors.Violations;
import io.vertx.core.Vertx;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import io.vertx.openapi.validation.ValidatorException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Holds a reply to the spec: a status the operation documents, and a body valid under that status's schema. */
public final class Judge {

  private final Spec spec;
  private final ResponseValidator validator;
  private final Violations violations;

  public Judge(Vertx vertx, Spec spec) {
    this.spec = spec;
    this.validator = ResponseValidator.create(vertx, spec.contract());
    this.violations = new Violations(spec.contract().getRawContract());
  }

  /** A documented 2xx with a valid body. */
  public List<Problem> success(Exchange exchange) {
    List<Problem> problems = new ArrayList<>(documented(exchange));
    if (problems.isEmpty() && (exchange.status() < 200 || exchange.status() >= 300)) {
      problems.add(new Problem("a 2xx reply to a valid request", null, "the reply was " + exchange.status() + ": " + excerpt(exchange)));
    }
    return problems;
  }

  /** A documented reply with one of the given statuses (a 4xx) and a valid body. */
  public List<Problem> rejection(Exchange exchange, Set<Integer> allowed) {
    List<Problem> problems = new ArrayList<>(documented(exchange));
    if (problems.isEmpty() && !allowed.contains(exchange.status())) {
      problems.add(new Problem("a " + new java.util.TreeSet<>(allowed) + " reply to an invalid request", null,
          "the reply was " + exchange.status() + ": " + excerpt(exchange)));
    }
    return problems;
  }

  /** The status is one the operation documents, not a 5xx, and the reply is valid under the status's schema. */
  public List<Problem> documented(Exchange exchange) {
    Operation operation = exchange.call().operation();
    int status = exchange.status();
    if (status == 0) {
      return List.of(new Problem("a reply", null, "no reply: " + exchange.replyHeaders().get("x-tracepost-error")));
    }
    if (status >= 500) {
      return List.of(new Problem("no 5xx", null, "the reply was " + status + ": " + excerpt(exchange)));
    }
    if (operation.getResponse(status) == null) {
      return List.of(new Problem("a documented status", null, operation.getOperationId() + " documents "
          + spec.written(operation).getJsonObject("responses").fieldNames() + ", not " + status + ": " + excerpt(exchange)));
    }
    try {
      validator.validate(ValidatableResponse.create(status, exchange.replyHeaders(), exchange.replyBody(),
          exchange.replyHeaders().getOrDefault("Content-Type", exchange.replyHeaders().get("content-type"))),
          operation.getOperationId()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      return List.of();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ValidatorException invalid) {
        List<Problem> problems = new ArrayList<>();
        for (Violation violation : violations.of(invalid, null)) {
          problems.add(new Problem("the documented schema of " + status, violation.pointer(), violation.message()));
        }
        return problems;
      }
      return List.of(new Problem("the documented schema of " + status, null, String.valueOf(e.getCause())));
    } catch (Exception e) {
      return List.of(new Problem("the documented schema of " + status, null, String.valueOf(e)));
    }
  }

  static String excerpt(Exchange exchange) {
    String body = exchange.replyBody() == null ? "" : exchange.replyBody().toString();
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }

  static final Set<Integer> VALIDATION = Set.of(400, 422);
  static final Set<Integer> UNAUTHORIZED = Set.of(401);
}
