package dev.tracepost.server.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** The reactive connection pool: prepared statements cached, requests pipelined. */
public final class Pools {

  private Pools() {
  }

  public static Pool create(Vertx vertx, Database database, int size) {
    PgConnectOptions options = new PgConnectOptions(database.options())
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(512)
        .setPipeliningLimit(256);
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setName("tracepost"))
        .connectingTo(options)
        .using(vertx)
        .build();
  }
}
