package dev.tracepost.server.galtea;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.galtea.api.SessionsApi;
import dev.tracepost.galtea.model.Session;
import dev.tracepost.galtea.model.SessionCreate;
import dev.tracepost.server.auth.Tenant;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Galtea sessions. */
final class SessionHandlers implements SessionsApi {

  private final GalteaStore store;

  SessionHandlers(GalteaStore store) {
    this.store = store;
  }

  @Override
  public Future<ApiReply<Session>> createSession(SessionCreate body, RoutingContext context) {
    return store.createSession(Tenant.of(context).id(), body).map(row -> ApiReply.created(GalteaModels.session(row)));
  }

  @Override
  public Future<ApiReply<Session>> getSession(String id, RoutingContext context) {
    return store.session(Tenant.of(context).id(), id).map(row -> ApiReply.ok(GalteaModels.session(row)));
  }
}
