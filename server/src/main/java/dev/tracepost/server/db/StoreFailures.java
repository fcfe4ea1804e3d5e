package dev.tracepost.server.db;

import dev.tracepost.contract.errors.ApiException;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.net.ConnectException;

/**
 * What a database failure means to the client: a name already taken is a 409, a database that cannot
 * be reached a 503 (and the server keeps running, so it recovers when the database is back).
 */
public final class StoreFailures {

  private static final String UNIQUE_VIOLATION = "23505";

  private StoreFailures() {
  }

  public static <T> Future<T> translate(Throwable failure, String conflictMessage) {
    if (failure instanceof ApiException) {
      return Future.failedFuture(failure);
    }
    if (failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()) && conflictMessage != null) {
      return Future.failedFuture(ApiException.conflict(conflictMessage));
    }
    if (isUnreachable(failure)) {
      return Future.failedFuture(new ApiException(503, "ServiceUnavailable", "The database is not reachable; try again shortly"));
    }
    return Future.failedFuture(failure);
  }

  public static <T> Future<T> translate(Throwable failure) {
    return translate(failure, null);
  }

  private static boolean isUnreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof ClosedConnectionException || cause instanceof io.vertx.core.VertxException
          && String.valueOf(cause.getMessage()).toLowerCase().contains("closed")) {
        return true;
      }
      if (cause instanceof PgException pg && pg.getSqlState() != null
          && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
