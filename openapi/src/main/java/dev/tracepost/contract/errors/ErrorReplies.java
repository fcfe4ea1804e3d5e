package dev.tracepost.contract.errors;

import io.vertx.core.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import dev.tracepost.contract.security.CredentialResolver;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ValidatorException;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where a failed request becomes a reply in the vendor's error shape: validation
 * failures with every violation, handler errors with their status, framework errors (401, 404, 405,
 * 413) with a sentence instead of Vert.x's bare text. Only a genuine bug answers 500, and it is logged.
 */
public final class ErrorReplies {

  private static final Logger LOG = Logger.getLogger(ErrorReplies.class.getName());

  /** Where the violations of a rejected request are left, for whoever watches requests (the mock's journal). */
  public static final String VIOLATIONS = "tracepost.violations";

  private final ErrorShape shape;
  private final Violations violations;

  /**
   * @param contract the resolved contract requests are validated against
   */
  public ErrorReplies(ErrorShape shape, JsonObject contract) {
    this.shape = shape;
    this.violations = new Violations(contract);
  }

  public ErrorShape shape() {
    return shape;
  }

  /**
   * @param operation the operation whose route failed, or null when the failure came before routing
   */
  public void handle(RoutingContext context, Operation operation) {
    if (context.response().headWritten()) {
      context.response().reset();
      return;
    }
    Throwable failure = context.failure();
    Throwable cause = failure instanceof HttpException && failure.getCause() != null ? failure.getCause() : failure;
    ApiException unavailable = context.get(CredentialResolver.UNAVAILABLE);
    if (unavailable != null && (cause instanceof ApiException || statusOf(context, failure) == 401)) {
      reply(context, unavailable.status(), shape.errorBody(unavailable.status(), unavailable.kind(), unavailable.getMessage()));
    } else if (cause instanceof ValidatorException invalid) {
      rejected(context, violations.of(invalid, bodySchema(operation)));
    } else if (cause instanceof ApiException api) {
      reply(context, api.status(), shape.errorBody(api.status(), api.kind(), api.getMessage()));
    } else if (cause instanceof InvalidRequest invalid) {
      rejected(context, invalid.violations());
    } else {
      frameworkError(context, statusOf(context, failure), failure);
    }
  }

  private void rejected(RoutingContext context, List<Violation> found) {
    context.put(VIOLATIONS, found);
    reply(context, shape.validationStatus(), shape.validationBody(found));
  }

  private static int statusOf(RoutingContext context, Throwable failure) {
    return failure instanceof HttpException http ? http.getStatusCode() : context.statusCode();
  }

  /** For a request refused before routing because its path could not be decoded (a malformed %-escape). */
  public void undecodablePath(RoutingContext context) {
    reply(context, 400, shape.errorBody(400, "BadRequest", "The request's path could not be decoded: " + context.request().path()));
  }

  private void frameworkError(RoutingContext context, int status, Throwable failure) {
    switch (status) {
      case 401 -> reply(context, 401, shape.errorBody(401, "Unauthorized",
          hasCredentials(context) ? "Invalid credentials" : "Not authenticated"));
      case 404 -> reply(context, 404, shape.errorBody(404, "NotFound",
          "No operation at " + context.request().method() + " " + context.request().path()));
      case 405 -> reply(context, 405, shape.errorBody(405, "MethodNotAllowed",
          context.request().method() + " is not allowed on " + context.request().path()));
      case 413 -> reply(context, 413, shape.errorBody(413, "PayloadTooLarge", "The request body is over the size limit"));
      default -> {
        if (status >= 400 && status < 500) {
          String phrase = HttpResponseStatus.valueOf(status).reasonPhrase();
          reply(context, status, shape.errorBody(status, phrase.replace(" ", ""), phrase));
        } else {
          LOG.log(Level.SEVERE, "Unexpected failure on " + context.request().method() + " " + context.request().path(), failure);
          reply(context, 500, shape.errorBody(500, "InternalError", "The server failed to answer this request"));
        }
      }
    }
  }

  private static JsonObject bodySchema(Operation operation) {
    if (operation == null || operation.getRequestBody() == null) {
      return null;
    }
    MediaType json = operation.getRequestBody().getContent().get("application/json");
    return json == null ? null : json.getOpenAPIModel().getJsonObject("schema");
  }

  private static boolean hasCredentials(RoutingContext context) {
    return context.request().headers().names().stream().anyMatch(name ->
        name.equalsIgnoreCase("Authorization") || name.toLowerCase().endsWith("api-key"));
  }

  private static void reply(RoutingContext context, int status, JsonObject body) {
    context.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(body.toBuffer());
  }

  /** A failure carrying violations found outside the schema validator (e.g. a NUL character). */
  public static final class InvalidRequest extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidRequest(List<Violation> violations) {
      super(violations.size() + " violation(s)", null, false, false);
      this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
      return violations;
    }
  }
}
