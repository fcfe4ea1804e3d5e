package dev.tracepost.server.db;

import dev.tracepost.contract.errors.ApiException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How database failures reach the client. The outage test shows the whole path; which of these forms a
 * dropped connection takes there depends on timing, so each form is pinned down here.
 */
class StoreFailuresTest {

  @Test
  void everyFormOfALostDatabaseIsA503() {
    assertThat(status(new ConnectException("Connection refused"))).isEqualTo(503);
    assertThat(status(ClosedConnectionException.INSTANCE)).isEqualTo(503);
    assertThat(status(new RuntimeException("wrapped", ClosedConnectionException.INSTANCE))).isEqualTo(503);
    assertThat(status(new PgException("terminating connection", "FATAL", "57P01", null))).isEqualTo(503);
  }

  @Test
  void aNameAlreadyTakenIsA409AndOtherFailuresPassThrough() {
    assertThat(status(new PgException("duplicate key", "ERROR", "23505", null), "taken")).isEqualTo(409);
    IllegalStateException other = new IllegalStateException("bug");
    assertThat(StoreFailures.translate(other).cause()).isSameAs(other);
  }

  private static int status(Throwable failure) {
    return status(failure, null);
  }

  private static int status(Throwable failure, String conflictMessage) {
    Throwable translated = StoreFailures.translate(failure, conflictMessage).cause();
    return translated instanceof ApiException api ? api.status() : 500;
  }
}
