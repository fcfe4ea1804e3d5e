package dev.tracepost.contract;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One HTTP server per event loop, all on one port, so that requests are validated and answered on every
 * core (one server answers on one event loop only). Each server takes its request handler from the
 * supplier: a fresh one keeps per-event-loop state (the server's insert queues), a shared one is fine
 * where nothing is kept per event loop (the mock).
 */
public final class PerCoreServers {

  private final Vertx vertx;
  private final String deploymentId;
  private final List<HttpServer> servers;

  private PerCoreServers(Vertx vertx, String deploymentId, List<HttpServer> servers) {
    this.vertx = vertx;
    this.deploymentId = deploymentId;
    this.servers = servers;
  }

  /**
   * @param unreadable answers what the HTTP decoder could not read ({@link UnreadableRequest}, or one that
   *                   also notes it somewhere)
   * @param port       0 for a free port (one, shared by every server)
   */
  public static Future<PerCoreServers> listen(Vertx vertx, Supplier<? extends Handler<HttpServerRequest>> handlers,
                                              Handler<HttpServerRequest> unreadable, HttpServerOptions options, String host,
                                              int port) {
    List<HttpServer> servers = new CopyOnWriteArrayList<>();
    // A negative port makes the servers share one free port; 0 would give each its own.
    int shared = port == 0 ? -1 : port;
    return vertx.deployVerticle(() -> new VerticleBase() {
          @Override
          public Future<?> start() {
            return vertx.createHttpServer(options).requestHandler(handlers.get()).invalidRequestHandler(unreadable)
                .listen(shared, host).onSuccess(servers::add);
          }
        }, new DeploymentOptions().setInstances(Math.max(1, Runtime.getRuntime().availableProcessors())))
        .map(id -> new PerCoreServers(vertx, id, servers));
  }

  public int port() {
    return servers.get(0).actualPort();
  }

  /** Stops taking requests, lets those in flight finish (up to the grace period), then stops the servers. */
  public Future<Void> shutdown(Duration grace) {
    return Future.all(servers.stream().map(server -> server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS)).toList())
        .compose(done -> vertx.undeploy(deploymentId));
  }
}
