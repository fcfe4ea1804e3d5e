package dev.tracepost.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** When the database goes away, requests answer 503 in the vendor's shape; when it returns, the server recovers. */
class DatabaseOutageTest {

  @Test
  void requestsAnswer503WhileTheDatabaseIsAwayAndSucceedAgainAfter() throws InterruptedException {
    try (DatabaseProxy proxy = new DatabaseProxy(TestDatabase.options());
         RunningServer server = RunningServer.start(RunningServer.baseConfig().withDatabase(proxy.options()))) {
      String key = server.newTenantKey();
      Supplier<HttpResponse<Buffer>> ingest = () -> server.send(HttpMethod.GET, "/projects", "Galileo-API-Key", key, null);
      Supplier<HttpResponse<Buffer>> galtea = () -> server.send(HttpMethod.POST, "/traces", "Authorization", "Bearer " + key,
          new JsonObject().put("inferenceResultId", "ir_1").put("name", "n"));
      assertThat(ingest.get().statusCode()).isEqualTo(200);

      proxy.cut();
      HttpResponse<Buffer> galileoDown = ingest.get();
      HttpResponse<Buffer> galteaDown = galtea.get();
      HttpResponse<Buffer> healthDown = server.send(HttpMethod.GET, "/healthz", null, null, null);

      assertThat(galileoDown.statusCode()).as(galileoDown.bodyAsString()).isEqualTo(503);
      assertThat(galileoDown.bodyAsJsonObject().getString("detail")).contains("database");
      assertThat(galteaDown.statusCode()).isEqualTo(503);
      assertThat(galteaDown.bodyAsJsonObject().getString("error")).isEqualTo("ServiceUnavailable");
      assertThat(healthDown.statusCode()).isEqualTo(503);

      proxy.restore();
      HttpResponse<Buffer> back = null;
      for (int attempt = 0; attempt < 50 && (back == null || back.statusCode() != 200); attempt++) {
        Thread.sleep(100);
        back = ingest.get();
      }
      assertThat(back.statusCode()).isEqualTo(200);
      assertThat(server.send(HttpMethod.GET, "/healthz", null, null, null).statusCode()).isEqualTo(200);
      assertThat(server.send(HttpMethod.POST, "/projects", "Galileo-API-Key", key, new JsonObject().put("name", "after"))
          .statusCode()).isEqualTo(200);
    }
  }
}
