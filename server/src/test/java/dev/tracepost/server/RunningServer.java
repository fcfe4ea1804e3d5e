package dev.tracepost.server;

import dev.tracepost.testkit.Await;
import dev.tracepost.server.config.ServerConfig;
import dev.tracepost.server.ops.ServerVertx;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A server started the way Main starts it, on a free port, and a client to talk to it. */
public final class RunningServer implements AutoCloseable {

  public static final String ADMIN_TOKEN = "test-admin-token";

  private final Vertx vertx;
  private final TracepostServer server;
  private final WebClient client;
  private final PrometheusMeterRegistry registry;

  private RunningServer(Vertx vertx, TracepostServer server, PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    this.server = server;
    this.registry = registry;
    this.client = WebClient.create(vertx);
  }

  /** A server on the shared test database. */
  public static RunningServer start() {
    return start(baseConfig().withDatabase(TestDatabase.options()));
  }

  public static ServerConfig baseConfig() {
    return ServerConfig.from(new String[] {"--port", "0", "--host", "127.0.0.1"}, Map.of("TRACEPOST_ADMIN_TOKEN", ADMIN_TOKEN))
        .withBootstrapKey("gsk_bootstrap_for_tests_only");
  }

  public static ServerConfig embeddedConfig(Path dataDir) {
    return ServerConfig.from(new String[] {"--port", "0", "--host", "127.0.0.1", "--data-dir", dataDir.toString()},
        Map.of("TRACEPOST_ADMIN_TOKEN", ADMIN_TOKEN));
  }

  public static RunningServer start(ServerConfig config) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = ServerVertx.create(registry);
    return new RunningServer(vertx, await(TracepostServer.start(vertx, config, registry)), registry);
  }

  public int port() {
    return server.port();
  }

  public TracepostServer server() {
    return server;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** A new tenant, made through the admin API; returns its API key. */
  public String newTenantKey() {
    HttpResponse<Buffer> reply = send(HttpMethod.POST, "/admin/tenants", "Authorization", "Bearer " + ADMIN_TOKEN,
        new JsonObject().put("name", "tenant-" + UUID.randomUUID()));
    if (reply.statusCode() != 201) {
      throw new IllegalStateException("could not create a tenant: " + reply.bodyAsString());
    }
    return reply.bodyAsJsonObject().getString("apiKey");
  }

  public HttpResponse<Buffer> send(HttpMethod method, String path, String header, String value, Object body) {
    HttpRequest<Buffer> request = client.request(method, port(), "127.0.0.1", path);
    if (header != null) {
      request.putHeader(header, value);
    }
    if (body == null) {
      return await(request.send());
    }
    if (body instanceof Buffer buffer) {
      return await(request.putHeader("Content-Type", "application/json").sendBuffer(buffer));
    }
    return await(request.sendJson(body));
  }

  public static <T> T await(Future<T> future) {
    return Await.await(future);
  }

  @Override
  public void close() {
    await(server.close(Duration.ofSeconds(5)));
    await(vertx.close());
  }
}
