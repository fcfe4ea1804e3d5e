package dev.tracepost.server.galtea;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.galtea.api.InferenceResultsApi;
import dev.tracepost.galtea.model.InferenceResult;
import dev.tracepost.galtea.model.InferenceResultCreate;
import dev.tracepost.galtea.model.InferenceResultUpdate;
import dev.tracepost.server.auth.Tenant;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.UUID;

/** Galtea inference results: one model turn of a session, which traces hang off. */
final class InferenceResultHandlers implements InferenceResultsApi {

  private final GalteaStore store;

  InferenceResultHandlers(GalteaStore store) {
    this.store = store;
  }

  @Override
  public Future<ApiReply<InferenceResult>> createInferenceResult(InferenceResultCreate body, RoutingContext context) {
    UUID tenant = Tenant.of(context).id();
    Future<String> session = body.getSessionId() != null
        ? store.session(tenant, body.getSessionId()).map(row -> row.getString("session_id"))
        : store.sessionIdByCustomId(tenant, body.getSessionCustomId());
    return session.compose(id -> store.createInferenceResult(tenant, id, body))
        .map(row -> ApiReply.created(GalteaModels.inferenceResult(row)));
  }

  @Override
  public Future<ApiReply<InferenceResult>> getInferenceResult(String id, RoutingContext context) {
    return store.inferenceResult(Tenant.of(context).id(), id).map(row -> ApiReply.ok(GalteaModels.inferenceResult(row)));
  }

  @Override
  public Future<ApiReply<InferenceResult>> updateInferenceResult(String id, InferenceResultUpdate body, RoutingContext context) {
    return store.updateInferenceResult(Tenant.of(context).id(), id, body).map(row -> ApiReply.ok(GalteaModels.inferenceResult(row)));
  }
}
