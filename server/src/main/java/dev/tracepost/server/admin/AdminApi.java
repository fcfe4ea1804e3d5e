package dev.tracepost.server.admin;

import dev.tracepost.server.auth.ApiKeys;
import dev.tracepost.server.auth.KnownKeys;
import dev.tracepost.server.auth.Tenant;
import dev.tracepost.server.auth.TenantStore;
import dev.tracepost.contract.errors.ApiException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Tenants and keys, for operators: on only when {@code TRACEPOST_ADMIN_TOKEN} is set, and only for
 * {@code Authorization: Bearer <admin token>}. Errors answer {@code {"error", "message"}}.
 */
public final class AdminApi {

  private final TenantStore tenants;
  private final KnownKeys knownKeys;
  private final byte[] adminToken;

  private AdminApi(TenantStore tenants, KnownKeys knownKeys, String adminToken) {
    this.tenants = tenants;
    this.knownKeys = knownKeys;
    this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
  }

  /** Adds the admin routes, under {@code /admin}, to the router. */
  public static void mount(Router router, TenantStore tenants, KnownKeys knownKeys, String adminToken) {
    AdminApi api = new AdminApi(tenants, knownKeys, adminToken);
    router.route("/admin/*").handler(BodyHandler.create(false).setBodyLimit(64 * 1024)).handler(api::authorize);
    router.post("/admin/tenants").handler(api::createTenant);
    router.post("/admin/tenants/:name/keys").handler(api::createKey);
    router.delete("/admin/keys/:keyPrefix").handler(api::deleteKey);
    router.route("/admin/*").failureHandler(AdminApi::failure);
  }

  private void authorize(RoutingContext context) {
    String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
    byte[] given = header != null && header.startsWith("Bearer ")
        ? header.substring(7).getBytes(StandardCharsets.UTF_8) : new byte[0];
    if (MessageDigest.isEqual(given, adminToken)) {
      context.next();
    } else {
      context.fail(ApiException.unauthorized("Send the admin token as Authorization: Bearer <token>"));
    }
  }

  private void createTenant(RoutingContext context) {
    String name;
    try {
      name = context.body().asJsonObject() == null ? null : context.body().asJsonObject().getString("name");
    } catch (DecodeException | ClassCastException e) {
      name = null;
    }
    if (name == null || name.isBlank()) {
      context.fail(ApiException.badRequest("The body must be {\"name\": \"<tenant name>\"}"));
      return;
    }
    String key = ApiKeys.generate();
    String tenantName = name;
    reply(context, 201, tenants.create(tenantName)
        .compose(tenant -> tenants.addKey(tenant, key))
        .map(done -> new JsonObject().put("tenant", tenantName).put("apiKey", key)));
  }

  private void createKey(RoutingContext context) {
    String name = context.pathParam("name");
    String key = ApiKeys.generate();
    reply(context, 201, tenants.byName(name)
        .compose(tenant -> tenant.map(Future::succeededFuture)
            .orElseGet(() -> Future.<Tenant>failedFuture(ApiException.notFound("Tenant " + name + " not found"))))
        .compose(tenant -> tenants.addKey(tenant, key))
        .map(done -> new JsonObject().put("apiKey", key)));
  }

  private void deleteKey(RoutingContext context) {
    String prefix = context.pathParam("keyPrefix");
    tenants.deleteKey(prefix).onComplete(done -> {
      if (done.failed()) {
        context.fail(done.cause());
      } else if (done.result() == 0) {
        context.fail(ApiException.notFound("No key starts with " + prefix));
      } else {
        knownKeys.forget(prefix);
        context.response().setStatusCode(204).end();
      }
    });
  }

  private static void reply(RoutingContext context, int status, Future<JsonObject> body) {
    body.onSuccess(json -> context.response().setStatusCode(status)
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(json.toBuffer()))
        .onFailure(context::fail);
  }

  private static void failure(RoutingContext context) {
    int status = context.failure() instanceof ApiException api ? api.status() : context.statusCode() > 0 ? context.statusCode() : 500;
    String kind = context.failure() instanceof ApiException api ? api.kind() : "Error";
    String message = context.failure() instanceof ApiException api ? api.getMessage() : "The request failed";
    context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(new JsonObject().put("error", kind).put("message", message).toBuffer());
  }
}
