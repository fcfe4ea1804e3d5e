package dev.tracepost.server.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.RoutingContext;

import java.util.UUID;

/** Who a request acts for. Everything stored belongs to exactly one tenant. */
public record Tenant(UUID id, String name) {

  static User asUser(Tenant tenant) {
    return User.create(new JsonObject().put("tenant_id", tenant.id().toString()).put("tenant_name", tenant.name()));
  }

  /** The tenant the request authenticated as (every operation but health and login requires one). */
  public static Tenant of(RoutingContext context) {
    JsonObject principal = context.user().principal();
    return new Tenant(UUID.fromString(principal.getString("tenant_id")), principal.getString("tenant_name"));
  }
}
