package dev.tracepost.server.galtea;

import dev.tracepost.contract.errors.ApiException;
import dev.tracepost.contract.galtea.GalteaIds;
import dev.tracepost.galtea.model.InferenceResultCreate;
import dev.tracepost.galtea.model.InferenceResultUpdate;
import dev.tracepost.galtea.model.SessionCreate;
import dev.tracepost.server.db.Rows;
import dev.tracepost.server.db.StoreFailures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The SQL of Galtea's sessions, inference results and traces. */
public final class GalteaStore {

  static final String TRACE_COLUMNS = "trace_id, inference_result_id, name, type, description, input_data, output_data, error,"
      + " latency_ms, metadata, parent_trace_id, start_time, end_time, created_at, deleted_at";

  /** The traces of one statement, as columns: the arrays {@link #traceColumns} binds from $2 on. */
  private static final String SENT_TRACES = """
      unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
             $11::float8[], $12::text[], $13::text[], $14::timestamptz[], $15::timestamptz[])
        as t(id, ir, session, name, type, description, input_data, output_data, error, latency, metadata, parent,
             start_time, end_time)""";

  private static final String INSERT_INTO = """
      insert into galtea_traces (tenant_id, trace_id, inference_result_id, session_id, name, type, description, input_data,
                                 output_data, error, latency_ms, metadata, parent_trace_id, start_time, end_time)
      """;

  /**
   * Traces sent one per request, several requests to a statement ({@link TraceInsertQueue}): a trace is
   * stored only if its inference result exists and its parent (if any) is a live trace of the same
   * inference result; an id already taken stores nothing. The session comes from the inference result.
   */
  private static final String INSERT_SINGLES = INSERT_INTO + """
      select $1, t.id, ir.inference_result_id, ir.session_id, t.name, t.type, t.description, t.input_data::jsonb,
             t.output_data::jsonb, t.error, t.latency, t.metadata::jsonb, t.parent, t.start_time, t.end_time
      from\s""" + SENT_TRACES + """
      
      join galtea_inference_results ir on ir.tenant_id = $1 and ir.inference_result_id = t.ir and ir.deleted_at is null
      where t.parent is null or exists (select 1 from galtea_traces p where p.tenant_id = $1 and p.trace_id = t.parent
                                        and p.inference_result_id = t.ir and p.deleted_at is null)
      on conflict (tenant_id, trace_id) do nothing
      returning """ + " " + TRACE_COLUMNS;

  /** The traces of one batch request, whose inference results, sessions and parents were checked first. */
  private static final String INSERT_BATCH = INSERT_INTO + """
      select $1, t.id, t.ir, t.session, t.name, t.type, t.description, t.input_data::jsonb, t.output_data::jsonb, t.error,
             t.latency, t.metadata::jsonb, t.parent, t.start_time, t.end_time
      from\s""" + SENT_TRACES + """
      
      on conflict (tenant_id, trace_id) do nothing
      returning """ + " " + TRACE_COLUMNS;

  private final Pool pool;
  private final TraceInsertQueue singles;

  /** One per event loop: the queue of single-trace inserts belongs to the event loop that fills it. */
  public GalteaStore(Pool pool) {
    this.pool = pool;
    this.singles = new TraceInsertQueue((tenant, traces) -> pool.preparedQuery(INSERT_SINGLES).execute(traceColumns(tenant, traces)));
  }

  Pool pool() {
    return pool;
  }

  // ---- sessions ---------------------------------------------------------------------------------------------------

  Future<Row> createSession(UUID tenant, SessionCreate session) {
    return Rows.one(pool.preparedQuery("""
            insert into galtea_sessions (tenant_id, session_id, version_id, product_id, custom_id, test_case_id, context,
                                         metadata, is_production, status, run_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning *""")
        .execute(Tuple.tuple(java.util.Arrays.asList(tenant, GalteaIds.next("session"), session.getVersionId(),
            session.getProductId(), session.getCustomId(), session.getTestCaseId(), session.getContext(),
            session.getMetadata() == null ? null : new JsonObject(session.getMetadata()),
            Boolean.TRUE.equals(session.getIsProduction()), session.getStatus(), session.getRunId()))), null)
        .recover(failure -> StoreFailures.translate(failure, "A session with customId " + session.getCustomId() + " already exists"));
  }

  Future<Row> session(UUID tenant, String id) {
    return Rows.one(pool.preparedQuery("select * from galtea_sessions where tenant_id = $1 and session_id = $2 and deleted_at is null")
        .execute(Tuple.of(tenant, id)), "Session " + id + " not found");
  }

  Future<String> sessionIdByCustomId(UUID tenant, String customId) {
    return Rows.one(pool.preparedQuery("select session_id from galtea_sessions where tenant_id = $1 and custom_id = $2 and deleted_at is null")
        .execute(Tuple.of(tenant, customId)), "Session with customId " + customId + " not found")
        .map(row -> row.getString(0));
  }

  // ---- inference results ------------------------------------------------------------------------------------------

  /**
   * A result sent without an index gets the one after its session's highest. The session's row is locked
   * first, in the same transaction, so that two results of one session created at once do not both read
   * the same highest: under read committed, the insert's snapshot, taken once the lock is held, sees the
   * other's row. A result sent with its index is one statement: it reads nothing to number itself.
   */
  Future<Row> createInferenceResult(UUID tenant, String sessionId, InferenceResultCreate values) {
    if (values.getIndex() != null) {
      return insertInferenceResult(pool, tenant, sessionId, values);
    }
    return pool.withTransaction(tx -> tx
        .preparedQuery("select 1 from galtea_sessions where tenant_id = $1 and session_id = $2 for update")
        .execute(Tuple.of(tenant, sessionId))
        .compose(locked -> insertInferenceResult(tx, tenant, sessionId, values)));
  }

  private static Future<Row> insertInferenceResult(SqlClient client, UUID tenant, String sessionId, InferenceResultCreate values) {
    return Rows.one(client.preparedQuery("""
            insert into galtea_inference_results (tenant_id, inference_result_id, session_id, index, status, error, input,
                actual_output, retrieval_context, latency, input_tokens, output_tokens, cache_read_input_tokens, tokens, cost, extra)
            values ($1, $2, $3, coalesce($4, (select coalesce(max(index) + 1, 0) from galtea_inference_results
                                             where tenant_id = $1 and session_id = $3)),
                    $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            returning *""")
        .execute(Tuple.tuple(java.util.Arrays.asList(tenant, GalteaIds.next("ir"), sessionId, values.getIndex(), values.getStatus(),
            values.getError(), jsonValue(values.getInput()), values.getActualOutput(), values.getRetrievalContext(),
            decimal(values.getLatency()), values.getInputTokens(), values.getOutputTokens(), values.getCacheReadInputTokens(),
            values.getTokens(), decimal(values.getCost()), extra(values.getCostPerInputToken(), values.getCostPerOutputToken(),
                values.getCostPerCacheReadInputToken(), values.getUserId(), values.getConversationSimulatorVersion())))), null)
        .recover(StoreFailures::translate);
  }

  Future<Row> inferenceResult(UUID tenant, String id) {
    return Rows.one(pool.preparedQuery("select * from galtea_inference_results where tenant_id = $1 and inference_result_id = $2"
        + " and deleted_at is null").execute(Tuple.of(tenant, id)), "Inference result " + id + " not found");
  }

  /** Sets the fields given, keeps the others. */
  Future<Row> updateInferenceResult(UUID tenant, String id, InferenceResultUpdate values) {
    return Rows.one(pool.preparedQuery("""
            update galtea_inference_results set
              index = coalesce($3, index), status = coalesce($4, status), error = coalesce($5, error),
              input = coalesce($6, input), actual_output = coalesce($7, actual_output),
              retrieval_context = coalesce($8, retrieval_context), latency = coalesce($9, latency),
              input_tokens = coalesce($10, input_tokens), output_tokens = coalesce($11, output_tokens),
              cache_read_input_tokens = coalesce($12, cache_read_input_tokens), tokens = coalesce($13, tokens),
              cost = coalesce($14, cost)
            where tenant_id = $1 and inference_result_id = $2 and deleted_at is null
            returning *""")
        .execute(Tuple.tuple(java.util.Arrays.asList(tenant, id, values.getIndex(), values.getStatus(), values.getError(),
            jsonValue(values.getInput()), values.getActualOutput(), values.getRetrievalContext(), decimal(values.getLatency()),
            values.getInputTokens(), values.getOutputTokens(), values.getCacheReadInputTokens(), values.getTokens(),
            decimal(values.getCost())))), "Inference result " + id + " not found");
  }

  /** inference result id -> session id, for those of {@code ids} that exist. */
  static Future<Map<String, String>> liveInferenceResults(SqlClient client, UUID tenant, Collection<String> ids) {
    return client.preparedQuery("select inference_result_id, session_id from galtea_inference_results where tenant_id = $1"
            + " and inference_result_id = any($2) and deleted_at is null")
        .execute(Tuple.tuple(List.of(tenant, ids.toArray(String[]::new))))
        .map(rows -> {
          Map<String, String> found = new java.util.HashMap<>();
          rows.forEach(row -> found.put(row.getString(0), row.getString(1)));
          return found;
        });
  }

  // ---- traces -----------------------------------------------------------------------------------------------------

  /** The stored trace, or empty when nothing was stored (see {@link #whyNotStored}). */
  Future<Optional<Row>> insertTrace(UUID tenant, TraceValues trace) {
    return singles.insert(tenant, trace).recover(StoreFailures::translate);
  }

  /** Why a trace was not stored: its inference result, or its parent, is missing, or its id is taken. */
  Future<ApiException> whyNotStored(UUID tenant, TraceValues trace) {
    String ir = trace.sent().getInferenceResultId();
    String parent = trace.sent().getParentTraceId();
    return liveInferenceResults(pool, tenant, List.of(ir)).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(ApiException.notFound("Inference result " + ir + " not found"));
      }
      if (parent == null) {
        return Future.succeededFuture(ApiException.conflict("Trace " + trace.id() + " already exists"));
      }
      return liveTraces(pool, tenant, List.of(parent)).map(parents -> ir.equals(parents.get(parent))
          ? ApiException.conflict("Trace " + trace.id() + " already exists")
          : ApiException.notFound("Parent trace " + parent + " not found in inference result " + ir));
    }).recover(StoreFailures::translate);
  }

  /** trace id -> inference result id, for those of {@code ids} that exist and are not deleted. */
  static Future<Map<String, String>> liveTraces(SqlClient client, UUID tenant, Collection<String> ids) {
    return client.preparedQuery("select trace_id, inference_result_id from galtea_traces where tenant_id = $1"
            + " and trace_id = any($2) and deleted_at is null")
        .execute(Tuple.tuple(List.of(tenant, ids.toArray(String[]::new))))
        .map(rows -> {
          Map<String, String> found = new java.util.HashMap<>();
          rows.forEach(row -> found.put(row.getString(0), row.getString(1)));
          return found;
        });
  }

  /** Stores every trace, or (leaving the transaction to roll back) fails with 409 when an id is taken. */
  static Future<List<Row>> insertTraces(SqlClient client, UUID tenant, List<TraceValues> traces) {
    int size = traces.size();
    return client.preparedQuery(INSERT_BATCH).execute(traceColumns(tenant, traces)).compose(rows -> {
      if (rows.size() < size) {
        return Future.failedFuture(ApiException.conflict((size - rows.size()) + " of the traces have ids that already exist"));
      }
      List<Row> stored = new ArrayList<>(size);
      rows.forEach(stored::add);
      return Future.succeededFuture(stored);
    });
  }

  /** The tenant ($1) and the traces as one array per column ($2 to $15), as {@link #SENT_TRACES} reads them. */
  private static Tuple traceColumns(UUID tenant, List<TraceValues> traces) {
    int size = traces.size();
    String[][] text = new String[12][size];
    Double[] latencies = new Double[size];
    OffsetDateTime[] starts = new OffsetDateTime[size];
    OffsetDateTime[] ends = new OffsetDateTime[size];
    for (int i = 0; i < size; i++) {
      TraceValues trace = traces.get(i);
      text[0][i] = trace.id();
      text[1][i] = trace.sent().getInferenceResultId();
      text[2][i] = trace.sessionId();
      text[3][i] = trace.sent().getName();
      text[4][i] = trace.type();
      text[5][i] = trace.sent().getDescription();
      text[6][i] = encode(TraceValues.json(trace.sent().getInputData()));
      text[7][i] = encode(TraceValues.json(trace.sent().getOutputData()));
      text[8][i] = trace.sent().getError();
      text[9][i] = encode(TraceValues.json(trace.sent().getMetadata()));
      text[10][i] = trace.sent().getParentTraceId();
      latencies[i] = trace.latencyMs();
      starts[i] = trace.startTime();
      ends[i] = trace.endTime();
    }
    return Tuple.tuple(List.of(tenant, text[0], text[1], text[2], text[3], text[4], text[5], text[6], text[7], text[8],
        latencies, text[9], text[10], starts, ends));
  }

  Future<Row> trace(UUID tenant, String id) {
    return Rows.one(pool.preparedQuery("select " + TRACE_COLUMNS + " from galtea_traces where tenant_id = $1 and trace_id = $2"
        + " and deleted_at is null").execute(Tuple.of(tenant, id)), "Trace " + id + " not found");
  }

  Future<List<Row>> traces(UUID tenant, TraceFilter filter) {
    String sql = "select " + TRACE_COLUMNS + " from galtea_traces where tenant_id = $1 and deleted_at is null"
        + " and ($2::text[] is null or trace_id = any($2)) and ($3::text[] is null or inference_result_id = any($3))"
        + " and ($4::text[] is null or session_id = any($4)) and ($5::text[] is null or type = any($5))"
        + " and ($6::text[] is null or name = any($6)) and ($7::timestamptz is null or start_time >= $7)"
        + " and ($8::timestamptz is null or start_time <= $8)"
        + " order by " + filter.orderBy() + " offset $9 limit $10";
    return Rows.all(pool.preparedQuery(sql).execute(Tuple.tuple(java.util.Arrays.asList(tenant, filter.ids(), filter.inferenceResultIds(),
        filter.sessionIds(), filter.types(), filter.names(), filter.fromStartTime(), filter.toStartTime(), filter.offset(),
        filter.limit()))));
  }

  /** @return whether a live trace was deleted */
  Future<Boolean> softDelete(UUID tenant, String id) {
    return pool.preparedQuery("update galtea_traces set deleted_at = now() where tenant_id = $1 and trace_id = $2 and deleted_at is null")
        .execute(Tuple.of(tenant, id))
        .map(rows -> rows.rowCount() > 0)
        .recover(StoreFailures::translate);
  }

  // ---- helpers ----------------------------------------------------------------------------------------------------

  private static Object jsonValue(Object input) {
    if (input instanceof Map<?, ?> map) {
      return JsonObject.mapFrom(map);
    }
    if (input instanceof List<?> list) {
      return new JsonArray(new ArrayList<>(list));
    }
    return input;
  }

  private static Double decimal(BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }

  private static JsonObject extra(BigDecimal costPerInputToken, BigDecimal costPerOutputToken, BigDecimal costPerCacheRead,
                                  String userId, String simulatorVersion) {
    JsonObject extra = new JsonObject();
    if (costPerInputToken != null) {
      extra.put("costPerInputToken", costPerInputToken.doubleValue());
    }
    if (costPerOutputToken != null) {
      extra.put("costPerOutputToken", costPerOutputToken.doubleValue());
    }
    if (costPerCacheRead != null) {
      extra.put("costPerCacheReadInputToken", costPerCacheRead.doubleValue());
    }
    if (userId != null) {
      extra.put("userId", userId);
    }
    if (simulatorVersion != null) {
      extra.put("conversationSimulatorVersion", simulatorVersion);
    }
    return extra;
  }

  private static String encode(JsonObject json) {
    return json == null ? null : json.encode();
  }
}
