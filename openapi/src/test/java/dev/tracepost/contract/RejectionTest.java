package dev.tracepost.contract;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tracepost.contract.ContractFixtures.ONLY_GOOD_KEY;
import static dev.tracepost.contract.ContractFixtures.await;
import static dev.tracepost.contract.ContractFixtures.contract;
import static dev.tracepost.contract.ContractFixtures.stubServer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that break the contract are rejected in the vendor's own error shape, naming every offending
 * value with its path, and the error replies themselves follow the documented error schemas.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RejectionTest {

  private static final String PROJECT = "/projects/11111111-1111-4111-8111-111111111111";

  private Vertx vertx;
  private WebClient client;
  private final Map<Vendor, HttpServer> servers = new java.util.EnumMap<>(Vendor.class);
  private final Map<Vendor, OpenAPIContract> contracts = new java.util.EnumMap<>(Vendor.class);

  @BeforeAll
  void start() {
    vertx = Vertx.vertx();
    client = WebClient.create(vertx);
    for (Vendor vendor : Vendor.values()) {
      servers.put(vendor, stubServer(vertx, vendor, ONLY_GOOD_KEY));
      contracts.put(vendor, contract(vertx, vendor));
    }
  }

  @AfterAll
  void stop() {
    await(vertx.close());
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Galileo {

    private JsonObject batch() {
      return new JsonObject(ContractFixtures.resource("captures/js-sdk-new-project.jsonl").lines()
          .map(JsonObject::new)
          .filter(exchange -> exchange.getString("path").endsWith("/traces"))
          .findFirst().orElseThrow().getJsonObject("body").encode());
    }

    private JsonObject span(JsonObject batch, int... childIndexes) {
      JsonObject record = batch.getJsonArray("traces").getJsonObject(0);
      for (int index : childIndexes) {
        record = record.getJsonArray("spans").getJsonObject(index);
      }
      return record;
    }

    @Test
    void theRealClientsBatchIsAccepted() {
      assertThat(ingest(batch()).statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
      JsonObject batch = batch();
      batch.remove("traces");

      assertViolations(ingest(batch), List.of(loc("body", "traces")), "missing");
    }

    @Test
    void aMissingFieldDeepInsideASpanIsNamedWithItsFullPath() {
      JsonObject batch = batch();
      span(batch, 0, 0).getJsonArray("input").getJsonObject(1).remove("role");

      assertViolations(ingest(batch), List.of(loc("body", "traces", 0, "spans", 0, "spans", 0, "input", 1, "role")), "missing");
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
      JsonObject batch = batch();
      span(batch).put("name", 5);

      assertViolations(ingest(batch), List.of(loc("body", "traces", 0, "name")), "type");
    }

    @Test
    void aValueOutsideAnEnumIsNamed() {
      JsonObject batch = batch().put("logging_method", "carrier_pigeon");

      assertViolations(ingest(batch), List.of(loc("body", "logging_method")), "enum");
    }

    @Test
    void aBadDateTimeIsNamed() {
      JsonObject batch = batch();
      span(batch, 0, 1).put("created_at", "yesterday at noon");

      assertViolations(ingest(batch), List.of(loc("body", "traces", 0, "spans", 0, "spans", 1, "created_at")), "format");
    }

    @Test
    void aSpanOfUnknownTypeIsRejectedAtItsType() {
      JsonObject batch = batch();
      span(batch, 0).put("type", "chain");

      assertViolations(ingest(batch), List.of(loc("body", "traces", 0, "spans", 0, "type")), "enum");
    }

    @Test
    void anUnknownFieldIsRejected() {
      JsonObject batch = batch();
      span(batch, 0, 1).put("tool_name", "lookup");

      assertViolations(ingest(batch), List.of(loc("body", "traces", 0, "spans", 0, "spans", 1, "tool_name")), "extra_forbidden");
    }

    @Test
    void llmSpansTakeNoChildren() {
      JsonObject batch = batch();
      span(batch, 0, 0).put("spans", new JsonArray());

      assertViolations(ingest(batch), List.of(loc("body", "traces", 0, "spans", 0, "spans", 0, "spans")), "extra_forbidden");
    }

    @Test
    void everyViolationIsListedAtOnce() {
      JsonObject batch = batch().put("reliable", "yes");
      span(batch).put("tags", "t1");
      span(batch, 0).put("type", "chain");
      span(batch, 0, 0).put("temperature", "hot");

      HttpResponse<Buffer> reply = ingest(batch);

      assertViolations(reply, List.of(loc("body", "reliable"), loc("body", "traces", 0, "tags"),
          loc("body", "traces", 0, "spans", 0, "type")), null);
      assertThat(reply.bodyAsJsonObject().getJsonArray("detail")).hasSize(3);
    }

    @Test
    void aNulCharacterIsRejectedWhereItIs() {
      String body = batch().encode().replace("\"Paris.\"", "\"Par\\u0000is.\"");

      HttpResponse<Buffer> reply = send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces", Buffer.buffer(body), "application/json", true);

      assertViolations(reply, List.of(loc("body", "traces", 0, "output"),
          loc("body", "traces", 0, "spans", 0, "spans", 0, "output", "content")), "string_nul");
    }

    @Test
    void numbersPastADoubleAreRejectedWhereTheyAre() {
      JsonObject batch = batch();
      span(batch).put("status_code", 424242);
      span(batch, 0, 0).put("metrics", new JsonObject().put("duration_ns", 434343));
      String body = batch.encode().replace("424242", "1E400").replace("434343", "-1e999");

      HttpResponse<Buffer> reply = send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces", Buffer.buffer(body), "application/json", true);

      assertViolations(reply, List.of(loc("body", "traces", 0, "status_code"),
          loc("body", "traces", 0, "spans", 0, "spans", 0, "metrics", "duration_ns")), "out_of_range");
    }

    @Test
    void aBodyNestedPastTheLimitIsRefusedAsTooDeepAndOneAtTheLimitIsRead() {
      int limit = RequestValidation.MAX_DEPTH;
      String atTheLimit = "{\"traces\": " + "[".repeat(limit - 1) + "]".repeat(limit - 1) + "}";
      String pastIt = "{\"traces\": " + "[".repeat(limit) + "]".repeat(limit) + "}";

      HttpResponse<Buffer> read = send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces", Buffer.buffer(atTheLimit), "application/json", true);
      HttpResponse<Buffer> refused = send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces", Buffer.buffer(pastIt), "application/json", true);

      assertThat(read.statusCode()).as(read.bodyAsString()).isEqualTo(422);
      assertThat(read.bodyAsString()).doesNotContain("too_deep");
      assertViolations(refused, List.of(loc("body")), "too_deep");
    }

    @Test
    void aNumberPastTheParsersLimitIsUndecodableNotTooDeep() {
      String body = batch().encode().replaceFirst("\\{", "{\"n\": " + "9".repeat(1001) + ", ");

      HttpResponse<Buffer> reply = send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces", Buffer.buffer(body), "application/json", true);

      assertThat(reply.statusCode()).as(reply.bodyAsString()).isEqualTo(422);
      assertThat(reply.bodyAsString()).doesNotContain("too_deep");
    }

    @Test
    void textAfterTheJsonValueMakesTheBodyMalformed() {
      HttpResponse<Buffer> reply = send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces",
          Buffer.buffer(batch().encode() + " {}"), "application/json", true);

      assertThat(reply.statusCode()).as(reply.bodyAsString()).isEqualTo(422);
      assertThat(reply.bodyAsJsonObject().getJsonArray("detail")).isNotEmpty();
    }

    @Test
    void aBodyOfWhiteSpaceAloneIsRefused() {
      HttpResponse<Buffer> reply = send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces", Buffer.buffer(" \n "), "application/json", true);

      assertThat(reply.statusCode()).as(reply.bodyAsString()).isEqualTo(422);
      assertThat(reply.bodyAsJsonObject().getJsonArray("detail")).isNotEmpty();
    }

    @Test
    void anUnpairedSurrogateIsRejectedWhereItIsAndAPairIsNot() {
      String lone = batch().encode().replace("\"Paris.\"", "\"Par\\ud800is.\"");
      String pair = batch().encode().replace("\"Paris.\"", "\"Paris \\ud83d\\ude00\"");

      HttpResponse<Buffer> refused = send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces", Buffer.buffer(lone), "application/json", true);
      HttpResponse<Buffer> accepted = send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces", Buffer.buffer(pair), "application/json", true);

      assertViolations(refused, List.of(loc("body", "traces", 0, "output"),
          loc("body", "traces", 0, "spans", 0, "spans", 0, "output", "content")), "string_surrogate");
      assertThat(accepted.statusCode()).as(accepted.bodyAsString()).isEqualTo(200);
    }

    @Test
    void anEscapedBackslashBeforeU0000IsNotANul() {
      String body = batch().encode().replace("\"Paris.\"", "\"C:\\\\u0000 is a path\"");

      assertThat(send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces", Buffer.buffer(body), "application/json", true)
          .statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonIsRejected() {
      HttpResponse<Buffer> reply = send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces",
          Buffer.buffer("{\"traces\": [}"), "application/json", true);

      assertViolations(reply, List.of(loc("body")), "json_invalid");
    }

    @Test
    void textAfterTheBodyMakesItMalformed() {
      HttpResponse<Buffer> reply = send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces",
          Buffer.buffer(batch().encode() + " {\"traces\": []}"), "application/json", true);

      assertViolations(reply, List.of(loc("body")), "json_invalid");
    }

    @Test
    void anIdThatIsNotAUuidIsNamedEvenWithATrailingNewline() {
      JsonObject batch = batch();
      span(batch).put("id", "1234");
      span(batch, 0).put("id", "11111111-1111-4111-8111-111111111111\n");

      assertViolations(ingest(batch), List.of(loc("body", "traces", 0, "id"), loc("body", "traces", 0, "spans", 0, "id")), "format");
    }

    @Test
    void aSpanIsHeldToItsOwnTypeOnly() {
      JsonObject batch = batch();
      JsonObject tool = new JsonObject().put("type", "tool").put("name", "lookup").put("input", "{}").put("model", "gpt-4o");
      span(batch).put("spans", new JsonArray().add(tool));

      assertViolations(ingest(batch), List.of(loc("body", "traces", 0, "spans", 0, "model")), "extra_forbidden");
    }

    @Test
    void jsonWithAParameterOrWhiteSpaceInItsContentTypeIsJsonStill() {
      for (String contentType : List.of("application/json; charset=utf-8", "application/json ")) {
        HttpResponse<Buffer> reply = send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces", batch().toBuffer(), contentType, true);

        assertThat(reply.statusCode()).as(contentType).isEqualTo(200);
      }
    }

    @Test
    void aBodyThatIsNotJsonIsRejected() {
      HttpResponse<Buffer> reply = send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces",
          Buffer.buffer("traces=1"), "application/x-www-form-urlencoded", true);

      assertThat(reply.statusCode()).isEqualTo(422);
      assertDocumented(Vendor.GALILEO, "logTraces", reply);
    }

    @Test
    void aMalformedEscapeInTheQueryIsNamedNotAnswered500() {
      HttpResponse<Buffer> reply = await(client.get(port(Vendor.GALILEO), "127.0.0.1", "/projects?project_name=%zz")
          .putHeader("Galileo-API-Key", "good-key").send());

      assertViolations(reply, List.of(loc("query")), "url_invalid");
    }

    @Test
    void aNulInAParameterIsNamedNotAnswered500() {
      HttpResponse<Buffer> reply = await(client.get(port(Vendor.GALILEO), "127.0.0.1", "/projects?project_name=a%00b")
          .putHeader("Galileo-API-Key", "good-key").send());

      assertViolations(reply, List.of(loc("query", "project_name")), "string_nul");
    }

    @Test
    void aMalformedEscapeInThePathIsAnsweredInGalileosShape() {
      HttpResponse<Buffer> reply = send(Vendor.GALILEO, HttpMethod.POST, "/projects/%zz/traces", batch().toBuffer(), "application/json", true);

      assertThat(reply.statusCode()).isEqualTo(400);
      assertThat(reply.bodyAsJsonObject().getString("detail")).contains("/projects/%zz/traces");
    }

    @Test
    void aProjectIdThatIsNotAUuidIsNamed() {
      HttpResponse<Buffer> reply = send(Vendor.GALILEO, HttpMethod.POST, "/v2/projects/my-project/traces", batch().toBuffer(),
          "application/json", true);

      assertViolations(reply, List.of(loc("path", "project_id")), null);
    }

    @Test
    void aValidProjectIdRemembersOnlyItselfNotTheNextValue() {
      assertThat(send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces", batch().toBuffer(), "application/json", true)
          .statusCode()).isEqualTo(200);
      HttpResponse<Buffer> reply = send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "x/traces", batch().toBuffer(),
          "application/json", true);

      assertViolations(reply, List.of(loc("path", "project_id")), null);
      assertThat(send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces", batch().toBuffer(), "application/json", true)
          .statusCode()).isEqualTo(200);
    }

    @Test
    void noCredentialsAnswer401InGalileosShape() {
      HttpResponse<Buffer> reply = send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces", batch().toBuffer(), "application/json", false);

      assertThat(reply.statusCode()).isEqualTo(401);
      assertThat(reply.bodyAsJsonObject()).isEqualTo(new JsonObject().put("detail", "Not authenticated"));
      assertDocumented(Vendor.GALILEO, "logTraces", reply);
    }

    @Test
    void everyCredentialFormIsAcceptedAndAWrongKeyIsNot() {
      for (String header : List.of("Galileo-API-Key", "Splunk-AO-API-Key")) {
        assertThat(await(client.get(port(Vendor.GALILEO), "127.0.0.1", "/current_user").putHeader(header, "good-key").send())
            .statusCode()).as(header).isEqualTo(200);
        HttpResponse<Buffer> wrong = await(client.get(port(Vendor.GALILEO), "127.0.0.1", "/current_user")
            .putHeader(header, "stolen-key").send());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.bodyAsJsonObject().getString("detail")).isEqualTo("Invalid credentials");
      }
      assertThat(await(client.get(port(Vendor.GALILEO), "127.0.0.1", "/v2/current_user")
          .putHeader("Authorization", "Bearer good-key").send()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<Buffer> ingest(JsonObject batch) {
      return send(Vendor.GALILEO, HttpMethod.POST, PROJECT + "/traces", batch.toBuffer(), "application/json", true);
    }

    private void assertViolations(HttpResponse<Buffer> reply, List<JsonArray> locations, String rule) {
      assertThat(reply.statusCode()).as(reply.bodyAsString()).isEqualTo(422);
      JsonArray detail = reply.bodyAsJsonObject().getJsonArray("detail");
      List<JsonArray> found = new ArrayList<>();
      for (int i = 0; i < detail.size(); i++) {
        JsonObject problem = detail.getJsonObject(i);
        found.add(problem.getJsonArray("loc"));
        assertThat(problem.getString("msg")).isNotBlank();
        if (rule != null) {
          assertThat(problem.getString("type")).as(reply.bodyAsString()).isEqualTo(rule);
        }
      }
      assertThat(found).as(reply.bodyAsString()).containsExactlyInAnyOrderElementsOf(locations);
      assertDocumented(Vendor.GALILEO, "logTraces", reply);
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Galtea {

    private JsonObject trace() {
      return new JsonObject(ContractFixtures.resource("vendor-pages/galtea-create-trace-request.json"));
    }

    @Test
    void theVendorPagesTraceIsAccepted() {
      assertThat(create(trace()).statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
      JsonObject trace = trace();
      trace.remove("name");

      assertViolations(create(trace), List.of("/name"));
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
      assertViolations(create(trace().put("latencyMs", "fast")), List.of("/latencyMs"));
    }

    @Test
    void aTraceOfUnknownTypeIsRejectedAtItsType() {
      HttpResponse<Buffer> reply = create(trace().put("type", "THOUGHT"));

      assertViolations(reply, List.of("/type"));
      assertThat(reply.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("message"))
          .contains("GENERATION");
    }

    @Test
    void aBadDateTimeIsNamed() {
      assertViolations(create(trace().put("startTime", "last tuesday")), List.of("/startTime"));
    }

    @Test
    void aLeapSecondInAQueryDateTimeIsValidAsInABodyAndAnImpossibleSecondIsNot() {
      String list = "/traces?sessionIds=session_1&";

      HttpResponse<Buffer> leap = send(Vendor.GALTEA, HttpMethod.GET, list + "fromStartTime=2016-12-31T23:59:60Z", Buffer.buffer(), "application/json", true);
      HttpResponse<Buffer> impossible = send(Vendor.GALTEA, HttpMethod.GET, list + "fromStartTime=2016-12-31T23:59:61Z", Buffer.buffer(), "application/json", true);
      HttpResponse<Buffer> noLeapThatDay = send(Vendor.GALTEA, HttpMethod.GET, list + "toStartTime=2017-03-01T23:59:60Z", Buffer.buffer(), "application/json", true);

      assertThat(leap.statusCode()).as(leap.bodyAsString()).isEqualTo(200);
      assertThat(create(trace().put("startTime", "2016-12-31T23:59:60Z")).statusCode()).as("the same in a body").isEqualTo(200);
      assertThat(impossible.statusCode()).isEqualTo(400);
      assertThat(impossible.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("pointer")).isEqualTo("query:fromStartTime");
      assertThat(noLeapThatDay.statusCode()).isEqualTo(400);
      assertThat(create(trace().put("startTime", "2017-03-01T23:59:60Z")).statusCode()).as("the same in a body").isEqualTo(400);
      assertDocumented(Vendor.GALTEA, "listTraces", impossible);
    }

    @Test
    void aNulInAPathParameterIsNamed() {
      HttpResponse<Buffer> reply = send(Vendor.GALTEA, HttpMethod.GET, "/traces/trace_%00x", Buffer.buffer(), "application/json", true);

      assertThat(reply.statusCode()).as(reply.bodyAsString()).isEqualTo(400);
      assertThat(reply.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("pointer")).isEqualTo("path:id");
      assertDocumented(Vendor.GALTEA, "getTraceById", reply);
    }

    @Test
    void aNumberPastADoubleIsNamedBeforeTheSchemaRuns() {
      String body = trace().put("latencyMs", 1.5).encode().replace("1.5", "1e400");

      HttpResponse<Buffer> reply = send(Vendor.GALTEA, HttpMethod.POST, "/traces", Buffer.buffer(body), "application/json", true);

      assertViolations(reply, List.of("/latencyMs"));
    }

    @Test
    void anUnknownFieldIsRejected() {
      assertViolations(create(trace().put("inputs", new JsonObject())), List.of("/inputs"));
    }

    @Test
    void everyViolationInABatchIsNamedWithItsIndex() {
      JsonObject good = trace();
      JsonObject batch = new JsonObject().put("traces", new JsonArray()
          .add(good)
          .add(trace().put("type", "THOUGHT"))
          .add(trace().put("latencyMs", -1)));

      HttpResponse<Buffer> reply = send(Vendor.GALTEA, HttpMethod.POST, "/traces/batch", batch.toBuffer(), "application/json", true);

      assertViolations(reply, List.of("/traces/1/type", "/traces/2/latencyMs"));
    }

    @Test
    void aBatchSentAsABareArrayIsAccepted() {
      JsonArray batch = new JsonArray().add(trace()).add(trace());

      assertThat(send(Vendor.GALTEA, HttpMethod.POST, "/traces/batch", batch.toBuffer(), "application/json", true).statusCode())
          .isEqualTo(200);
    }

    @Test
    void anInferenceResultNamingTwoSessionsIsRejected() {
      JsonObject body = new JsonObject().put("sessionId", "session_1").put("sessionCustomId", "chat-1");

      HttpResponse<Buffer> reply = send(Vendor.GALTEA, HttpMethod.POST, "/inferenceResults", body.toBuffer(), "application/json", true);

      assertThat(reply.statusCode()).isEqualTo(400);
      assertDocumented(Vendor.GALTEA, "createInferenceResult", reply);
    }

    @Test
    void aQueryParameterOutOfRangeIsNamed() {
      HttpResponse<Buffer> reply = await(client.get(port(Vendor.GALTEA), "127.0.0.1", "/traces?inferenceResultIds=ir_1&limit=0")
          .putHeader("Authorization", "Bearer good-key").send());

      assertThat(reply.statusCode()).isEqualTo(400);
      assertThat(reply.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("pointer")).isEqualTo("query:limit");
      assertDocumented(Vendor.GALTEA, "listTraces", reply);
    }

    @Test
    void aMalformedEscapeInTheQueryIsNamedNotAnswered500() {
      HttpResponse<Buffer> reply = await(client.get(port(Vendor.GALTEA), "127.0.0.1", "/traces?ids=%zz")
          .putHeader("Authorization", "Bearer good-key").send());

      assertThat(reply.statusCode()).isEqualTo(400);
      assertThat(reply.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("pointer")).isEqualTo("query:");
      assertDocumented(Vendor.GALTEA, "listTraces", reply);
    }

    @Test
    void aMalformedEscapeInThePathIsAnsweredInGalteasShape() {
      HttpResponse<Buffer> reply = await(client.get(port(Vendor.GALTEA), "127.0.0.1", "/traces/%zz")
          .putHeader("Authorization", "Bearer good-key").send());

      assertThat(reply.statusCode()).isEqualTo(400);
      assertThat(reply.bodyAsJsonObject().getString("error")).isEqualTo("BadRequest");
      assertThat(reply.bodyAsJsonObject().getString("message")).contains("/traces/%zz");
    }

    @Test
    void noCredentialsAnswer401InGalteasShape() {
      HttpResponse<Buffer> reply = send(Vendor.GALTEA, HttpMethod.POST, "/traces", trace().toBuffer(), "application/json", false);

      assertThat(reply.statusCode()).isEqualTo(401);
      assertThat(reply.bodyAsJsonObject().getString("error")).isEqualTo("Unauthorized");
      assertThat(reply.bodyAsJsonObject().getString("message")).isNotBlank();
      assertDocumented(Vendor.GALTEA, "createTrace", reply);
    }

    private HttpResponse<Buffer> create(JsonObject trace) {
      return send(Vendor.GALTEA, HttpMethod.POST, "/traces", trace.toBuffer(), "application/json", true);
    }

    private void assertViolations(HttpResponse<Buffer> reply, List<String> pointers) {
      assertThat(reply.statusCode()).as(reply.bodyAsString()).isEqualTo(400);
      JsonObject body = reply.bodyAsJsonObject();
      assertThat(body.getString("error")).isEqualTo("ValidationError");
      List<String> found = body.getJsonArray("details").stream().map(detail -> ((JsonObject) detail).getString("pointer")).toList();
      assertThat(found).as(reply.bodyAsString()).containsExactlyInAnyOrderElementsOf(pointers);
      pointers.forEach(pointer -> assertThat(body.getString("message")).contains(pointer));
      assertDocumented(Vendor.GALTEA, "createTrace", reply);
    }
  }

  private HttpResponse<Buffer> send(Vendor vendor, HttpMethod method, String path, Buffer body, String contentType,
                                    boolean authenticated) {
    var request = client.request(method, port(vendor), "127.0.0.1", path).putHeader("Content-Type", contentType);
    if (authenticated) {
      request.putHeader(vendor == Vendor.GALILEO ? "Galileo-API-Key" : "Authorization",
          vendor == Vendor.GALILEO ? "good-key" : "Bearer good-key");
    }
    return await(request.sendBuffer(body));
  }

  private int port(Vendor vendor) {
    return servers.get(vendor).actualPort();
  }

  /** The error reply is one the operation documents, with a body valid under the documented schema. */
  private void assertDocumented(Vendor vendor, String operationId, HttpResponse<Buffer> reply) {
    await(ResponseValidator.create(vertx, contracts.get(vendor)).validate(
        ValidatableResponse.create(reply.statusCode(), reply.body(), reply.getHeader("Content-Type")), operationId));
  }

  private static JsonArray loc(Object... segments) {
    return new JsonArray(List.of(segments));
  }
}
