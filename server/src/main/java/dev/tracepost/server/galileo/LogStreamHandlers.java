package dev.tracepost.server.galileo;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.galileo.api.LogStreamsApi;
import dev.tracepost.galileo.model.LogStream;
import dev.tracepost.galileo.model.LogStreamPage;
import dev.tracepost.galileo.model.NamedCreateRequest;
import dev.tracepost.server.auth.Tenant;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.UUID;

/** Log streams of a project. */
final class LogStreamHandlers implements LogStreamsApi {

  private static final int ALL = 100_000;

  private final GalileoStore store;

  LogStreamHandlers(GalileoStore store) {
    this.store = store;
  }

  @Override
  public Future<ApiReply<List<LogStream>>> listLogStreams(String projectId, String repeatedProjectId, Boolean includeCounts,
                                                          RoutingContext context) {
    Tenant tenant = Tenant.of(context);
    UUID project = UUID.fromString(projectId);
    return store.project(tenant.id(), project)
        .compose(found -> store.runs(tenant.id(), project, RunKind.LOG_STREAM, Boolean.TRUE.equals(includeCounts), 0, ALL))
        .map(rows -> ApiReply.ok(rows.stream().map(row -> GalileoModels.logStream(row, tenant)).toList()));
  }

  @Override
  public Future<ApiReply<LogStream>> createLogStream(String projectId, NamedCreateRequest body, String repeatedProjectId,
                                                     RoutingContext context) {
    Tenant tenant = Tenant.of(context);
    UUID project = UUID.fromString(projectId);
    return store.project(tenant.id(), project)
        .compose(found -> store.createRun(tenant.id(), project, RunKind.LOG_STREAM, body.getName()))
        .map(row -> ApiReply.ok(GalileoModels.logStream(row, tenant)));
  }

  @Override
  public Future<ApiReply<LogStreamPage>> listLogStreamsPaginated(String projectId, Boolean includeCounts, Integer startingToken,
                                                                 Integer limit, RoutingContext context) {
    Tenant tenant = Tenant.of(context);
    UUID project = UUID.fromString(projectId);
    return store.project(tenant.id(), project)
        .compose(found -> store.runs(tenant.id(), project, RunKind.LOG_STREAM, Boolean.TRUE.equals(includeCounts), startingToken, limit + 1))
        .map(rows -> {
          boolean more = rows.size() > limit;
          List<LogStream> page = rows.stream().limit(limit).map(row -> GalileoModels.logStream(row, tenant)).toList();
          return ApiReply.ok(new LogStreamPage().startingToken(startingToken).limit(limit).paginated(more)
              .nextStartingToken(more ? startingToken + limit : null).logStreams(page));
        });
  }

  @Override
  public Future<ApiReply<LogStream>> getLogStream(String projectId, String logStreamId, RoutingContext context) {
    Tenant tenant = Tenant.of(context);
    return store.run(tenant.id(), UUID.fromString(projectId), RunKind.LOG_STREAM, UUID.fromString(logStreamId))
        .map(row -> ApiReply.ok(GalileoModels.logStream(row, tenant)));
  }
}
