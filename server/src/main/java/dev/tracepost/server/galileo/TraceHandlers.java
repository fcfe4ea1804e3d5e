package dev.tracepost.server.galileo;

import dev.tracepost.contract.galileo.RecordRow;
import dev.tracepost.contract.galileo.RecordTree;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.contract.errors.ApiException;
import dev.tracepost.galileo.api.TracesApi;
import dev.tracepost.galileo.model.LogTracesIngestRequest;
import dev.tracepost.galileo.model.LogTracesIngestResponse;
import dev.tracepost.galileo.model.TraceCountRequest;
import dev.tracepost.galileo.model.TraceCountResponse;
import dev.tracepost.galileo.model.TraceSearchRequest;
import dev.tracepost.galileo.model.TraceSearchResponse;
import dev.tracepost.server.auth.Tenant;
import dev.tracepost.server.db.StoreFailures;
import dev.tracepost.server.ops.RowsWritten;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Logging batches of traces, and reading them back: one trace, a page of a run, a count. */
final class TraceHandlers implements TracesApi {

  private final GalileoStore store;
  private final RowsWritten rowsWritten;

  TraceHandlers(GalileoStore store, RowsWritten rowsWritten) {
    this.store = store;
    this.rowsWritten = rowsWritten;
  }

  @Override
  public Future<ApiReply<LogTracesIngestResponse>> logTraces(String projectId, LogTracesIngestRequest body, RoutingContext context) {
    Tenant tenant = Tenant.of(context);
    UUID project = UUID.fromString(projectId);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return store.project(tenant.id(), project).compose(projectRow ->
        Destinations.resolve(store, tenant.id(), project, body.getLogStreamId(), body.getExperimentId(), body.getMetricsTestingId())
            .compose(run -> session(tenant.id(), project, run, body).compose(session -> {
              List<RecordRow> rows = RecordTree.ofTraces(body.getTraces(), session, now);
              return store.pool()
                  .withTransaction(tx -> GalileoStore.insertRecords(tx, tenant.id(), project, run, rows, now))
                  .recover(StoreFailures::translate)
                  .map(done -> {
                    rowsWritten.add("galileo_records", rows.size());
                    return ApiReply.ok(ingested(projectRow, body, rows, session, run));
                  });
            })));
  }

  /** The session the batch names: by id (it must exist), by external id (created on first use), or none. */
  private Future<UUID> session(UUID tenant, UUID project, UUID run, LogTracesIngestRequest body) {
    if (body.getSessionId() != null) {
      UUID id = UUID.fromString(body.getSessionId());
      return store.sessionExists(tenant, project, id).compose(exists -> exists
          ? Future.succeededFuture(id)
          : Future.failedFuture(ApiException.notFound("Session " + id + " not found")));
    }
    if (body.getSessionExternalId() != null) {
      String external = body.getSessionExternalId();
      return store.sessionByExternalId(tenant, project, external).compose(found -> found
          .map(Future::succeededFuture)
          .orElseGet(() -> store.createSession(tenant, project, run, null, external, null, null)));
    }
    return Future.succeededFuture(null);
  }

  private static LogTracesIngestResponse ingested(Row project, LogTracesIngestRequest body, List<RecordRow> rows, UUID session,
                                                  UUID run) {
    List<String> traceIds = rows.stream().filter(row -> row.parentId() == null).map(row -> row.id().toString()).toList();
    return new LogTracesIngestResponse()
        .projectId(project.getUUID("project_id").toString())
        .projectName(project.getString("name"))
        .logStreamId(body.getExperimentId() == null ? run.toString() : null)
        .experimentId(body.getExperimentId())
        .metricsTestingId(body.getMetricsTestingId())
        .sessionId(session == null ? null : session.toString())
        .tracesCount(traceIds.size())
        .spansCount(rows.size() - traceIds.size())
        .recordsCount(rows.size())
        .traceIds(Boolean.TRUE.equals(body.getIncludeTraceIds()) ? traceIds : null);
  }

  @Override
  public Future<ApiReply<JsonObject>> getTrace(String projectId, String traceId, Boolean includePresignedUrls, RoutingContext context) {
    Tenant tenant = Tenant.of(context);
    UUID trace = UUID.fromString(traceId);
    return store.traceRecords(tenant.id(), UUID.fromString(projectId), trace).compose(rows -> {
      JsonObject root = StoredRecords.tree(rows, trace);
      return root == null || !"trace".equals(root.getString("type"))
          ? Future.failedFuture(ApiException.notFound("Trace " + traceId + " not found"))
          : Future.succeededFuture(ApiReply.ok(root));
    });
  }

  @Override
  public Future<ApiReply<TraceSearchResponse>> searchTraces(String projectId, TraceSearchRequest body, RoutingContext context) {
    Tenant tenant = Tenant.of(context);
    int offset = body.getStartingToken() == null ? 0 : body.getStartingToken();
    int limit = body.getLimit() == null ? 100 : body.getLimit();
    boolean ascending = body.getSort() != null && Boolean.TRUE.equals(body.getSort().getAscending());
    return source(tenant.id(), UUID.fromString(projectId), body.getLogStreamId(), body.getExperimentId())
        .compose(run -> store.tracePage(tenant.id(), run, ascending, offset, limit))
        .map(rows -> {
          boolean more = rows.size() > limit;
          List<JsonObject> page = rows.stream().limit(limit).map(StoredRecords::record).toList();
          return ApiReply.ok(new TraceSearchResponse()
              .startingToken(offset)
              .limit(limit)
              .paginated(more)
              .nextStartingToken(more ? offset + limit : null)
              .lastRowId(page.isEmpty() ? null : page.get(page.size() - 1).getString("id"))
              .records(page));
        });
  }

  @Override
  public Future<ApiReply<TraceCountResponse>> countTraces(String projectId, TraceCountRequest body, RoutingContext context) {
    Tenant tenant = Tenant.of(context);
    return source(tenant.id(), UUID.fromString(projectId), body.getLogStreamId(), body.getExperimentId())
        .compose(run -> store.traceCount(tenant.id(), run))
        .map(count -> ApiReply.ok(new TraceCountResponse().totalCount(count.intValue())));
  }

  /** The log stream or experiment a read names (the contract makes sure it names exactly one). */
  private Future<UUID> source(UUID tenant, UUID project, String logStreamId, String experimentId) {
    return logStreamId != null
        ? store.run(tenant, project, RunKind.LOG_STREAM, UUID.fromString(logStreamId)).map(row -> row.getUUID("run_id"))
        : store.run(tenant, project, RunKind.EXPERIMENT, UUID.fromString(experimentId)).map(row -> row.getUUID("run_id"));
  }
}
