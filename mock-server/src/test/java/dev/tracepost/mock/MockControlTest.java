package dev.tracepost.mock;

import dev.tracepost.contract.ContractRouter;
import dev.tracepost.contract.Vendor;
import dev.tracepost.mock.control.Expectation;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a test can ask of the mock: the journal, expectations, Prefer, faults and reset, over HTTP and in Java. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MockControlTest {

  private static final String PROJECT = "/projects/11111111-1111-4111-8111-111111111111";

  private TracepostMock mock;
  private Http http;
  private Vertx vertx;

  @BeforeAll
  void start() {
    mock = TracepostMock.start();
    http = new Http(mock.port());
    vertx = Vertx.vertx();
  }

  @AfterAll
  void stop() {
    http.close();
    mock.close();
    Http.await(vertx.close());
  }

  @BeforeEach
  void reset() {
    assertThat(http.send(HttpMethod.POST, "/__mock/reset", Map.of(), null).statusCode()).isEqualTo(204);
  }

  @Test
  void theJournalKeepsEveryRequestMatchedOrNotWithItsOutcome() {
    http.galileo(HttpMethod.GET, "/healthcheck", null);
    http.galileo(HttpMethod.POST, "/v2/projects", new JsonObject().put("name", 5));
    http.galileo(HttpMethod.GET, "/nowhere", null);
    http.galtea(HttpMethod.GET, "/minimum-sdk-version", null);

    JsonArray all = http.send(HttpMethod.GET, "/__mock/requests", Map.of(), null).bodyAsJsonArray();
    JsonArray projects = http.send(HttpMethod.GET, "/__mock/requests?operationId=createProject", Map.of(), null).bodyAsJsonArray();
    JsonArray galtea = http.send(HttpMethod.GET, "/__mock/requests?vendor=galtea", Map.of(), null).bodyAsJsonArray();

    assertThat(all).hasSize(4);
    JsonObject invalid = projects.getJsonObject(0);
    assertThat(invalid.getString("operationId")).isEqualTo("createProjectV2");
    assertThat(invalid.getString("canonicalOperationId")).isEqualTo("createProject");
    assertThat(invalid.getInteger("status")).isEqualTo(422);
    assertThat(invalid.getJsonObject("body")).isEqualTo(new JsonObject().put("name", 5));
    assertThat(invalid.getJsonObject("headers").getString("Galileo-API-Key")).isEqualTo("any-key");
    assertThat(invalid.getJsonArray("validationErrors").getJsonObject(0).getString("pointer")).isEqualTo("/name");
    JsonObject unmatched = all.getJsonObject(2);
    assertThat(unmatched.getValue("operationId")).isNull();
    assertThat(unmatched.getInteger("status")).isEqualTo(404);
    assertThat(galtea).hasSize(1);

    assertThat(http.send(HttpMethod.DELETE, "/__mock/requests", Map.of(), null).statusCode()).isEqualTo(204);
    assertThat(http.send(HttpMethod.GET, "/__mock/requests", Map.of(), null).bodyAsJsonArray()).isEmpty();
  }

  @Test
  void theJournalKeepsTheQueryDecodedAndTheHeadersAsSent() {
    http.galileo(HttpMethod.GET, "/projects?project_name=a%20b&project_name=c%3Ad", null);

    JsonObject journaled = http.send(HttpMethod.GET, "/__mock/requests", Map.of(), null).bodyAsJsonArray().getJsonObject(0);
    assertThat(journaled.getJsonObject("query")).isEqualTo(new JsonObject().put("project_name", new JsonArray().add("a b").add("c:d")));
    assertThat(journaled.getJsonObject("headers").getString("Galileo-API-Key")).isEqualTo("any-key");
    assertThat(journaled.getJsonObject("headers").getString("host")).startsWith("127.0.0.1:");
  }

  @Test
  void aRequestWhoseQueryCannotBeDecodedIsAnsweredAndJournaled() {
    HttpResponse<Buffer> reply = http.galtea(HttpMethod.GET, "/traces?ids=%zz", null);

    assertThat(reply.statusCode()).isEqualTo(400);
    JsonObject journaled = http.send(HttpMethod.GET, "/__mock/requests", Map.of(), null).bodyAsJsonArray().getJsonObject(0);
    assertThat(journaled.getInteger("status")).isEqualTo(400);
    assertThat(journaled.getJsonArray("validationErrors").getJsonObject(0).getString("pointer")).isEqualTo("query:");
    assertThat(journaled.getJsonObject("query")).isEmpty();
  }

  @Test
  void aRequestTheDecoderCannotReadIsAnsweredInBothShapesAndJournaled() throws Exception {
    String reply;
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", mock.port())) {
      socket.getOutputStream().write(("GET /traces?q=" + "x".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      reply = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    assertThat(reply).matches("(?s)HTTP/1\\.[01] 414 .*");
    JsonObject body = new JsonObject(reply.substring(reply.indexOf("\r\n\r\n") + 4));
    assertThat(body.fieldNames()).contains("detail", "error", "message");
    JsonObject journaled = http.send(HttpMethod.GET, "/__mock/requests", Map.of(), null).bodyAsJsonArray().getJsonObject(0);
    assertThat(journaled.getInteger("status")).isEqualTo(414);
    assertThat(journaled.getString("operationId")).isNull();
  }

  @Test
  void theJournalNeverHoldsMoreThanItsSize() {
    try (TracepostMock small = TracepostMock.start(MockOptions.defaults().withJournalSize(5));
         Http client = new Http(small.port())) {
      for (int i = 0; i < 40; i++) {
        client.galileo(HttpMethod.GET, "/projects?project_name=p" + i, null);
      }

      assertThat(small.requests()).hasSize(5);
      assertThat(small.requests().get(4).sequence()).isEqualTo(40);
      assertThat(small.requests().get(0).sequence()).isEqualTo(36);
    }
  }

  @Test
  void anExpectationOverridesTheNextAnswersOverHttp() {
    JsonObject expectation = new JsonObject().put("operationId", "listProjects").put("times", 2).put("status", 503)
        .put("body", new JsonObject().put("detail", "down for maintenance")).put("headers", new JsonObject().put("Retry-After", "5"));
    assertThat(http.send(HttpMethod.POST, "/__mock/expectations", Map.of(), expectation).statusCode()).isEqualTo(201);

    HttpResponse<Buffer> first = http.galileo(HttpMethod.GET, "/projects", null);
    HttpResponse<Buffer> second = http.galileo(HttpMethod.GET, "/v2/projects", null);
    HttpResponse<Buffer> third = http.galileo(HttpMethod.GET, "/projects", null);

    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(first.getHeader("Retry-After")).isEqualTo("5");
    assertThat(first.bodyAsJsonObject().getString("detail")).isEqualTo("down for maintenance");
    assertThat(second.statusCode()).as("both path forms are the same operation").isEqualTo(503);
    assertThat(third.statusCode()).isEqualTo(200);
  }

  @Test
  void anExpectationWithoutABodyAnswersTheSpecsExampleForItsStatus() {
    mock.expect(Expectation.answer("createTrace", 409));

    HttpResponse<Buffer> reply = http.galtea(HttpMethod.POST, "/traces", new JsonObject().put("inferenceResultId", "ir_1").put("name", "n"));

    assertThat(reply.statusCode()).isEqualTo(409);
    assertThat(reply.bodyAsJsonObject().getString("error")).isEqualTo("Conflict");
  }

  @Test
  void expectationsCanDelayAndBreakTheConnection() {
    mock.expect(Expectation.answer("healthcheck", 200).delayMs(300).times(1));
    long started = System.nanoTime();
    HttpResponse<Buffer> slow = http.galileo(HttpMethod.GET, "/healthcheck", null);
    long tookMs = (System.nanoTime() - started) / 1_000_000;

    mock.expect(Expectation.fault("healthcheck", "connection_reset").times(1));
    mock.expect(Expectation.fault("getCurrentUser", "empty_response").times(1));

    assertThat(slow.statusCode()).isEqualTo(200);
    assertThat(tookMs).isGreaterThanOrEqualTo(300);
    assertThat(http.attempt(HttpMethod.GET, "/healthcheck", Map.of(), null).toCompletionStage().toCompletableFuture())
        .failsWithin(java.time.Duration.ofSeconds(10));
    assertThat(http.attempt(HttpMethod.GET, "/current_user", Map.of("Galileo-API-Key", "k"), null).toCompletionStage().toCompletableFuture())
        .failsWithin(java.time.Duration.ofSeconds(10));
    assertThat(http.galileo(HttpMethod.GET, "/healthcheck", null).statusCode()).as("a fault used once is gone").isEqualTo(200);
  }

  @Test
  void aMalformedExpectationIsRefusedAndExpectationsCanBeCleared() {
    HttpResponse<Buffer> bad = http.send(HttpMethod.POST, "/__mock/expectations", Map.of(), new JsonObject().put("status", 500));
    http.send(HttpMethod.POST, "/__mock/expectations", Map.of(), new JsonObject().put("operationId", "healthcheck").put("status", 500));

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("message")).contains("operationId");
    assertThat(http.galileo(HttpMethod.GET, "/healthcheck", null).statusCode()).isEqualTo(500);
    assertThat(http.send(HttpMethod.DELETE, "/__mock/expectations", Map.of(), null).statusCode()).isEqualTo(204);
    assertThat(http.galileo(HttpMethod.GET, "/healthcheck", null).statusCode()).isEqualTo(200);
  }

  @Test
  void preferPicksTheStatusTheExampleOrAGeneratedBody() {
    JsonObject trace = new JsonObject().put("inferenceResultId", "ir_1").put("name", "n");
    HttpResponse<Buffer> code = http.send(HttpMethod.POST, "/traces", Map.of("Authorization", "Bearer k", "Prefer", "code=404"), trace);
    HttpResponse<Buffer> example = http.send(HttpMethod.POST, "/traces", Map.of("Authorization", "Bearer k", "Prefer", "example=created"), trace);
    HttpResponse<Buffer> dynamic = http.send(HttpMethod.POST, "/projects/11111111-1111-4111-8111-111111111111/traces/count",
        Map.of("Galileo-API-Key", "k", "Prefer", "dynamic=true"), new JsonObject().put("log_stream_id", "22222222-2222-4222-8222-222222222222"));
    HttpResponse<Buffer> undocumented = http.send(HttpMethod.POST, "/traces", Map.of("Authorization", "Bearer k", "Prefer", "code=418"), trace);

    assertThat(code.statusCode()).isEqualTo(404);
    assertThat(code.bodyAsJsonObject().getString("error")).isEqualTo("NotFound");
    assertThat(example.statusCode()).isEqualTo(201);
    assertThat(example.bodyAsJsonObject().getString("id")).isEqualTo("trace_0b8e6f2a9d4c4b7e8f1a2b3c4d5e6f70");
    assertThat(dynamic.statusCode()).isEqualTo(200);
    assertDocumented(Vendor.GALILEO, "countTraces", dynamic);
    assertThat(undocumented.statusCode()).isEqualTo(400);
    assertThat(undocumented.bodyAsJsonObject().getString("message")).contains("418");
  }

  @Test
  void anInvalidRequestIsRejectedInTheVendorsShapeEvenWithAnExpectation() {
    mock.expect(Expectation.answer("logTraces", 200));

    HttpResponse<Buffer> reply = http.galileo(HttpMethod.POST, PROJECT + "/traces",
        new JsonObject().put("traces", new JsonArray().add(new JsonObject().put("type", "trace")
            .put("spans", new JsonArray().add(new JsonObject().put("type", "chain"))))));

    assertThat(reply.statusCode()).isEqualTo(422);
    assertThat(reply.bodyAsJsonObject().getJsonArray("detail").getJsonObject(0).getJsonArray("loc"))
        .isEqualTo(new JsonArray().add("body").add("traces").add(0).add("spans").add(0).add("type"));
  }

  @Test
  void anUnknownPathNamesTheClosestOperations() {
    HttpResponse<Buffer> reply = http.galileo(HttpMethod.POST, PROJECT + "/trace", new JsonObject());

    assertThat(reply.statusCode()).isEqualTo(404);
    assertThat(reply.bodyAsJsonObject().getJsonArray("closestOperations").getJsonObject(0).getString("operationId"))
        .isEqualTo("logTraces");
    assertThat(reply.bodyAsJsonObject().getString("detail")).contains("/projects/{project_id}/traces");
  }

  @Test
  void withAnApiKeyOnlyThatKeyIsAccepted() {
    try (TracepostMock strict = TracepostMock.start(MockOptions.defaults().withApiKey("gsk_only"));
         Http client = new Http(strict.port())) {
      HttpResponse<Buffer> wrong = client.send(HttpMethod.GET, "/projects", Map.of("Galileo-API-Key", "gsk_other"), null);
      HttpResponse<Buffer> wrongGaltea = client.send(HttpMethod.GET, "/traces?ids=t", Map.of("Authorization", "Bearer gsk_other"), null);
      HttpResponse<Buffer> login = client.send(HttpMethod.POST, "/login/api_key", Map.of(), new JsonObject().put("api_key", "gsk_only"));
      HttpResponse<Buffer> badLogin = client.send(HttpMethod.POST, "/login/api_key", Map.of(), new JsonObject().put("api_key", "nope"));
      String token = login.bodyAsJsonObject().getString("access_token");

      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.bodyAsJsonObject().getString("detail")).isNotBlank();
      assertThat(wrongGaltea.statusCode()).isEqualTo(401);
      assertThat(wrongGaltea.bodyAsJsonObject().getString("error")).isEqualTo("Unauthorized");
      assertThat(badLogin.statusCode()).isEqualTo(401);
      assertThat(client.send(HttpMethod.GET, "/projects", Map.of("Splunk-AO-API-Key", "gsk_only"), null).statusCode()).isEqualTo(200);
      assertThat(client.send(HttpMethod.GET, "/projects", Map.of("Authorization", "Bearer " + token), null).statusCode()).isEqualTo(200);
      assertThat(client.send(HttpMethod.GET, "/traces?ids=t", Map.of("Authorization", "Bearer gsk_only"), null).statusCode()).isEqualTo(200);
    }
  }

  private void assertDocumented(Vendor vendor, String operationId, HttpResponse<Buffer> reply) {
    OpenAPIContract contract = Http.await(ContractRouter.contract(vertx, vendor));
    Http.await(ResponseValidator.create(vertx, contract).validate(
        ValidatableResponse.create(reply.statusCode(), reply.body(), reply.getHeader("Content-Type")), operationId));
  }
}
