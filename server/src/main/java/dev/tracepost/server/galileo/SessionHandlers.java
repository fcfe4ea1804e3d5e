package dev.tracepost.server.galileo;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.galileo.api.SessionsApi;
import dev.tracepost.galileo.model.SessionCreateRequest;
import dev.tracepost.galileo.model.SessionCreateResponse;
import dev.tracepost.server.auth.Tenant;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.UUID;

/** Sessions: the conversations traces are grouped by. */
final class SessionHandlers implements SessionsApi {

  private final GalileoStore store;

  SessionHandlers(GalileoStore store) {
    this.store = store;
  }

  @Override
  public Future<ApiReply<SessionCreateResponse>> createSession(String projectId, SessionCreateRequest body, RoutingContext context) {
    Tenant tenant = Tenant.of(context);
    UUID project = UUID.fromString(projectId);
    UUID previous = body.getPreviousSessionId() == null ? null : UUID.fromString(body.getPreviousSessionId());
    Map<String, String> metadata = body.getUserMetadata();
    return store.project(tenant.id(), project).compose(projectRow ->
        Destinations.resolve(store, tenant.id(), project, body.getLogStreamId(), body.getExperimentId(), body.getMetricsTestingId())
            .compose(run -> store.createSession(tenant.id(), project, run, body.getName(), body.getExternalId(), previous,
                metadata == null ? null : JsonObject.mapFrom(metadata)))
            .map(id -> ApiReply.ok(new SessionCreateResponse()
                .id(id.toString())
                .name(body.getName())
                .projectId(projectId)
                .projectName(projectRow.getString("name"))
                .previousSessionId(body.getPreviousSessionId())
                .externalId(body.getExternalId()))));
  }
}
