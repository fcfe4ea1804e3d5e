package dev.tracepost.server;

import dev.tracepost.server.config.ServerConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One HTTP server per event loop, all on the same port. Vert.x validates a request as ordered blocking
 * work of the context that received it, so one context would validate one request at a time; with one
 * context per core, validation uses every core.
 */
final class HttpVerticle extends VerticleBase {

  private final Supplier<VendorDispatcher> dispatchers;
  private final ServerConfig config;
  private final List<HttpServer> started;

  private HttpVerticle(Supplier<VendorDispatcher> dispatchers, ServerConfig config, List<HttpServer> started) {
    this.dispatchers = dispatchers;
    this.config = config;
    this.started = started;
  }

  /** The servers of a deployment: the port they share, and how to stop them gracefully. */
  record Deployed(List<HttpServer> servers) {

    int port() {
      return servers.get(0).actualPort();
    }

    Future<Void> shutdown(Duration grace) {
      return Future.all(servers.stream().map(server -> server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS)).toList()).mapEmpty();
    }
  }

  static Future<Deployed> deploy(Vertx vertx, Supplier<VendorDispatcher> dispatchers, ServerConfig config) {
    List<HttpServer> servers = new CopyOnWriteArrayList<>();
    int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
    return vertx.deployVerticle(() -> new HttpVerticle(dispatchers, config, servers), new DeploymentOptions().setInstances(instances))
        .map(id -> new Deployed(servers));
  }

  @Override
  public Future<?> start() {
    // A negative port shares one random port among the instances; 0 would give each its own.
    int port = config.port() == 0 ? -1 : config.port();
    return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
        .requestHandler(dispatchers.get())
        .listen(port, config.host())
        .onSuccess(started::add);
  }

}
