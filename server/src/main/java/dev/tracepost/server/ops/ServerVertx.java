package dev.tracepost.server.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

import java.util.logging.Logger;

/** The Vert.x instance the server runs on, reporting its HTTP and pool metrics to the registry behind /metrics. */
public final class ServerVertx {

  /**
   * vertx-micrometer registers a gauge again for every connection or queue that shares it, and keeps one
   * counter per gauge, so the values are right (vert-x3/vertx-micrometer-metrics#259). Micrometer warns at
   * a gauge's second registration, which came at every start of the server (the second database
   * connection): a false alarm here (micrometer-metrics/micrometer#6931), so that one message is dropped
   * and the registry's other warnings pass. Held in a field: java.util.logging keeps loggers weakly, and
   * would forget the filter.
   */
  private static final Logger REGISTRY_LOG = withoutGaugeReRegistrationWarnings(Logger.getLogger(MeterRegistry.class.getName()));

  private ServerVertx() {
  }

  public static Vertx create(PrometheusMeterRegistry registry) {
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true).setPublishQuantiles(true))))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }

  private static Logger withoutGaugeReRegistrationWarnings(Logger logger) {
    logger.setFilter(record -> record.getMessage() == null || !record.getMessage().startsWith("This Gauge has been already registered"));
    return logger;
  }
}
