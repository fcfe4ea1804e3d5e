package dev.tracepost.server.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** What operators and load balancers ask: {@code /healthz} (is the database reachable) and {@code /metrics}. */
public final class OpsApi {

  private OpsApi() {
  }

  public static Router router(Vertx vertx, Pool pool, PrometheusMeterRegistry registry) {
    Router router = Router.router(vertx);
    router.get("/healthz").handler(context -> pool.query("select 1").execute().onComplete(done -> context.response()
        .setStatusCode(done.succeeded() ? 200 : 503)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject()
            .put("status", done.succeeded() ? "ok" : "unavailable")
            .put("database", done.succeeded() ? "reachable" : "unreachable").toBuffer())));
    router.get("/metrics").handler(context -> context.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(registry.scrape()));
    return router;
  }
}
