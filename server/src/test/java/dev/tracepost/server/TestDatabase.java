package dev.tracepost.server;

import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The real PostgreSQL the tests store into: the one {@code DATABASE_URL} names, or else one embedded
 * PostgreSQL shared by every test of the run. Tests keep out of each other's way by each using tenants
 * of their own, which the server isolates.
 */
public final class TestDatabase {

  private static PgConnectOptions options;

  private TestDatabase() {
  }

  public static synchronized PgConnectOptions options() {
    if (options == null) {
      String url = System.getenv("DATABASE_URL");
      options = url != null && !url.isBlank() ? PgConnectOptions.fromUri(url) : embedded();
    }
    return new PgConnectOptions(options);
  }

  private static PgConnectOptions embedded() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(Files.createTempDirectory("tracepost-test-db"))
          .setCleanDataDirectory(true)
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException ignored) {
          // the JVM is going away; the temporary directory goes with the machine's cleanup
        }
      }));
      return new PgConnectOptions().setHost("localhost").setPort(postgres.getPort())
          .setDatabase("postgres").setUser("postgres").setPassword("postgres");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
