package dev.tracepost.server.db;

import dev.tracepost.contract.errors.ApiException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.util.ArrayList;
import java.util.List;

/** What a query returned, as a list or as the one row a lookup needs (404 when there is none). */
public final class Rows {

  private Rows() {
  }

  public static Future<List<Row>> all(Future<RowSet<Row>> query) {
    return query.<List<Row>>map(rows -> {
      List<Row> list = new ArrayList<>(rows.size());
      rows.forEach(list::add);
      return list;
    }).recover(StoreFailures::translate);
  }

  public static Future<Row> one(Future<RowSet<Row>> query, String notFound) {
    return all(query).compose(rows -> rows.isEmpty()
        ? Future.failedFuture(ApiException.notFound(notFound))
        : Future.succeededFuture(rows.get(0)));
  }
}
