package dev.tracepost.mock.control;

import dev.tracepost.contract.binding.Replies;
import dev.tracepost.contract.errors.ApiException;
import dev.tracepost.mock.spec.Operations;
import dev.tracepost.mock.spec.SpecAnswers;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.Operation;

import java.util.Random;

/**
 * How the mock answers a valid request to an operation: an expectation a test set wins; then the
 * request's {@code Prefer} header; then the operation's own behaviour (the stateful handlers, when the
 * mock has some for it); and last what the spec documents.
 */
public final class MockAnswers {

  private final Vertx vertx;
  private final Expectations expectations;
  private final SpecAnswers spec;
  private final Random random = new Random();

  public MockAnswers(Vertx vertx, Expectations expectations, SpecAnswers spec) {
    this.vertx = vertx;
    this.expectations = expectations;
    this.spec = spec;
  }

  /** First on every route: an expectation or a {@code Prefer}, else on to the operation's behaviour. */
  public void control(RoutingContext context, Operation operation) {
    Operations.Found found = Operations.found(null, operation);
    Expectation expectation = expectations.take(found.operationId(), found.canonicalId());
    if (expectation != null) {
      if (expectation.delayMs() > 0) {
        vertx.setTimer(expectation.delayMs(), timer -> apply(context, operation, expectation));
      } else {
        apply(context, operation, expectation);
      }
      return;
    }
    Prefer prefer;
    try {
      prefer = Prefer.parse(context.request().getHeader("Prefer"));
    } catch (NumberFormatException e) {
      context.fail(ApiException.badRequest("Prefer: code= needs a number"));
      return;
    }
    if (!prefer.any()) {
      context.next();
      return;
    }
    SpecAnswers.Answer answer = preferred(operation, prefer);
    if (answer == null) {
      context.fail(ApiException.badRequest(operation.getOperationId() + " documents no reply for " + describe(prefer)));
      return;
    }
    Replies.write(context, answer.status(), answer.body());
  }

  /** Last on every route: what the spec documents for success. */
  public void fromSpec(RoutingContext context, Operation operation) {
    SpecAnswers.Answer answer = spec.success(operation);
    Replies.write(context, answer.status(), answer.body());
  }

  private SpecAnswers.Answer preferred(Operation operation, Prefer prefer) {
    if (prefer.example() != null) {
      return spec.byExample(operation, prefer.example());
    }
    int status = prefer.code() != null ? prefer.code() : spec.successStatus(operation);
    return spec.byStatus(operation, status, prefer.dynamic() ? random : null);
  }

  private void apply(RoutingContext context, Operation operation, Expectation expectation) {
    if ("connection_reset".equals(expectation.fault())) {
      context.response().reset();
      return;
    }
    if ("empty_response".equals(expectation.fault())) {
      context.request().connection().close();
      return;
    }
    expectation.headers().forEach(header -> context.response().putHeader(header.getKey(), String.valueOf(header.getValue())));
    Object body = expectation.body();
    if (body == null) {
      SpecAnswers.Answer documented = spec.byStatus(operation, expectation.status(), null);
      body = documented == null ? null : documented.body();
    }
    Replies.write(context, expectation.status(), body);
  }

  private static String describe(Prefer prefer) {
    return prefer.example() != null ? "an example named " + prefer.example() : "status " + prefer.code();
  }
}
