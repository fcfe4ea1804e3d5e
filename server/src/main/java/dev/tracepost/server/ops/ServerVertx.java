package dev.tracepost.server.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

/** The Vert.x instance the server runs on, reporting its HTTP and pool metrics to the registry behind /metrics. */
public final class ServerVertx {

  private ServerVertx() {
  }

  public static Vertx create(PrometheusMeterRegistry registry) {
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true).setPublishQuantiles(true))))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }
}
