package dev.tracepost.server.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.flywaydb.core.Flyway;

/** Brings the schema up to date with Flyway. Flyway speaks JDBC only, so this runs on a worker thread. */
public final class Migrations {

  private Migrations() {
  }

  public static Future<Database> apply(Vertx vertx, Database database) {
    return vertx.executeBlocking(() -> {
      Flyway.configure()
          .dataSource(database.jdbcUrl(), database.options().getUser(), database.options().getPassword())
          .locations("classpath:db/migration")
          .load()
          .migrate();
      return database;
    });
  }
}
