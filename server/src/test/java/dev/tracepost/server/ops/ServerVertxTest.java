package dev.tracepost.server.ops;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** Micrometer's warning at a gauge registered again is dropped once the server's Vert.x is made; its other warnings are not. */
class ServerVertxTest {

  @Test
  void theGaugeReRegistrationFalseAlarmIsDroppedAndOtherWarningsPass() {
    Vertx vertx = ServerVertx.create(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    Logger registryLog = Logger.getLogger("io.micrometer.core.instrument.MeterRegistry");
    List<String> published = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        published.add(record.getMessage());
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    boolean toConsole = registryLog.getUseParentHandlers();
    registryLog.setUseParentHandlers(false);
    registryLog.addHandler(capture);
    try {
      registryLog.log(Level.WARNING, "This Gauge has been already registered (MeterId{name='vertx.net.client.active.connections',"
          + " tags=[]}), the registration will be ignored. Note that subsequent logs will be logged at debug level.");
      registryLog.log(Level.WARNING, "This Timer has been already registered (MeterId{name='t', tags=[]}), the registration will be ignored.");
      registryLog.log(Level.WARNING, "Something else");
    } finally {
      registryLog.removeHandler(capture);
      registryLog.setUseParentHandlers(toConsole);
      vertx.close();
    }

    assertThat(published).containsExactly(
        "This Timer has been already registered (MeterId{name='t', tags=[]}), the registration will be ignored.", "Something else");
  }
}
