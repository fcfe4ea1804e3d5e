package dev.tracepost.checks;

import dev.tracepost.checks.engine.CheckResult;
import dev.tracepost.checks.report.Report;
import dev.tracepost.contract.Vendor;
import dev.tracepost.mock.MockOptions;
import dev.tracepost.mock.TracepostMock;
import dev.tracepost.server.TracepostServer;
import dev.tracepost.server.config.ServerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every check both specs imply, against the real server (embedded PostgreSQL) and against the mock: none fails. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractSuiteTest {

  private static final String KEY = "gsk_contract_suite_key";

  private Vertx vertx;

  @BeforeAll
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void theMockKeepsTheContract() {
    try (TracepostMock mock = TracepostMock.start(MockOptions.defaults().withApiKey(KEY))) {
      assertNoFailures(ContractChecks.run(vertx, mock.baseUrl(), KEY, List.of(Vendor.values()), 1));
    }
  }

  @Test
  void theServerKeepsTheContract(@TempDir Path dataDir) throws Exception {
    ServerConfig config = ServerConfig.from(new String[] {"--port", "0", "--host", "127.0.0.1", "--data-dir", dataDir.toString()},
        Map.of("TRACEPOST_BOOTSTRAP_KEY", KEY));
    Vertx serverVertx = Vertx.vertx();
    TracepostServer server = TracepostServer.start(serverVertx, config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
        .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    try {
      assertNoFailures(ContractChecks.run(vertx, "http://127.0.0.1:" + server.port(), KEY, List.of(Vendor.values()), 1));
    } finally {
      server.close(Duration.ofSeconds(5)).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      serverVertx.close();
    }
  }

  private static void assertNoFailures(List<CheckResult> results) {
    Report report = new Report(results);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(results).hasSizeGreaterThan(200);
    assertThat(report.failed()).as(printed.toString(StandardCharsets.UTF_8)).isZero();
  }
}
