package dev.tracepost.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepost.contract.errors.ErrorReplies;
import dev.tracepost.contract.errors.Violation;
import dev.tracepost.contract.security.CredentialCheck;
import dev.tracepost.contract.security.SecurityBinding;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Builds the Router that enforces one vendor's contract: body limit, the spec's security schemes, request
 * validation, the NUL guard, the handlers the caller mounts, and the vendor's error replies. The server
 * and the mock both build their routers here, so both validate and answer errors the same way.
 */
public final class ContractRouter {

  /** The default limit on a request body: 32 MiB. */
  public static final long DEFAULT_BODY_LIMIT = 32L * 1024 * 1024;

  private ContractRouter() {
  }

  /** Loads the vendor's spec from the class path. */
  public static Future<OpenAPIContract> contract(Vertx vertx, Vendor vendor) {
    return OpenAPIContract.from(vertx, vendor.specResource());
  }

  /**
   * @param mount mounts the handlers, e.g. {@code builder -> TracesApiHandler.mount(builder, traces)}
   */
  public static Router build(Vertx vertx, SpecDocument spec, long bodyLimit, CredentialCheck credentials,
                             Consumer<RouterBuilder> mount) {
    return build(vertx, spec, bodyLimit, credentials, null, mount);
  }

  /**
   * @param observer sees every request first, matched or not, before its body is read (null for none)
   */
  public static Router build(Vertx vertx, SpecDocument spec, long bodyLimit, CredentialCheck credentials,
                             Handler<RoutingContext> observer, Consumer<RouterBuilder> mount) {
    OpenAPIContract contract = spec.routing();
    RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
    if (observer != null) {
      builder.rootHandler(observer);
    }
    builder.rootHandler(BodyHandler.create(false).setBodyLimit(bodyLimit));
    SecurityBinding.bind(builder, contract, credentials);
    BodyValidator bodies = spec.bodies();
    builder.getRoutes().forEach(route -> route.addHandler(context -> checkBody(vertx, bodies, route.getOperation().getOperationId(), context)));
    builder.getRoutes().forEach(route -> route.addHandler(NulCharacterGuard::handle));
    ErrorReplies replies = new ErrorReplies(spec.vendor().errorShape(), contract.getRawContract());
    builder.getRoutes().forEach(route -> route.addFailureHandler(context -> replies.handle(context, route.getOperation())));
    mount.accept(builder);
    Router router = builder.createRouter();
    router.route().failureHandler(context -> replies.handle(context, null));
    return router;
  }

  /** Bodies up to this size are checked on the event loop; larger ones on a worker, so as not to hold it. */
  private static final int INLINE_BODY_BYTES = 256 * 1024;

  private static void checkBody(Vertx vertx, BodyValidator bodies, String operationId, RoutingContext context) {
    if (!bodies.checks(operationId) || context.body() == null || context.body().length() == 0) {
      context.next();
      return;
    }
    byte[] bytes = context.body().buffer().getBytes();
    Callable<Checked> check = () -> check(bodies, operationId, bytes);
    Future<Checked> checked;
    if (bytes.length <= INLINE_BODY_BYTES) {
      try {
        checked = Future.succeededFuture(check.call());
      } catch (Exception e) {
        checked = Future.failedFuture(e);
      }
    } else {
      checked = vertx.executeBlocking(check, false);
    }
    checked.onComplete(done -> {
      if (done.failed()) {
        context.fail(done.cause());
      } else if (!done.result().violations().isEmpty()) {
        context.fail(new ErrorReplies.InvalidRequest(done.result().violations()));
      } else {
        context.put(BodyValidator.PARSED, done.result().parsed());
        context.next();
      }
    });
  }

  /** Depth first, so that a hostile body is refused before a parser or validator recurses through it. */
  private static Checked check(BodyValidator bodies, String operationId, byte[] bytes) throws IOException {
    if (JsonDepth.of(bytes) > JsonDepth.MAX) {
      return new Checked(null, List.of(new Violation("body", List.of(), "too_deep",
          "The body nests more than " + JsonDepth.MAX + " levels deep")));
    }
    JsonNode parsed = Json.mapper().readTree(bytes);
    return new Checked(parsed, bodies.validate(operationId, parsed));
  }

  private record Checked(JsonNode parsed, List<Violation> violations) {
  }
}
