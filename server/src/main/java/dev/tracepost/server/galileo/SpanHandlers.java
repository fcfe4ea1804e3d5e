package dev.tracepost.server.galileo;

import dev.tracepost.contract.galileo.RecordRow;
import dev.tracepost.contract.galileo.RecordTree;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.contract.errors.ApiException;
import dev.tracepost.galileo.api.SpansApi;
import dev.tracepost.galileo.model.LogSpansIngestRequest;
import dev.tracepost.galileo.model.LogSpansIngestResponse;
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

/** Adding spans under a logged trace or span, and reading one span with its children. */
final class SpanHandlers implements SpansApi {

  private final GalileoStore store;
  private final RowsWritten rowsWritten;

  SpanHandlers(GalileoStore store, RowsWritten rowsWritten) {
    this.store = store;
    this.rowsWritten = rowsWritten;
  }

  @Override
  public Future<ApiReply<LogSpansIngestResponse>> logSpans(String projectId, LogSpansIngestRequest body, RoutingContext context) {
    Tenant tenant = Tenant.of(context);
    UUID project = UUID.fromString(projectId);
    UUID traceId = UUID.fromString(body.getTraceId());
    UUID parentId = UUID.fromString(body.getParentId());
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return store.project(tenant.id(), project).compose(projectRow -> store.record(tenant.id(), project, parentId, "Parent")
        .compose(parent -> {
          if (!traceId.equals(parent.getUUID("trace_id"))) {
            return Future.failedFuture(ApiException.notFound("Parent " + parentId + " is not part of trace " + traceId));
          }
          UUID run = parent.getUUID("run_id");
          return store.pool().withTransaction(tx -> store.nextChildPosition(tx, tenant.id(), traceId, parentId)
                  .compose(first -> {
                    List<RecordRow> rows = RecordTree.ofSpans(body.getSpans(), traceId, parentId, first,
                        parent.getInteger("depth"), now);
                    return GalileoStore.insertRecords(tx, tenant.id(), project, run, rows, now)
                        .compose(done -> GalileoStore.markHasChildren(tx, tenant.id(), parentId, now))
                        .map(done -> rows.size());
                  }))
              .recover(StoreFailures::translate)
              .map(count -> {
                rowsWritten.add("galileo_records", count);
                return ApiReply.ok(ingested(projectRow, parent, body, count));
              });
        }));
  }

  private static LogSpansIngestResponse ingested(Row project, Row parent, LogSpansIngestRequest body, int count) {
    UUID session = parent.getUUID("session_id");
    return new LogSpansIngestResponse()
        .projectId(project.getUUID("project_id").toString())
        .projectName(project.getString("name"))
        .logStreamId(body.getLogStreamId())
        .experimentId(body.getExperimentId())
        .metricsTestingId(body.getMetricsTestingId())
        .sessionId(session == null ? null : session.toString())
        .recordsCount(count)
        .traceId(body.getTraceId())
        .parentId(body.getParentId());
  }

  @Override
  public Future<ApiReply<JsonObject>> getSpan(String projectId, String spanId, Boolean includePresignedUrls, RoutingContext context) {
    Tenant tenant = Tenant.of(context);
    UUID project = UUID.fromString(projectId);
    UUID span = UUID.fromString(spanId);
    return store.record(tenant.id(), project, span, "Span")
        .compose(row -> "trace".equals(row.getString("type"))
            ? Future.failedFuture(ApiException.notFound("Span " + spanId + " not found"))
            : store.traceRecords(tenant.id(), project, row.getUUID("trace_id")))
        .map(rows -> ApiReply.ok(StoredRecords.tree(rows, span)));
  }
}
