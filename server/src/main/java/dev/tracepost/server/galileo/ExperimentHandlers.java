package dev.tracepost.server.galileo;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.galileo.api.ExperimentsApi;
import dev.tracepost.galileo.model.Experiment;
import dev.tracepost.galileo.model.NamedCreateRequest;
import dev.tracepost.server.auth.Tenant;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.UUID;

/** Experiments of a project: the other destination of a batch of traces. */
final class ExperimentHandlers implements ExperimentsApi {

  private final GalileoStore store;

  ExperimentHandlers(GalileoStore store) {
    this.store = store;
  }

  @Override
  public Future<ApiReply<List<Experiment>>> listExperiments(String projectId, RoutingContext context) {
    Tenant tenant = Tenant.of(context);
    UUID project = UUID.fromString(projectId);
    return store.project(tenant.id(), project)
        .compose(found -> store.runs(tenant.id(), project, RunKind.EXPERIMENT, false, 0, 100_000))
        .map(rows -> ApiReply.ok(rows.stream().map(row -> GalileoModels.experiment(row, tenant)).toList()));
  }

  @Override
  public Future<ApiReply<Experiment>> createExperiment(String projectId, NamedCreateRequest body, RoutingContext context) {
    Tenant tenant = Tenant.of(context);
    UUID project = UUID.fromString(projectId);
    return store.project(tenant.id(), project)
        .compose(found -> store.createRun(tenant.id(), project, RunKind.EXPERIMENT, body.getName()))
        .map(row -> ApiReply.ok(GalileoModels.experiment(row, tenant)));
  }
}
