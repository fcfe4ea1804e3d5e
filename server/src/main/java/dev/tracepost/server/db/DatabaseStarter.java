package dev.tracepost.server.db;

import dev.tracepost.server.config.ServerConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.time.Duration;

/**
 * Finds the database: the one configured, or an embedded PostgreSQL whose data lives in the data
 * directory and so survives restarts. Starting it is blocking work, done on a worker thread.
 */
public final class DatabaseStarter {

  private DatabaseStarter() {
  }

  public static Future<Database> start(Vertx vertx, ServerConfig config) {
    if (config.database().isPresent()) {
      PgConnectOptions options = config.database().get();
      return Future.succeededFuture(new Database(options,
          "PostgreSQL at " + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase(), null));
    }
    return vertx.executeBlocking(() -> {
      Files.createDirectories(config.dataDir());
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(config.dataDir())
          .setCleanDataDirectory(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setRegisterShutdownHook(false)
          // zonky's defaults are made for throwaway test databases (no fsync, commits acknowledged before
          // they are on disk); this one keeps a team's traces, so a commit is durable when answered.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .start();
      PgConnectOptions options = new PgConnectOptions()
          .setHost("localhost").setPort(postgres.getPort())
          .setDatabase("postgres").setUser("postgres").setPassword("postgres");
      return new Database(options, "embedded PostgreSQL with data in " + config.dataDir().toAbsolutePath().normalize(), postgres);
    });
  }
}
