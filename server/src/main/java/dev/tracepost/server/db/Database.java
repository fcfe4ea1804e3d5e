package dev.tracepost.server.db;

import io.vertx.pgclient.PgConnectOptions;

/**
 * The PostgreSQL the server uses: where it is, and a closer for the embedded one.
 *
 * @param description what the start-up line says about it
 */
public record Database(PgConnectOptions options, String description, AutoCloseable embedded) {

  public String jdbcUrl() {
    return "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
  }
}
