package dev.tracepost.server;

import dev.tracepost.contract.ContractRouter;
import dev.tracepost.contract.PerCoreServers;
import dev.tracepost.contract.SpecDocument;
import dev.tracepost.contract.Vendor;
import dev.tracepost.contract.errors.UnreadableRequest;
import dev.tracepost.server.admin.AdminApi;
import dev.tracepost.server.auth.Bootstrap;
import dev.tracepost.server.auth.KnownKeys;
import dev.tracepost.server.auth.ServerCredentialCheck;
import dev.tracepost.server.auth.TenantStore;
import dev.tracepost.server.auth.TokenIssuer;
import dev.tracepost.server.config.ServerConfig;
import dev.tracepost.server.db.Database;
import dev.tracepost.server.db.DatabaseStarter;
import dev.tracepost.server.db.Migrations;
import dev.tracepost.server.db.Pools;
import dev.tracepost.server.galileo.GalileoApi;
import dev.tracepost.server.galileo.GalileoStore;
import dev.tracepost.server.galtea.GalteaApi;
import dev.tracepost.server.galtea.GalteaStore;
import dev.tracepost.server.ops.OpsApi;
import dev.tracepost.server.ops.RowsWritten;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The running server. {@link #start} reads as what happens at start: the database (embedded or not),
 * its schema, the pool, the first tenant, both contracts, their routers, and the port.
 */
public final class TracepostServer {

  public static final String VERSION = "0.1.0";

  private final Vertx vertx;
  private final Database database;
  private final Pool pool;
  private final PerCoreServers http;
  private final Optional<String> createdKey;

  private TracepostServer(Vertx vertx, Database database, Pool pool, PerCoreServers http, Optional<String> createdKey) {
    this.vertx = vertx;
    this.database = database;
    this.pool = pool;
    this.http = http;
    this.createdKey = createdKey;
  }

  public static Future<TracepostServer> start(Vertx vertx, ServerConfig config, PrometheusMeterRegistry registry) {
    return DatabaseStarter.start(vertx, config)
        .compose(database -> Migrations.apply(vertx, database))
        .compose(database -> {
          Pool pool = Pools.create(vertx, database, config.poolSize());
          TenantStore tenants = new TenantStore(pool);
          return Bootstrap.run(tenants, config.bootstrapKey()).compose(createdKey -> signingSecret(config, tenants)
              .compose(secret -> {
                TokenIssuer tokens = new TokenIssuer(vertx, secret, config.tokenTtl());
                KnownKeys knownKeys = new KnownKeys(config.keyCacheTtl());
                ServerCredentialCheck credentials = new ServerCredentialCheck(tenants, tokens, knownKeys);
                RowsWritten rowsWritten = new RowsWritten(registry);
                Future<SpecDocument> galileo = SpecDocument.load(vertx, Vendor.GALILEO);
                Future<SpecDocument> galtea = SpecDocument.load(vertx, Vendor.GALTEA);
                return Future.all(galileo, galtea).map(loaded -> (java.util.function.Supplier<VendorDispatcher>) () ->
                    new VendorDispatcher(opsRouter(vertx, config, pool, tenants, knownKeys, registry))
                        .add(galileo.result().contract(), ContractRouter.build(vertx, galileo.result(), config.bodyLimits(), credentials,
                            builder -> GalileoApi.mount(builder, new GalileoStore(pool), tenants, tokens, rowsWritten, VERSION)))
                        .add(galtea.result().contract(), ContractRouter.build(vertx, galtea.result(), config.bodyLimits(), credentials,
                            builder -> GalteaApi.mount(builder, new GalteaStore(pool), rowsWritten))));
              })
              // A dispatcher, its routers and their stores per event loop: the stores' insert queues belong to one.
              .compose(dispatchers -> PerCoreServers.listen(vertx, dispatchers, new UnreadableRequest(),
                  new HttpServerOptions().setCompressionSupported(true),
                  config.host(), config.port()))
              .map(http -> new TracepostServer(vertx, database, pool, http, createdKey)))
              .onFailure(failure -> pool.close());
        });
  }

  private static Router opsRouter(Vertx vertx, ServerConfig config, Pool pool, TenantStore tenants, KnownKeys knownKeys,
                                  PrometheusMeterRegistry registry) {
    Router router = OpsApi.router(vertx, pool, registry);
    config.adminToken().ifPresent(token -> AdminApi.mount(router, tenants, knownKeys, token));
    router.errorHandler(404, context -> context.response().setStatusCode(404).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("detail", "No operation at " + context.request().method() + " " + context.request().path()).toBuffer()));
    return router;
  }

  /** {@code TRACEPOST_JWT_SECRET}, else one kept in the database so that every instance signs alike. */
  private static Future<String> signingSecret(ServerConfig config, TenantStore tenants) {
    if (config.jwtSecret().isPresent()) {
      return Future.succeededFuture(config.jwtSecret().get());
    }
    byte[] random = new byte[48];
    new SecureRandom().nextBytes(random);
    return tenants.setting("jwt_secret", Base64.getEncoder().encodeToString(random));
  }

  public int port() {
    return http.port();
  }

  public Database database() {
    return database;
  }

  /** The key of the tenant {@code default} when this start created it (the first start, with no bootstrap key). */
  public Optional<String> createdKey() {
    return createdKey;
  }

  /** Stops taking requests, lets those in flight finish (up to the grace period), then closes the pool and database. */
  public Future<Void> close(Duration grace) {
    return http.shutdown(grace)
        .compose(done -> pool.close())
        .compose(done -> database.embedded() == null ? Future.succeededFuture()
            : vertx.executeBlocking(() -> {
              database.embedded().close();
              return null;
            }))
        .mapEmpty();
  }

}
