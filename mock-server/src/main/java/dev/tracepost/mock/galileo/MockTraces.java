package dev.tracepost.mock.galileo;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.contract.errors.ApiException;
import dev.tracepost.contract.errors.ErrorReplies.InvalidRequest;
import dev.tracepost.contract.errors.Violation;
import dev.tracepost.galileo.api.SessionsApi;
import dev.tracepost.galileo.api.SpansApi;
import dev.tracepost.galileo.api.TracesApi;
import dev.tracepost.galileo.model.LogSpansIngestRequest;
import dev.tracepost.galileo.model.LogSpansIngestResponse;
import dev.tracepost.galileo.model.LogTracesIngestRequest;
import dev.tracepost.galileo.model.LogTracesIngestResponse;
import dev.tracepost.galileo.model.SessionCreateRequest;
import dev.tracepost.galileo.model.SessionCreateResponse;
import dev.tracepost.galileo.model.TraceCountRequest;
import dev.tracepost.galileo.model.TraceCountResponse;
import dev.tracepost.galileo.model.TraceSearchRequest;
import dev.tracepost.galileo.model.TraceSearchResponse;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Traces, spans and sessions in memory, with the server's rules: ids kept, counts of every depth, destinations that must exist. */
final class MockTraces implements TracesApi, SpansApi, SessionsApi {

  private final GalileoMemory memory;
  private final MockRuns runs;

  MockTraces(GalileoMemory memory, MockRuns runs) {
    this.memory = memory;
    this.runs = runs;
  }

  @Override
  public Future<ApiReply<LogTracesIngestResponse>> logTraces(String projectId, LogTracesIngestRequest body, RoutingContext context) {
    GalileoMemory.Project project = MockProjects.existing(memory, projectId);
    GalileoMemory.Run run = destination(projectId, body.getLogStreamId(), body.getExperimentId(), body.getMetricsTestingId());
    String session = session(projectId, body);
    UUID sessionId = session == null ? null : UUID.fromString(session);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    StoredBatch batch = StoredBatch.ofTraces(context.body().buffer(), body.getTraces(), projectId, run.id(), sessionId, now);
    memory.store(batch);
    List<String> traceIds = batch.traceIds();
    return Future.succeededFuture(ApiReply.ok(new LogTracesIngestResponse()
        .projectId(projectId).projectName(project.name())
        .logStreamId(run.kind().equals(MockRuns.LOG_STREAM) ? run.id() : null)
        .experimentId(run.kind().equals(MockRuns.EXPERIMENT) ? run.id() : null)
        .metricsTestingId(null).sessionId(session)
        .tracesCount(traceIds.size()).spansCount(batch.size() - traceIds.size()).recordsCount(batch.size())
        .traceIds(Boolean.TRUE.equals(body.getIncludeTraceIds()) ? traceIds : null)));
  }

  private GalileoMemory.Run destination(String projectId, String logStreamId, String experimentId, String metricsTestingId) {
    long named = java.util.stream.Stream.of(logStreamId, experimentId, metricsTestingId).filter(id -> id != null).count();
    if (named > 1) {
      throw new InvalidRequest(List.of(new Violation("body", List.of(), "value_error",
          "Name one destination: log_stream_id, experiment_id or metrics_testing_id")));
    }
    if (metricsTestingId != null) {
      throw ApiException.notFound("Metrics testing run " + metricsTestingId + " not found");
    }
    if (logStreamId != null) {
      return runs.existing(projectId, MockRuns.LOG_STREAM, logStreamId);
    }
    return experimentId != null ? runs.existing(projectId, MockRuns.EXPERIMENT, experimentId) : runs.defaultLogStream(projectId);
  }

  private String session(String projectId, LogTracesIngestRequest body) {
    if (body.getSessionId() != null) {
      if (!memory.sessionExists(projectId, body.getSessionId())) {
        throw ApiException.notFound("Session " + body.getSessionId() + " not found");
      }
      return body.getSessionId();
    }
    if (body.getSessionExternalId() != null) {
      return memory.sessionForExternalId(projectId, body.getSessionExternalId());
    }
    return null;
  }

  @Override
  public Future<ApiReply<JsonObject>> getTrace(String projectId, String traceId, Boolean includePresignedUrls, RoutingContext context) {
    UUID id = UUID.fromString(traceId);
    return memory.record(projectId, id).filter(stored -> stored.row().parentId() == null)
        .map(stored -> Future.succeededFuture(ApiReply.ok(memory.tree(id, id))))
        .orElseGet(() -> Future.failedFuture(ApiException.notFound("Trace " + traceId + " not found")));
  }

  @Override
  public Future<ApiReply<JsonObject>> getSpan(String projectId, String spanId, Boolean includePresignedUrls, RoutingContext context) {
    UUID id = UUID.fromString(spanId);
    return memory.record(projectId, id).filter(stored -> stored.row().parentId() != null)
        .map(stored -> Future.succeededFuture(ApiReply.ok(memory.tree(stored.row().traceId(), id))))
        .orElseGet(() -> Future.failedFuture(ApiException.notFound("Span " + spanId + " not found")));
  }

  @Override
  public Future<ApiReply<LogSpansIngestResponse>> logSpans(String projectId, LogSpansIngestRequest body, RoutingContext context) {
    GalileoMemory.Project project = MockProjects.existing(memory, projectId);
    UUID traceId = UUID.fromString(body.getTraceId());
    UUID parentId = UUID.fromString(body.getParentId());
    GalileoMemory.Stored parent = memory.record(projectId, parentId).filter(stored -> stored.row().traceId().equals(traceId))
        .orElseThrow(() -> ApiException.notFound("Parent " + parentId + " not found in trace " + traceId));
    int parentDepth = parent.row().depth();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    StoredBatch stored = memory.storeChildren(parentId, firstPosition -> StoredBatch.ofSpans(context.body().buffer(),
        body.getSpans(), projectId, parent.runId(), traceId, parentId, firstPosition, parentDepth, now));
    return Future.succeededFuture(ApiReply.ok(new LogSpansIngestResponse().projectId(projectId).projectName(project.name())
        .logStreamId(body.getLogStreamId()).experimentId(body.getExperimentId()).metricsTestingId(null).sessionId(null)
        .recordsCount(stored.size()).traceId(body.getTraceId()).parentId(body.getParentId())));
  }

  @Override
  public Future<ApiReply<TraceSearchResponse>> searchTraces(String projectId, TraceSearchRequest body, RoutingContext context) {
    int offset = body.getStartingToken() == null ? 0 : body.getStartingToken();
    int limit = body.getLimit() == null ? 100 : body.getLimit();
    boolean ascending = body.getSort() != null && Boolean.TRUE.equals(body.getSort().getAscending());
    List<JsonObject> all = memory.traces(source(projectId, body.getLogStreamId(), body.getExperimentId()).id(), ascending);
    List<JsonObject> page = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
    boolean more = offset + limit < all.size();
    return Future.succeededFuture(ApiReply.ok(new TraceSearchResponse().startingToken(offset).limit(limit).paginated(more)
        .nextStartingToken(more ? offset + limit : null)
        .lastRowId(page.isEmpty() ? null : page.get(page.size() - 1).getString("id")).records(page)));
  }

  @Override
  public Future<ApiReply<TraceCountResponse>> countTraces(String projectId, TraceCountRequest body, RoutingContext context) {
    int count = memory.traces(source(projectId, body.getLogStreamId(), body.getExperimentId()).id(), true).size();
    return Future.succeededFuture(ApiReply.ok(new TraceCountResponse().totalCount(count)));
  }

  private GalileoMemory.Run source(String projectId, String logStreamId, String experimentId) {
    return logStreamId != null
        ? runs.existing(projectId, MockRuns.LOG_STREAM, logStreamId)
        : runs.existing(projectId, MockRuns.EXPERIMENT, experimentId);
  }

  @Override
  public Future<ApiReply<SessionCreateResponse>> createSession(String projectId, SessionCreateRequest body, RoutingContext context) {
    GalileoMemory.Project project = MockProjects.existing(memory, projectId);
    destination(projectId, body.getLogStreamId(), body.getExperimentId(), body.getMetricsTestingId());
    String id = memory.addSession(projectId, body.getExternalId());
    return Future.succeededFuture(ApiReply.ok(new SessionCreateResponse().id(id).name(body.getName()).projectId(projectId)
        .projectName(project.name()).previousSessionId(body.getPreviousSessionId()).externalId(body.getExternalId())));
  }
}
