package dev.tracepost.checks;

import dev.tracepost.checks.proxy.ValidatingProxy;
import dev.tracepost.mock.TracepostMock;
import dev.tracepost.server.TracepostServer;
import dev.tracepost.server.config.ServerConfig;
import dev.tracepost.testkit.GalileoJsSdk;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The proxy between the published Galileo JS SDK and a service: live traffic checked against the spec. */
class ValidatingProxyTest {

  @Test
  void theSdkThroughTheProxyToTheMockBreaksNothing() {
    try (TracepostMock mock = TracepostMock.start();
         ValidatingProxy proxy = ValidatingProxy.start(mock.baseUrl(), "127.0.0.1", 0, line -> { })) {
      GalileoJsSdk.Run run = GalileoJsSdk.flush("http://127.0.0.1:" + proxy.port(), "any-key", "proxied", "live", 2);

      assertThat(run.exitCode()).as(run.stderr()).isZero();
      assertThat(run.summary().getJsonArray("traces")).hasSize(2);
      assertThat(proxy.exchanges()).isGreaterThanOrEqualTo(6);
      assertThat(proxy.violations()).isEmpty();
      assertThat(mock.galileo().ingestedTraces()).hasSize(2);
    }
  }

  @Test
  void theSdkThroughTheProxyToTheServerBreaksNothing(@TempDir Path dataDir) throws Exception {
    ServerConfig config = ServerConfig.from(new String[] {"--port", "0", "--host", "127.0.0.1", "--data-dir", dataDir.toString()},
        Map.of("TRACEPOST_BOOTSTRAP_KEY", "gsk_proxy_test"));
    Vertx vertx = Vertx.vertx();
    TracepostServer server = TracepostServer.start(vertx, config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
        .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    try (ValidatingProxy proxy = ValidatingProxy.start("http://127.0.0.1:" + server.port(), "127.0.0.1", 0, line -> { })) {
      GalileoJsSdk.Run run = GalileoJsSdk.flush("http://127.0.0.1:" + proxy.port(), "gsk_proxy_test", "proxied", "live", 2);

      assertThat(run.exitCode()).as(run.stderr()).isZero();
      assertThat(run.summary().getJsonArray("traces")).hasSize(2);
      assertThat(proxy.exchanges()).isGreaterThanOrEqualTo(6);
      assertThat(proxy.violations()).isEmpty();
    } finally {
      server.close(Duration.ofSeconds(5)).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      vertx.close();
    }
  }

  @Test
  void violationsInRequestAndReplyAreReportedInAHeaderAndTheReport() {
    List<String> logged = new ArrayList<>();
    try (TracepostMock mock = TracepostMock.start();
         BrokenService broken = new BrokenService(mock.port(), (method, path, body, reply) -> path.equals("/healthcheck")
             ? new BrokenService.Reply(200, reply.headers(), Buffer.buffer("{\"message\": \"ok\"}")) : reply);
         ValidatingProxy proxy = ValidatingProxy.start(broken.baseUrl(), "127.0.0.1", 0, logged::add)) {
      Vertx vertx = Vertx.vertx();
      WebClient client = WebClient.create(vertx);
      HttpResponse<Buffer> health = BrokenService.await(client.get(proxy.port(), "127.0.0.1", "/healthcheck").send());
      HttpResponse<Buffer> invalid = BrokenService.await(client.post(proxy.port(), "127.0.0.1", "/projects")
          .putHeader("Galileo-API-Key", "k").sendJsonObject(new JsonObject().put("name", 5)));
      HttpResponse<Buffer> report = BrokenService.await(client.get(proxy.port(), "127.0.0.1", "/__proxy/report").send());
      BrokenService.await(vertx.close());

      assertThat(health.statusCode()).as("the reply is forwarded as it came").isEqualTo(200);
      assertThat(health.getHeader(ValidatingProxy.HEADER)).contains("reply 200 /api_version").contains("reply 200 /version");
      assertThat(invalid.statusCode()).isEqualTo(422);
      assertThat(invalid.getHeader(ValidatingProxy.HEADER)).contains("request /name");
      assertThat(proxy.violations()).hasSize(2);
      assertThat(report.bodyAsJsonObject().getInteger("exchanges")).isEqualTo(2);
      assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("VIOLATION GET /healthcheck -> 200"));
    }
  }
}
