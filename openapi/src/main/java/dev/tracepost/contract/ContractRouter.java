package dev.tracepost.contract;

import dev.tracepost.contract.errors.ErrorReplies;
import dev.tracepost.contract.security.CredentialCheck;
import dev.tracepost.contract.security.SecurityBinding;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds the Router that enforces one vendor's contract (or one for each of its operations): body limits,
 * the spec's security schemes, the admission of bodies ({@link BodyAdmission}), request validation
 * ({@link RequestValidation}, NULs included), the handlers the caller mounts, and the vendor's error
 * replies. The server and the mock both build their routers here, so both validate and answer errors the
 * same way.
 */
public final class ContractRouter {

  private ContractRouter() {
  }

  /** Loads the vendor's spec from the class path. */
  public static Future<OpenAPIContract> contract(Vertx vertx, Vendor vendor) {
    return OpenAPIContract.from(vertx, vendor.specResource());
  }

  /**
   * @param mount mounts the handlers, e.g. {@code builder -> TracesApiHandler.mount(builder, traces)}
   */
  public static Router build(Vertx vertx, SpecDocument spec, BodyLimits limits, CredentialCheck credentials,
                             Consumer<RouterBuilder> mount) {
    return build(vertx, spec, limits, credentials, null, mount);
  }

  /**
   * @param observer sees every request first, matched or not, before its body is read (null for none)
   */
  public static Router build(Vertx vertx, SpecDocument spec, BodyLimits limits, CredentialCheck credentials,
                             Handler<RoutingContext> observer, Consumer<RouterBuilder> mount) {
    return new Assembly(vertx, spec, limits, credentials, observer, mount).router();
  }

  /**
   * The same router once for each operation, for a caller that already knows which operation a request is
   * for (the mock looks it up in the spec first): each is the contract's router with every other
   * operation's route disabled, made when its operation is first asked for. Vert.x tries the routes in
   * turn, each templated path's regular expression before the method, so a Galileo ingest went through a
   * dozen failing matches first (5 % of the mock's CPU under its Galileo load); a disabled route is passed
   * without one.
   */
  public static Function<String, Router> perOperation(Vertx vertx, SpecDocument spec, BodyLimits limits,
                                                      CredentialCheck credentials, Handler<RoutingContext> observer,
                                                      Consumer<RouterBuilder> mount) {
    Assembly assembly = new Assembly(vertx, spec, limits, credentials, observer, mount);
    Map<String, Router> routers = new ConcurrentHashMap<>();
    return operationId -> routers.computeIfAbsent(operationId, assembly::routerOf);
  }

  /** A router builder with the contract's handlers mounted; each router it makes is a new one. */
  private static final class Assembly {

    private final RouterBuilder builder;
    private final ErrorReplies replies;

    Assembly(Vertx vertx, SpecDocument spec, BodyLimits limits, CredentialCheck credentials, Handler<RoutingContext> observer,
             Consumer<RouterBuilder> mount) {
      OpenAPIContract contract = spec.contract();
      builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
      if (observer != null) {
        builder.rootHandler(observer);
      }
      // A body is read into a buffer of the size its Content-Length declares (Vert.x caps that at 64 KiB), not
      // into one that starts at 1 KiB and is copied into one twice the size as it fills: a Galileo batch of
      // 5 KB was copied three times, a tenth of what the mock allocated per request.
      builder.rootHandler(BodyHandler.create(false).setBodyLimit(limits.maxBytes()).setPreallocateBodyBuffer(true));
      SecurityBinding.bind(builder, contract, credentials);
      BodyAdmission admission = new BodyAdmission(limits.bytesInFlight());
      builder.getRoutes().forEach(route -> route.setDoValidation(false).addHandler(admission)
          .addHandler(new RequestValidation(vertx, contract, route.getOperation(), spec.bodies())));
      replies = new ErrorReplies(spec.vendor().errorShape(), contract.getRawContract());
      builder.getRoutes().forEach(route -> route.addFailureHandler(context -> replies.handle(context, route.getOperation())));
      mount.accept(builder);
    }

    Router router() {
      Router router = builder.createRouter();
      router.route().failureHandler(context -> replies.handle(context, null));
      // Vert.x refuses a path it cannot decode (a malformed %-escape) before any route: answer in the vendor's shape.
      router.errorHandler(400, replies::undecodablePath);
      return router;
    }

    Router routerOf(String operationId) {
      Router router = router();
      for (Route route : router.getRoutes()) {
        if (route.getMetadata(RouterBuilder.KEY_META_DATA_OPERATION) instanceof Operation operation
            && !operation.getOperationId().equals(operationId)) {
          route.disable();
        }
      }
      return router;
    }
  }
}
