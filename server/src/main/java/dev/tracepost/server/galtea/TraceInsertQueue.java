package dev.tracepost.server.galtea;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Galtea's SDKs send traces one request each, so under load many single-trace inserts arrive together.
 * This queue writes those that arrive in the same turn of the event loop, or while earlier statements
 * are running, as one statement and one commit, instead of one of each per trace: the database does a
 * fraction of the work, and a quiet server still writes each trace at once. Each request still gets its
 * own answer, after its own row is committed.
 *
 * <p>A trace the statement did not store (its id taken, its inference result or parent missing, or its
 * parent in the same statement, which a statement cannot see) is tried again alone, so the caller gets
 * exactly what a statement of its own would have given. If the statement fails, every trace is tried
 * alone, and one bad trace fails only its own request.
 *
 * <p>One queue per event loop, used only from it, so it needs no locks. A statement holds traces of one
 * tenant, and each trace id once.
 */
final class TraceInsertQueue {

  /** Rows per statement: enough to absorb any burst a pool of connections sees, small enough to stay quick. */
  static final int MAX_ROWS = 500;
  /** Statements in flight from one event loop; the traces arriving meanwhile wait for the next one. */
  static final int MAX_IN_FLIGHT = 1;

  /** A trace waiting for its statement, and who waits for its row. */
  private record Pending(UUID tenant, TraceValues trace, Promise<Optional<Row>> stored) {
  }

  private final BiFunction<UUID, List<TraceValues>, Future<RowSet<Row>>> insert;
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  private int inFlight;
  private boolean flushScheduled;

  /**
   * @param insert runs one statement for traces of one tenant, returning the rows it stored (by trace id)
   */
  TraceInsertQueue(BiFunction<UUID, List<TraceValues>, Future<RowSet<Row>>> insert) {
    this.insert = insert;
  }

  /** The trace's row once committed, or empty when the statement stored nothing for it. */
  Future<Optional<Row>> insert(UUID tenant, TraceValues trace) {
    Promise<Optional<Row>> stored = Promise.promise();
    waiting.add(new Pending(tenant, trace, stored));
    Context context = Vertx.currentContext();
    if (context == null) {
      flush();
    } else if (!flushScheduled) {
      // Let the requests read in this turn of the event loop join the statement.
      flushScheduled = true;
      context.runOnContext(ignored -> {
        flushScheduled = false;
        flush();
      });
    }
    return stored.future();
  }

  private void flush() {
    while (inFlight < MAX_IN_FLIGHT && !waiting.isEmpty()) {
      List<Pending> statement = nextStatement();
      inFlight++;
      write(statement).onComplete(done -> {
        inFlight--;
        flush();
      });
    }
  }

  /** The oldest waiting trace and those after it of the same tenant, each id once, up to {@link #MAX_ROWS}. */
  private List<Pending> nextStatement() {
    UUID tenant = waiting.peek().tenant();
    List<Pending> statement = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Iterator<Pending> it = waiting.iterator(); it.hasNext() && statement.size() < MAX_ROWS; ) {
      Pending pending = it.next();
      if (pending.tenant().equals(tenant) && ids.add(pending.trace().id())) {
        statement.add(pending);
        it.remove();
      }
    }
    return statement;
  }

  /** Completes every pending trace of the statement; never fails itself. */
  private Future<Void> write(List<Pending> statement) {
    return run(statement).transform(done -> {
      if (done.failed()) {
        if (statement.size() == 1) {
          statement.get(0).stored().fail(done.cause());
          return Future.succeededFuture();
        }
        return Future.all(statement.stream().map(this::alone).toList()).mapEmpty();
      }
      Map<String, Row> rows = done.result();
      List<Future<Void>> retries = new ArrayList<>();
      for (Pending pending : statement) {
        Row row = rows.get(pending.trace().id());
        if (row != null) {
          pending.stored().complete(Optional.of(row));
        } else if (statement.size() == 1) {
          pending.stored().complete(Optional.empty());
        } else {
          retries.add(alone(pending));
        }
      }
      return Future.all(retries).mapEmpty();
    });
  }

  private Future<Void> alone(Pending pending) {
    return write(List.of(pending));
  }

  private Future<Map<String, Row>> run(List<Pending> statement) {
    return insert.apply(statement.get(0).tenant(), statement.stream().map(Pending::trace).toList()).map(rows -> {
      Map<String, Row> byId = new HashMap<>();
      rows.forEach(row -> byId.put(row.getString("trace_id"), row));
      return byId;
    });
  }
}
