package dev.tracepost.server.galtea;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.contract.errors.ApiException;
import dev.tracepost.contract.errors.ErrorReplies.InvalidRequest;
import dev.tracepost.contract.errors.Violation;
import dev.tracepost.contract.galtea.GalteaIds;
import dev.tracepost.contract.galtea.TraceBatchBody;
import dev.tracepost.galtea.api.TracesApi;
import dev.tracepost.galtea.model.Trace;
import dev.tracepost.galtea.model.TraceCreate;
import dev.tracepost.galtea.model.TraceType;
import dev.tracepost.server.auth.Tenant;
import dev.tracepost.server.db.StoreFailures;
import dev.tracepost.server.ops.RowsWritten;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Galtea traces: one at a time, in an all-or-nothing batch, listed, read and soft-deleted. */
final class TraceHandlers implements TracesApi {

  private final GalteaStore store;
  private final RowsWritten rowsWritten;

  TraceHandlers(GalteaStore store, RowsWritten rowsWritten) {
    this.store = store;
    this.rowsWritten = rowsWritten;
  }

  @Override
  public Future<ApiReply<Trace>> createTrace(TraceCreate body, RoutingContext context) {
    GalteaLimits.check(context, List.of(body), null);
    UUID tenant = Tenant.of(context).id();
    TraceValues trace = new TraceValues(body.getId() == null ? GalteaIds.next("trace") : body.getId(), body, null);
    return store.insertTrace(tenant, trace).compose(stored -> stored
        .map(row -> {
          rowsWritten.add("galtea_traces", 1);
          return Future.succeededFuture(ApiReply.created(GalteaModels.trace(row)));
        })
        .orElseGet(() -> store.whyNotStored(tenant, trace).compose(Future::failedFuture)));
  }

  @Override
  public Future<ApiReply<List<Trace>>> createTracesBatch(TraceBatchBody body, RoutingContext context) {
    List<TraceCreate> sent = body.traces();
    GalteaLimits.check(context, sent, "traces");
    UUID tenant = Tenant.of(context).id();
    List<String> ids = sent.stream().map(trace -> trace.getId() == null ? GalteaIds.next("trace") : trace.getId()).toList();
    rejectDuplicates(ids);
    Set<String> inferenceResults = new LinkedHashSet<>();
    sent.forEach(trace -> inferenceResults.add(trace.getInferenceResultId()));
    Map<String, String> batchParents = new HashMap<>();
    for (int i = 0; i < sent.size(); i++) {
      batchParents.put(ids.get(i), sent.get(i).getInferenceResultId());
    }
    Set<String> storedParents = new HashSet<>();
    sent.stream().map(TraceCreate::getParentTraceId)
        .filter(parent -> parent != null && !batchParents.containsKey(parent)).forEach(storedParents::add);
    return store.pool().withTransaction(tx -> GalteaStore.liveInferenceResults(tx, tenant, inferenceResults)
            .compose(sessions -> GalteaStore.liveTraces(tx, tenant, storedParents).compose(parents -> {
              List<TraceValues> traces = new ArrayList<>(sent.size());
              for (int i = 0; i < sent.size(); i++) {
                TraceCreate trace = sent.get(i);
                String session = sessions.get(trace.getInferenceResultId());
                if (session == null) {
                  return Future.failedFuture(ApiException.notFound("Inference result " + trace.getInferenceResultId() + " not found"));
                }
                String parent = trace.getParentTraceId();
                String parentResult = parent == null ? null : batchParents.getOrDefault(parent, parents.get(parent));
                if (parent != null && !trace.getInferenceResultId().equals(parentResult)) {
                  return Future.failedFuture(ApiException.notFound("Parent trace " + parent + " not found in inference result "
                      + trace.getInferenceResultId()));
                }
                traces.add(new TraceValues(ids.get(i), trace, session));
              }
              return GalteaStore.insertTraces(tx, tenant, traces);
            })))
        .recover(StoreFailures::translate)
        .map(rows -> {
          rowsWritten.add("galtea_traces", rows.size());
          Map<String, Trace> byId = new HashMap<>();
          rows.forEach(row -> byId.put(row.getString("trace_id"), GalteaModels.trace(row)));
          return ApiReply.created(ids.stream().map(byId::get).toList());
        });
  }

  private static void rejectDuplicates(List<String> ids) {
    Set<String> seen = new HashSet<>();
    List<Violation> duplicates = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      if (!seen.add(ids.get(i))) {
        duplicates.add(new Violation("body", List.of("traces", i, "id"), "duplicate_id",
            "The id " + ids.get(i) + " appears twice in this batch"));
      }
    }
    if (!duplicates.isEmpty()) {
      throw new InvalidRequest(duplicates);
    }
  }

  @Override
  public Future<ApiReply<List<Trace>>> listTraces(List<String> ids, List<String> inferenceResultIds, List<String> sessionIds,
                                                 List<TraceType> types, List<String> names, OffsetDateTime fromStartTime,
                                                 OffsetDateTime toStartTime, List<Object> sort, Integer offset, Integer limit,
                                                 RoutingContext context) {
    if (TraceFilter.array(ids) == null && TraceFilter.array(inferenceResultIds) == null && TraceFilter.array(sessionIds) == null) {
      return Future.failedFuture(ApiException.badRequest("Give at least one of ids, inferenceResultIds or sessionIds"));
    }
    TraceFilter filter = new TraceFilter(TraceFilter.array(ids), TraceFilter.array(inferenceResultIds),
        TraceFilter.array(sessionIds), types == null || types.isEmpty() ? null : types.stream().map(TraceType::getValue).toArray(String[]::new),
        TraceFilter.array(names), fromStartTime, toStartTime, TraceFilter.orderBy(sort), offset, limit);
    return store.traces(Tenant.of(context).id(), filter)
        .map(rows -> ApiReply.ok(rows.stream().map(GalteaModels::trace).toList()));
  }

  @Override
  public Future<ApiReply<Trace>> getTraceById(String id, RoutingContext context) {
    return store.trace(Tenant.of(context).id(), id).map(row -> ApiReply.ok(GalteaModels.trace(row)));
  }

  @Override
  public Future<ApiReply<Void>> deleteTrace(String id, RoutingContext context) {
    return store.softDelete(Tenant.of(context).id(), id).compose(deleted -> deleted
        ? Future.succeededFuture(ApiReply.<Void>noContent())
        : Future.failedFuture(ApiException.notFound("Trace " + id + " not found")));
  }
}
