package dev.tracepost.mock.galtea;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.contract.errors.ApiException;
import dev.tracepost.contract.galtea.GalteaIds;
import dev.tracepost.contract.galtea.TraceBatchBody;
import dev.tracepost.galtea.api.InferenceResultsApi;
import dev.tracepost.galtea.api.InferenceResultsApiHandler;
import dev.tracepost.galtea.api.SessionsApi;
import dev.tracepost.galtea.api.SessionsApiHandler;
import dev.tracepost.galtea.api.TracesApi;
import dev.tracepost.galtea.api.TracesApiHandler;
import dev.tracepost.galtea.model.InferenceResult;
import dev.tracepost.galtea.model.InferenceResultCreate;
import dev.tracepost.galtea.model.InferenceResultUpdate;
import dev.tracepost.galtea.model.Session;
import dev.tracepost.galtea.model.SessionCreate;
import dev.tracepost.galtea.model.Trace;
import dev.tracepost.galtea.model.TraceCreate;
import dev.tracepost.galtea.model.TraceType;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Galtea's flow in memory, with the server's rules: what was POSTed is what GET returns. */
public final class MockGaltea implements SessionsApi, InferenceResultsApi, TracesApi {

  private final GalteaMemory memory;

  private MockGaltea(GalteaMemory memory) {
    this.memory = memory;
  }

  public static void mount(RouterBuilder builder, GalteaMemory memory) {
    MockGaltea galtea = new MockGaltea(memory);
    SessionsApiHandler.mount(builder, galtea);
    InferenceResultsApiHandler.mount(builder, galtea);
    TracesApiHandler.mount(builder, galtea);
  }

  @Override
  public Future<ApiReply<Session>> createSession(SessionCreate body, RoutingContext context) {
    Session session = new Session().id(GalteaIds.next("session")).versionId(body.getVersionId()).productId(body.getProductId())
        .customId(body.getCustomId()).testCaseId(body.getTestCaseId()).context(body.getContext()).metadata(body.getMetadata())
        .isProduction(Boolean.TRUE.equals(body.getIsProduction())).stoppingReason(null).createdAt(now()).deletedAt(null);
    return memory.add(session) ? Future.succeededFuture(ApiReply.created(session))
        : Future.failedFuture(ApiException.conflict("A session with customId " + body.getCustomId() + " already exists"));
  }

  @Override
  public Future<ApiReply<Session>> getSession(String id, RoutingContext context) {
    return Future.succeededFuture(ApiReply.ok(memory.session(id).orElseThrow(() -> ApiException.notFound("Session " + id + " not found"))));
  }

  @Override
  public Future<ApiReply<InferenceResult>> createInferenceResult(InferenceResultCreate body, RoutingContext context) {
    Session session = body.getSessionId() != null
        ? memory.session(body.getSessionId()).orElseThrow(() -> ApiException.notFound("Session " + body.getSessionId() + " not found"))
        : memory.sessionByCustomId(body.getSessionCustomId())
            .orElseThrow(() -> ApiException.notFound("Session with customId " + body.getSessionCustomId() + " not found"));
    InferenceResult result = new InferenceResult().id(GalteaIds.next("ir")).sessionId(session.getId()).index(body.getIndex())
        .status(body.getStatus()).error(body.getError()).input(body.getInput()).actualOutput(body.getActualOutput())
        .retrievalContext(body.getRetrievalContext()).latency(body.getLatency()).inputTokens(body.getInputTokens())
        .outputTokens(body.getOutputTokens()).cacheReadInputTokens(body.getCacheReadInputTokens()).tokens(body.getTokens())
        .cost(body.getCost()).traceId(null).createdAt(now()).deletedAt(null);
    return Future.succeededFuture(ApiReply.created(memory.add(result)));
  }

  @Override
  public Future<ApiReply<InferenceResult>> getInferenceResult(String id, RoutingContext context) {
    return Future.succeededFuture(ApiReply.ok(inferenceResult(id)));
  }

  @Override
  public Future<ApiReply<InferenceResult>> updateInferenceResult(String id, InferenceResultUpdate body, RoutingContext context) {
    InferenceResult result = inferenceResult(id);
    if (body.getIndex() != null) {
      result.index(body.getIndex());
    }
    if (body.getStatus() != null) {
      result.status(body.getStatus());
    }
    if (body.getError() != null) {
      result.error(body.getError());
    }
    if (body.getInput() != null) {
      result.input(body.getInput());
    }
    if (body.getActualOutput() != null) {
      result.actualOutput(body.getActualOutput());
    }
    if (body.getLatency() != null) {
      result.latency(body.getLatency());
    }
    if (body.getTokens() != null) {
      result.tokens(body.getTokens());
    }
    if (body.getCost() != null) {
      result.cost(body.getCost());
    }
    return Future.succeededFuture(ApiReply.ok(result));
  }

  private InferenceResult inferenceResult(String id) {
    return memory.inferenceResult(id).orElseThrow(() -> ApiException.notFound("Inference result " + id + " not found"));
  }

  @Override
  public Future<ApiReply<Trace>> createTrace(TraceCreate body, RoutingContext context) {
    return store(List.of(body)).map(stored -> ApiReply.created(stored.get(0)));
  }

  @Override
  public Future<ApiReply<List<Trace>>> createTracesBatch(TraceBatchBody body, RoutingContext context) {
    return store(body.traces()).map(ApiReply::created);
  }

  /** All or nothing: every inference result and parent must exist, and no id may be taken. */
  private Future<List<Trace>> store(List<TraceCreate> sent) {
    Map<String, String> batchResults = new HashMap<>();
    List<Trace> traces = new ArrayList<>();
    for (TraceCreate item : sent) {
      String traceId = item.getId() != null ? item.getId() : GalteaIds.next("trace");
      if (batchResults.put(traceId, item.getInferenceResultId()) != null) {
        return Future.failedFuture(ApiException.badRequest("The id " + traceId + " appears twice in this batch"));
      }
      traces.add(new Trace().id(traceId).inferenceResultId(item.getInferenceResultId()).name(item.getName()).type(item.getType())
          .description(item.getDescription()).inputData(item.getInputData()).outputData(item.getOutputData()).error(item.getError())
          .latencyMs(item.getLatencyMs()).metadata(item.getMetadata()).parentTraceId(item.getParentTraceId())
          .startTime(item.getStartTime()).endTime(item.getEndTime()).createdAt(now()).deletedAt(null));
    }
    for (Trace trace : traces) {
      if (memory.inferenceResult(trace.getInferenceResultId()).isEmpty()) {
        return Future.failedFuture(ApiException.notFound("Inference result " + trace.getInferenceResultId() + " not found"));
      }
      String parent = trace.getParentTraceId();
      String parentResult = parent == null ? null : batchResults.containsKey(parent) ? batchResults.get(parent)
          : memory.trace(parent).filter(stored -> stored.getDeletedAt() == null).map(Trace::getInferenceResultId).orElse(null);
      if (parent != null && !trace.getInferenceResultId().equals(parentResult)) {
        return Future.failedFuture(ApiException.notFound("Parent trace " + parent + " not found in inference result "
            + trace.getInferenceResultId()));
      }
    }
    return memory.putAll(traces) ? Future.succeededFuture(traces) : Future.failedFuture(ApiException.conflict("A trace id is taken"));
  }

  @Override
  public Future<ApiReply<List<Trace>>> listTraces(List<String> ids, List<String> inferenceResultIds, List<String> sessionIds,
                                                 List<TraceType> types, List<String> names, OffsetDateTime fromStartTime,
                                                 OffsetDateTime toStartTime, List<Object> sort, Integer offset, Integer limit,
                                                 RoutingContext context) {
    if (empty(ids) && empty(inferenceResultIds) && empty(sessionIds)) {
      return Future.failedFuture(ApiException.badRequest("Give at least one of ids, inferenceResultIds or sessionIds"));
    }
    Predicate<Trace> matches = trace -> trace.getDeletedAt() == null
        && (empty(ids) || ids.contains(trace.getId()))
        && (empty(inferenceResultIds) || inferenceResultIds.contains(trace.getInferenceResultId()))
        && (empty(sessionIds) || memory.inferenceResult(trace.getInferenceResultId()).map(InferenceResult::getSessionId)
            .filter(sessionIds::contains).isPresent())
        && (empty(types) || types.contains(trace.getType()))
        && (empty(names) || names.contains(trace.getName()))
        && (fromStartTime == null || trace.getStartTime() != null && !trace.getStartTime().isBefore(fromStartTime))
        && (toStartTime == null || trace.getStartTime() != null && !trace.getStartTime().isAfter(toStartTime));
    List<Trace> found = memory.traces().stream().filter(matches).sorted(order(sort)).skip(offset).limit(limit).toList();
    return Future.succeededFuture(ApiReply.ok(found));
  }

  private static Comparator<Trace> order(List<Object> sort) {
    String key = sort == null || sort.isEmpty() ? "startTime" : String.valueOf(sort.get(0));
    Comparator<Trace> order = switch (key) {
      case "createdAt" -> Comparator.comparing(Trace::getCreatedAt);
      case "name" -> Comparator.comparing(Trace::getName);
      default -> Comparator.comparing(Trace::getStartTime, Comparator.nullsLast(Comparator.naturalOrder()));
    };
    return sort != null && sort.size() > 1 && "desc".equals(sort.get(1)) ? order.reversed() : order;
  }

  @Override
  public Future<ApiReply<Trace>> getTraceById(String id, RoutingContext context) {
    return Future.succeededFuture(ApiReply.ok(live(id)));
  }

  @Override
  public Future<ApiReply<Void>> deleteTrace(String id, RoutingContext context) {
    memory.update(live(id).deletedAt(now()));
    return Future.succeededFuture(ApiReply.noContent());
  }

  private Trace live(String id) {
    return memory.trace(id).filter(trace -> trace.getDeletedAt() == null)
        .orElseThrow(() -> ApiException.notFound("Trace " + id + " not found"));
  }

  private static boolean empty(List<?> values) {
    return values == null || values.isEmpty();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
