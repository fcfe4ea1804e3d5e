package dev.tracepost.server;

import dev.tracepost.server.config.ServerConfig;
import dev.tracepost.server.ops.ServerVertx;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar tracepost-server.jar [--port P] [--host H] [--data-dir D]}: see the README for the environment. */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) throws InterruptedException {
    ServerConfig config;
    try {
      config = ServerConfig.from(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = ServerVertx.create(registry);
    String host = config.host();
    TracepostServer server;
    try {
      server = TracepostServer.start(vertx, config, registry).await();
    } catch (Exception e) {
      System.err.println("Tracepost could not start: " + e.getMessage());
      vertx.close();
      System.exit(1);
      return;
    }
    System.out.println("Tracepost listening on http://" + host + ":" + server.port() + " (database: " + server.database().description() + ")");
    server.createdKey().ifPresent(key -> System.out.println("Created tenant 'default' with API key " + key
        + " (shown only this once: keep it)"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close(Duration.ofSeconds(30)).eventually(() -> vertx.close()).onComplete(done -> stopped.countDown());
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "tracepost-shutdown"));
  }
}
