package dev.tracepost.checks;

import dev.tracepost.checks.engine.CheckResult;
import dev.tracepost.checks.engine.Problem;
import dev.tracepost.contract.Vendor;
import dev.tracepost.mock.MockOptions;
import dev.tracepost.mock.TracepostMock;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A check that cannot fail is worse than none: each deliberate fault is reported, naming the operation and the rule. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChecksCatchFaultsTest {

  private static final String KEY = "gsk_faults";

  private TracepostMock mock;
  private Vertx vertx;

  @BeforeAll
  void start() {
    mock = TracepostMock.start(MockOptions.defaults().withApiKey(KEY));
    vertx = Vertx.vertx();
  }

  @AfterAll
  void stop() {
    mock.close();
    BrokenService.await(vertx.close());
  }

  @Test
  void anUndocumentedStatusIsReported() {
    List<CheckResult> failures = failuresWith(Vendor.GALILEO, (method, path, body, reply) -> path.equals("/healthcheck")
        ? new BrokenService.Reply(299, reply.headers(), reply.body()) : reply);

    assertThat(failures).anySatisfy(failure -> {
      assertThat(failure.operationId()).isEqualTo("healthcheck");
      assertThat(failure.problems()).extracting(Problem::rule).contains("a documented status");
    });
  }

  @Test
  void aRequiredFieldDroppedFromAReplyIsReportedWithItsPointer() {
    List<CheckResult> failures = failuresWith(Vendor.GALILEO, (method, path, body, reply) -> path.endsWith("/traces")
        && method == HttpMethod.POST && reply.status() == 200 ? rewrite(reply, json -> json.remove("traces_count")) : reply);

    assertThat(failures).anySatisfy(failure -> {
      assertThat(failure.operationId()).isEqualTo("logTraces");
      assertThat(failure.problems()).anySatisfy(problem -> {
        assertThat(problem.rule()).isEqualTo("the documented schema of 200");
        assertThat(problem.pointer()).isEqualTo("/traces_count");
      });
    });
  }

  @Test
  void aValueOfTheWrongTypeInAReplyIsReported() {
    List<CheckResult> failures = failuresWith(Vendor.GALTEA, (method, path, body, reply) -> path.equals("/traces")
        && method == HttpMethod.POST && reply.status() == 201 ? rewrite(reply, json -> json.put("latencyMs", "forty-five")) : reply);

    assertThat(failures).anySatisfy(failure -> {
      assertThat(failure.operationId()).isEqualTo("createTrace");
      assertThat(failure.problems()).anySatisfy(problem -> assertThat(problem.pointer()).isEqualTo("/latencyMs"));
    });
  }

  @Test
  void aServiceThatAcceptsAnInvalidRequestIsReported() {
    List<CheckResult> failures = failuresWith(Vendor.GALILEO, (method, path, body, reply) -> path.equals("/projects")
        && method == HttpMethod.POST && reply.status() == 422
        ? new BrokenService.Reply(200, reply.headers(), new JsonObject().put("id", "11111111-1111-4111-8111-111111111111")
            .put("name", "accepted").put("type", "gen_ai").put("created_at", "2026-11-21T00:00:00Z")
            .put("updated_at", "2026-11-21T00:00:00Z").toBuffer())
        : reply);

    assertThat(failures).anySatisfy(failure -> {
      assertThat(failure.operationId()).isEqualTo("createProject");
      assertThat(failure.name()).startsWith("invalid request");
      assertThat(failure.problems()).extracting(Problem::rule).contains("a [400, 422] reply to an invalid request");
    });
  }

  @Test
  void aServiceThatLosesWhatWasPostedIsReported() {
    List<CheckResult> failures = failuresWith(Vendor.GALTEA, (method, path, body, reply) -> method == HttpMethod.GET
        && path.startsWith("/traces/") && reply.status() == 200 ? rewrite(reply, json -> json.put("inputData", new JsonObject())) : reply);

    assertThat(failures).anySatisfy(failure -> {
      assertThat(failure.operationId()).isEqualTo("createTrace");
      assertThat(failure.name()).startsWith("link GetTraceById");
      assertThat(failure.problems()).anySatisfy(problem -> {
        assertThat(problem.rule()).isEqualTo("what was sent reads back the same");
        assertThat(problem.pointer()).startsWith("/inputData");
      });
    });
  }

  @Test
  void theUnbrokenMockPassesTheSameChecks() {
    assertThat(failuresWith(Vendor.GALTEA, (method, path, body, reply) -> reply)).isEmpty();
  }

  private List<CheckResult> failuresWith(Vendor vendor, BrokenService.Fault fault) {
    try (BrokenService broken = new BrokenService(mock.port(), fault)) {
      return ContractChecks.run(vertx, broken.baseUrl(), KEY, List.of(vendor), 7).stream().filter(result -> !result.passed()).toList();
    }
  }

  private static BrokenService.Reply rewrite(BrokenService.Reply reply, java.util.function.Consumer<JsonObject> change) {
    JsonObject json = reply.body().toJsonObject();
    change.accept(json);
    return new BrokenService.Reply(reply.status(), reply.headers(), Buffer.buffer(json.encode()));
  }
}
