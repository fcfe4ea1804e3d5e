package dev.tracepost.server.galileo;

import dev.tracepost.contract.galileo.RecordRow;

import dev.tracepost.server.db.Rows;
import dev.tracepost.server.db.StoreFailures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of Galileo's projects, runs (log streams and experiments), sessions and records. */
public final class GalileoStore {

  /** Rows a single INSERT carries: large enough to amortise the round trip, small enough not to stall. */
  private static final int INSERT_CHUNK = 1000;

  private static final String PROJECT_COLUMNS = "project_id, name, type, description, created_at, updated_at";
  private static final String RUN_COLUMNS = "run_id, project_id, name, created_at, updated_at";
  private static final String INSERT_RECORDS = """
      insert into galileo_records (tenant_id, record_id, project_id, run_id, trace_id, parent_id, position, depth, type,
                                   name, session_id, created_at, updated_at, has_children, body)
      select $1, r.id, $2, $3, r.trace_id, r.parent_id, r.position, r.depth, r.type, r.name, r.session_id, r.created_at,
             $4, r.has_children, r.body::jsonb
      from unnest($5::uuid[], $6::uuid[], $7::uuid[], $8::int[], $9::int[], $10::text[], $11::text[], $12::uuid[],
                  $13::timestamptz[], $14::bool[], $15::text[])
           as r(id, trace_id, parent_id, position, depth, type, name, session_id, created_at, has_children, body)
      on conflict (tenant_id, record_id) do update set
        project_id = excluded.project_id, run_id = excluded.run_id, trace_id = excluded.trace_id,
        parent_id = excluded.parent_id, position = excluded.position, depth = excluded.depth, type = excluded.type,
        name = excluded.name, session_id = excluded.session_id, created_at = excluded.created_at,
        updated_at = excluded.updated_at, has_children = excluded.has_children, body = excluded.body""";

  private final Pool pool;

  public GalileoStore(Pool pool) {
    this.pool = pool;
  }

  public Pool pool() {
    return pool;
  }

  // ---- projects -------------------------------------------------------------------------------------------------

  Future<List<Row>> projects(UUID tenant, String name, String type) {
    return Rows.all(pool.preparedQuery("select " + PROJECT_COLUMNS + " from galileo_projects where tenant_id = $1"
            + " and ($2::text is null or name = $2) and ($3::text is null or type = $3) order by created_at, project_id")
        .execute(Tuple.of(tenant, name, type)));
  }

  Future<Row> project(UUID tenant, UUID projectId) {
    return Rows.one(pool.preparedQuery("select " + PROJECT_COLUMNS + " from galileo_projects where tenant_id = $1 and project_id = $2")
        .execute(Tuple.of(tenant, projectId)), "Project " + projectId + " not found");
  }

  Future<Row> createProject(UUID tenant, String name, String type) {
    return pool.preparedQuery("insert into galileo_projects (tenant_id, project_id, name, type) values ($1, $2, $3, $4)"
            + " returning " + PROJECT_COLUMNS)
        .execute(Tuple.of(tenant, UUID.randomUUID(), name, type))
        .map(rows -> rows.iterator().next())
        .recover(failure -> StoreFailures.translate(failure, "A project named " + name + " already exists"));
  }

  // ---- runs: log streams and experiments --------------------------------------------------------------------------

  Future<List<Row>> runs(UUID tenant, UUID projectId, RunKind kind, boolean counts, int offset, int limit) {
    String countColumns = counts
        ? ", (select count(*) from galileo_records x where x.tenant_id = r.tenant_id and x.run_id = r.run_id and x.type = 'trace') as num_traces"
          + ", (select count(*) from galileo_records x where x.tenant_id = r.tenant_id and x.run_id = r.run_id and x.type <> 'trace') as num_spans"
        : ", null::bigint as num_traces, null::bigint as num_spans";
    return Rows.all(pool.preparedQuery("select " + RUN_COLUMNS + countColumns + " from galileo_runs r where tenant_id = $1"
            + " and project_id = $2 and kind = $3 order by created_at, run_id offset $4 limit $5")
        .execute(Tuple.of(tenant, projectId, kind.column(), offset, limit)));
  }

  Future<Row> run(UUID tenant, UUID projectId, RunKind kind, UUID runId) {
    return Rows.one(pool.preparedQuery("select " + RUN_COLUMNS + ", null::bigint as num_traces, null::bigint as num_spans"
            + " from galileo_runs where tenant_id = $1 and project_id = $2 and kind = $3 and run_id = $4")
        .execute(Tuple.of(tenant, projectId, kind.column(), runId)), kind.label() + " " + runId + " not found");
  }

  Future<Row> createRun(UUID tenant, UUID projectId, RunKind kind, String name) {
    return pool.preparedQuery("insert into galileo_runs (tenant_id, run_id, project_id, kind, name) values ($1, $2, $3, $4, $5)"
            + " returning " + RUN_COLUMNS + ", null::bigint as num_traces, null::bigint as num_spans")
        .execute(Tuple.of(tenant, UUID.randomUUID(), projectId, kind.column(), name))
        .map(rows -> rows.iterator().next())
        .recover(failure -> StoreFailures.translate(failure, "A " + kind.label().toLowerCase() + " named " + name + " already exists"));
  }

  /** The project's log stream called {@code default}, where batches naming no destination go. */
  Future<UUID> defaultLogStream(UUID tenant, UUID projectId) {
    return pool.preparedQuery("insert into galileo_runs (tenant_id, run_id, project_id, kind, name) values ($1, $2, $3, 'log_stream', 'default')"
            + " on conflict (tenant_id, project_id, kind, name) do nothing")
        .execute(Tuple.of(tenant, UUID.randomUUID(), projectId))
        .compose(done -> pool.preparedQuery("select run_id from galileo_runs where tenant_id = $1 and project_id = $2"
            + " and kind = 'log_stream' and name = 'default'").execute(Tuple.of(tenant, projectId)))
        .map(rows -> rows.iterator().next().getUUID(0))
        .recover(StoreFailures::translate);
  }

  // ---- sessions -------------------------------------------------------------------------------------------------

  Future<UUID> createSession(UUID tenant, UUID projectId, UUID runId, String name, String externalId, UUID previous,
                             JsonObject userMetadata) {
    UUID id = UUID.randomUUID();
    return pool.preparedQuery("insert into galileo_sessions (tenant_id, session_id, project_id, run_id, name, external_id,"
            + " previous_session_id, user_metadata) values ($1, $2, $3, $4, $5, $6, $7, $8)")
        .execute(Tuple.of(tenant, id, projectId, runId, name, externalId, previous, userMetadata))
        .map(done -> id)
        .recover(failure -> StoreFailures.translate(failure, "A session with external id " + externalId + " already exists"));
  }

  Future<Boolean> sessionExists(UUID tenant, UUID projectId, UUID sessionId) {
    return pool.preparedQuery("select 1 from galileo_sessions where tenant_id = $1 and project_id = $2 and session_id = $3")
        .execute(Tuple.of(tenant, projectId, sessionId))
        .map(rows -> rows.size() > 0)
        .recover(StoreFailures::translate);
  }

  Future<Optional<UUID>> sessionByExternalId(UUID tenant, UUID projectId, String externalId) {
    return pool.preparedQuery("select session_id from galileo_sessions where tenant_id = $1 and project_id = $2 and external_id = $3")
        .execute(Tuple.of(tenant, projectId, externalId))
        .map(rows -> rows.size() == 0 ? Optional.<UUID>empty() : Optional.of(rows.iterator().next().getUUID(0)))
        .recover(StoreFailures::translate);
  }

  // ---- records ----------------------------------------------------------------------------------------------------

  /** Stores the rows (replacing any stored under the same ids) with the given client, in chunks. */
  public static Future<Void> insertRecords(SqlClient client, UUID tenant, UUID projectId, UUID runId, List<RecordRow> rows,
                                    OffsetDateTime now) {
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
      List<RecordRow> chunk = rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK));
      chain = chain.compose(done -> client.preparedQuery(INSERT_RECORDS).execute(recordColumns(tenant, projectId, runId, chunk, now))
          .mapEmpty());
    }
    return chain;
  }

  private static Tuple recordColumns(UUID tenant, UUID projectId, UUID runId, List<RecordRow> chunk, OffsetDateTime now) {
    int size = chunk.size();
    UUID[] ids = new UUID[size];
    UUID[] traceIds = new UUID[size];
    UUID[] parentIds = new UUID[size];
    Integer[] positions = new Integer[size];
    Integer[] depths = new Integer[size];
    String[] types = new String[size];
    String[] names = new String[size];
    UUID[] sessionIds = new UUID[size];
    OffsetDateTime[] createdAts = new OffsetDateTime[size];
    Boolean[] hasChildren = new Boolean[size];
    String[] bodies = new String[size];
    for (int i = 0; i < size; i++) {
      RecordRow row = chunk.get(i);
      ids[i] = row.id();
      traceIds[i] = row.traceId();
      parentIds[i] = row.parentId();
      positions[i] = row.position();
      depths[i] = row.depth();
      types[i] = row.type();
      names[i] = row.name();
      sessionIds[i] = row.sessionId();
      createdAts[i] = row.createdAt();
      hasChildren[i] = row.hasChildren();
      bodies[i] = row.body().encode();
    }
    return Tuple.tuple(List.of(tenant, projectId, runId, now, ids, traceIds, parentIds, positions, depths, types, names,
        sessionIds, createdAts, hasChildren, bodies));
  }

  /** Every record of the trace, ordered so that siblings come in the order they were sent. */
  Future<List<Row>> traceRecords(UUID tenant, UUID projectId, UUID traceId) {
    return Rows.all(pool.preparedQuery("select " + StoredRecords.COLUMNS + " from galileo_records where tenant_id = $1"
            + " and trace_id = $2 and project_id = $3 order by depth, position")
        .execute(Tuple.of(tenant, traceId, projectId)));
  }

  Future<Row> record(UUID tenant, UUID projectId, UUID recordId, String label) {
    return Rows.one(pool.preparedQuery("select " + StoredRecords.COLUMNS + ", depth from galileo_records where tenant_id = $1"
            + " and record_id = $2 and project_id = $3")
        .execute(Tuple.of(tenant, recordId, projectId)), label + " " + recordId + " not found");
  }

  /**
   * The position after the parent's last child, in the caller's transaction. The parent's row is locked
   * first, so that two batches of spans for one parent at once do not both start at the same position:
   * under read committed, the next statement's snapshot, taken once the lock is held, sees the other's rows.
   */
  Future<Integer> nextChildPosition(SqlClient client, UUID tenant, UUID traceId, UUID parentId) {
    return client.preparedQuery("select 1 from galileo_records where tenant_id = $1 and record_id = $2 for update")
        .execute(Tuple.of(tenant, parentId))
        .compose(locked -> client.preparedQuery("select coalesce(max(position) + 1, 0) from galileo_records where tenant_id = $1"
                + " and trace_id = $2 and parent_id = $3")
            .execute(Tuple.of(tenant, traceId, parentId)))
        .map(rows -> rows.iterator().next().getInteger(0));
  }

  static Future<Void> markHasChildren(SqlClient client, UUID tenant, UUID recordId, OffsetDateTime now) {
    return client.preparedQuery("update galileo_records set has_children = true, updated_at = $3 where tenant_id = $1 and record_id = $2")
        .execute(Tuple.of(tenant, recordId, now))
        .mapEmpty();
  }

  /** A page of the run's traces, newest first unless {@code ascending}; one row more than asked tells if more follow. */
  Future<List<Row>> tracePage(UUID tenant, UUID runId, boolean ascending, int offset, int limit) {
    String order = ascending ? "created_at, record_id" : "created_at desc, record_id desc";
    return Rows.all(pool.preparedQuery("select " + StoredRecords.COLUMNS + " from galileo_records where tenant_id = $1"
            + " and run_id = $2 and type = 'trace' order by " + order + " offset $3 limit $4")
        .execute(Tuple.of(tenant, runId, offset, limit + 1)));
  }

  Future<Long> traceCount(UUID tenant, UUID runId) {
    return pool.preparedQuery("select count(*) from galileo_records where tenant_id = $1 and run_id = $2 and type = 'trace'")
        .execute(Tuple.of(tenant, runId))
        .map(rows -> rows.iterator().next().getLong(0))
        .recover(StoreFailures::translate);
  }
}
