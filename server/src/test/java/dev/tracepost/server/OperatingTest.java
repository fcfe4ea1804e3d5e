package dev.tracepost.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator relies on: restarts keep data, the first key, the admin API, health and metrics, several instances. */
class OperatingTest {

  @Test
  void theEmbeddedDatabaseKeepsDataAcrossRestartsAndTheFirstStartMakesAKeyOnce(@TempDir Path dataDir) throws Exception {
    String key;
    String project;
    try (RunningServer first = RunningServer.start(RunningServer.embeddedConfig(dataDir))) {
      assertThat(setting(first, "fsync")).as("a commit is on disk when answered").isEqualTo("on");
      assertThat(setting(first, "synchronous_commit")).isEqualTo("on");
      key = first.server().createdKey().orElseThrow();
      project = first.send(HttpMethod.POST, "/projects", "Galileo-API-Key", key, new JsonObject().put("name", "kept"))
          .bodyAsJsonObject().getString("id");
    }
    try (RunningServer second = RunningServer.start(RunningServer.embeddedConfig(dataDir))) {
      HttpResponse<Buffer> kept = second.send(HttpMethod.GET, "/projects/" + project, "Galileo-API-Key", key, null);

      assertThat(kept.statusCode()).isEqualTo(200);
      assertThat(kept.bodyAsJsonObject().getString("name")).isEqualTo("kept");
      assertThat(second.server().createdKey()).as("only the first start makes a key").isEmpty();
    }
  }

  private static String setting(RunningServer server, String name) throws java.sql.SQLException {
    try (var connection = java.sql.DriverManager.getConnection(server.server().database().jdbcUrl(), "postgres", "postgres");
         var result = connection.createStatement().executeQuery("show " + name)) {
      result.next();
      return result.getString(1);
    }
  }

  @Test
  void aTokenFromOneInstanceWorksOnAnotherSharingTheDatabase() {
    try (RunningServer one = RunningServer.start(); RunningServer two = RunningServer.start()) {
      String key = one.newTenantKey();
      String token = one.send(HttpMethod.POST, "/login/api_key", null, null, new JsonObject().put("api_key", key))
          .bodyAsJsonObject().getString("access_token");

      HttpResponse<Buffer> elsewhere = two.send(HttpMethod.GET, "/current_user", "Authorization", "Bearer " + token, null);

      assertThat(elsewhere.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aKeyDeletedOnOneInstanceStopsWorkingOnAnotherWithinTheKeyCacheLifetime() throws InterruptedException {
    var config = dev.tracepost.server.config.ServerConfig.from(new String[] {"--port", "0", "--host", "127.0.0.1"},
        java.util.Map.of("TRACEPOST_ADMIN_TOKEN", RunningServer.ADMIN_TOKEN, "TRACEPOST_KEY_CACHE_SECONDS", "1"))
        .withDatabase(TestDatabase.options());
    try (RunningServer one = RunningServer.start(config); RunningServer two = RunningServer.start(config)) {
      String key = one.newTenantKey();
      assertThat(two.send(HttpMethod.GET, "/projects", "Galileo-API-Key", key, null).statusCode()).isEqualTo(200);

      one.send(HttpMethod.DELETE, "/admin/keys/" + key.substring(0, 12), "Authorization", "Bearer " + RunningServer.ADMIN_TOKEN, null);
      Thread.sleep(1_100);

      assertThat(two.send(HttpMethod.GET, "/projects", "Galileo-API-Key", key, null).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void theAdminApiManagesTenantsAndKeys() {
    try (RunningServer server = RunningServer.start()) {
      String admin = "Bearer " + RunningServer.ADMIN_TOKEN;
      String name = "acme-" + System.nanoTime();
      JsonObject tenant = server.send(HttpMethod.POST, "/admin/tenants", "Authorization", admin, new JsonObject().put("name", name))
          .bodyAsJsonObject();
      HttpResponse<Buffer> second = server.send(HttpMethod.POST, "/admin/tenants/" + name + "/keys", "Authorization", admin, null);
      String secondKey = second.bodyAsJsonObject().getString("apiKey");

      assertThat(tenant.getString("tenant")).isEqualTo(name);
      assertThat(tenant.getString("apiKey")).startsWith("gsk_");
      assertThat(second.statusCode()).isEqualTo(201);
      assertThat(server.send(HttpMethod.GET, "/projects", "Galileo-API-Key", secondKey, null).statusCode()).isEqualTo(200);
      assertThat(server.send(HttpMethod.GET, "/traces?ids=x", "Authorization", "Bearer " + secondKey, null).statusCode()).isEqualTo(200);

      HttpResponse<Buffer> deleted = server.send(HttpMethod.DELETE, "/admin/keys/" + secondKey.substring(0, 12), "Authorization", admin, null);

      assertThat(deleted.statusCode()).isEqualTo(204);
      assertThat(server.send(HttpMethod.GET, "/projects", "Galileo-API-Key", secondKey, null).statusCode()).isEqualTo(401);
      assertThat(server.send(HttpMethod.GET, "/projects", "Galileo-API-Key", tenant.getString("apiKey"), null).statusCode()).isEqualTo(200);
      assertThat(server.send(HttpMethod.POST, "/admin/tenants", "Authorization", admin, new JsonObject().put("name", name)).statusCode())
          .isEqualTo(409);
      assertThat(server.send(HttpMethod.POST, "/admin/tenants/nobody-" + name + "/keys", "Authorization", admin, null).statusCode())
          .isEqualTo(404);
      assertThat(server.send(HttpMethod.POST, "/admin/tenants", "Authorization", "Bearer wrong", new JsonObject().put("name", "x"))
          .statusCode()).isEqualTo(401);
      assertThat(server.send(HttpMethod.POST, "/admin/tenants", null, null, new JsonObject().put("name", "x")).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void revokingAKeyRevokesTheTokensIssuedForIt() {
    try (RunningServer server = RunningServer.start()) {
      String key = server.newTenantKey();
      String token = server.send(HttpMethod.POST, "/login/api_key", null, null, new JsonObject().put("api_key", key))
          .bodyAsJsonObject().getString("access_token");

      server.send(HttpMethod.DELETE, "/admin/keys/" + key.substring(0, 12), "Authorization", "Bearer " + RunningServer.ADMIN_TOKEN, null);

      assertThat(server.send(HttpMethod.GET, "/current_user", "Authorization", "Bearer " + token, null).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void theAdminApiIsOffWithoutAnAdminToken() {
    var config = RunningServer.baseConfig().withDatabase(TestDatabase.options());
    var noAdmin = new dev.tracepost.server.config.ServerConfig(config.host(), config.port(), config.dataDir(), config.database(),
        config.bodyLimits(), config.poolSize(), config.bootstrapKey(), java.util.Optional.empty(), config.jwtSecret(), config.tokenTtl(),
        config.keyCacheTtl());
    try (RunningServer server = RunningServer.start(noAdmin)) {
      HttpResponse<Buffer> reply = server.send(HttpMethod.POST, "/admin/tenants", "Authorization", "Bearer " + RunningServer.ADMIN_TOKEN,
          new JsonObject().put("name", "x"));

      assertThat(reply.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void healthAndMetricsAreServed() {
    try (RunningServer server = RunningServer.start()) {
      String key = server.newTenantKey();
      String project = server.send(HttpMethod.POST, "/projects", "Galileo-API-Key", key, new JsonObject().put("name", "m"))
          .bodyAsJsonObject().getString("id");
      server.send(HttpMethod.POST, "/projects/" + project + "/traces", "Galileo-API-Key", key,
          new JsonObject().put("traces", new io.vertx.core.json.JsonArray().add(new JsonObject().put("name", "t"))));

      HttpResponse<Buffer> health = server.send(HttpMethod.GET, "/healthz", null, null, null);
      String metrics = server.send(HttpMethod.GET, "/metrics", null, null, null).bodyAsString();

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.bodyAsJsonObject().getString("database")).isEqualTo("reachable");
      assertThat(metrics).contains("tracepost_rows_written_total{table=\"galileo_records\"}");
      assertThat(metrics).contains("vertx_http_server_requests_total");
      assertThat(metrics).contains("vertx_http_server_response_time_seconds");
    }
  }

  @Test
  void anUnknownPathAnswersAJson404() {
    try (RunningServer server = RunningServer.start()) {
      HttpResponse<Buffer> reply = server.send(HttpMethod.GET, "/nothing/here", null, null, null);

      assertThat(reply.statusCode()).isEqualTo(404);
      assertThat(reply.bodyAsJsonObject().getString("detail")).contains("/nothing/here");
    }
  }
}
