package dev.tracepost.server.galtea;

import dev.tracepost.server.RunningServer;
import dev.tracepost.testkit.AtOnce;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Galtea operation against the real server and PostgreSQL, in the order the SDK's flow uses them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GalteaOperationsTest {

  private RunningServer server;
  private String bearer;

  @BeforeAll
  void start() {
    server = RunningServer.start();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @BeforeEach
  void newTenant() {
    bearer = "Bearer " + server.newTenantKey();
  }

  private HttpResponse<Buffer> call(HttpMethod method, String path, Object body) {
    return server.send(method, path, "Authorization", bearer, body);
  }

  private JsonObject created(HttpMethod method, String path, Object body) {
    HttpResponse<Buffer> reply = call(method, path, body);
    assertThat(reply.statusCode()).as(reply.bodyAsString()).isEqualTo(201);
    return reply.bodyAsJsonObject();
  }

  private String inferenceResult() {
    String session = created(HttpMethod.POST, "/sessions", new JsonObject().put("versionId", "ver_1")).getString("id");
    return created(HttpMethod.POST, "/inferenceResults", new JsonObject().put("sessionId", session).put("input", "Where is my order?"))
        .getString("id");
  }

  @Test
  void theSdkAsksForTheMinimumVersionWithoutAKey() {
    HttpResponse<Buffer> reply = server.send(HttpMethod.GET, "/minimum-sdk-version", null, null, null);

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.bodyAsJsonObject().getString("minimumSdkVersionSupported")).isNotBlank();
  }

  @Test
  void sessionsAndInferenceResultsAreCreatedAndRead() {
    JsonObject session = created(HttpMethod.POST, "/sessions", new JsonObject().put("versionId", "ver_1").put("customId", "chat-8812")
        .put("isProduction", true).put("metadata", new JsonObject().put("channel", "web")));
    JsonObject first = created(HttpMethod.POST, "/inferenceResults", new JsonObject().put("sessionId", session.getString("id"))
        .put("input", "Where is my order?").put("latency", 812.4).put("inputTokens", 42));
    JsonObject second = created(HttpMethod.POST, "/inferenceResults", new JsonObject().put("sessionCustomId", "chat-8812")
        .put("input", new JsonObject().put("text", "And when?")));
    JsonObject numbered = created(HttpMethod.POST, "/inferenceResults", new JsonObject().put("sessionId", session.getString("id"))
        .put("index", 7));
    JsonObject next = created(HttpMethod.POST, "/inferenceResults", new JsonObject().put("sessionId", session.getString("id")));
    JsonObject patched = call(HttpMethod.PATCH, "/inferenceResults/" + first.getString("id"),
        new JsonObject().put("actualOutput", "Tomorrow.").put("tokens", 49)).bodyAsJsonObject();

    assertThat(session.getString("id")).startsWith("session_");
    assertThat(call(HttpMethod.GET, "/sessions/" + session.getString("id"), null).bodyAsJsonObject().getString("customId"))
        .isEqualTo("chat-8812");
    assertThat(first.getInteger("index")).isZero();
    assertThat(second.getInteger("index")).isEqualTo(1);
    assertThat(numbered.getInteger("index")).as("an index sent is kept").isEqualTo(7);
    assertThat(next.getInteger("index")).isEqualTo(8);
    assertThat(second.getJsonObject("input")).isEqualTo(new JsonObject().put("text", "And when?"));
    assertThat(patched.getString("actualOutput")).isEqualTo("Tomorrow.");
    assertThat(patched.getInteger("inputTokens")).as("fields not sent are kept").isEqualTo(42);
    assertThat(call(HttpMethod.GET, "/inferenceResults/" + first.getString("id"), null).bodyAsJsonObject().getInteger("tokens"))
        .isEqualTo(49);
    assertThat(call(HttpMethod.POST, "/sessions", new JsonObject().put("versionId", "v").put("customId", "chat-8812")).statusCode())
        .isEqualTo(409);
    assertThat(call(HttpMethod.POST, "/inferenceResults", new JsonObject().put("sessionId", "session_nope")).statusCode()).isEqualTo(404);
    assertThat(call(HttpMethod.POST, "/inferenceResults", new JsonObject().put("sessionId", "session_nope").put("index", 0)).statusCode())
        .isEqualTo(404);
    assertThat(call(HttpMethod.PATCH, "/inferenceResults/ir_nope", new JsonObject().put("tokens", 1)).statusCode()).isEqualTo(404);
  }

  @Test
  void resultsOfOneSessionCreatedAtOnceGetAnIndexEach() throws Exception {
    String session = created(HttpMethod.POST, "/sessions", new JsonObject().put("versionId", "ver_1")).getString("id");
    Callable<Integer> create = () -> created(HttpMethod.POST, "/inferenceResults", new JsonObject().put("sessionId", session))
        .getInteger("index");
    List<Integer> indexes = AtOnce.call(Collections.nCopies(12, create));

    assertThat(indexes).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 12).boxed().toList());
  }

  @Test
  void aTraceIsCreatedAsThePageSaysAndReadBack() {
    String ir = inferenceResult();
    JsonObject sent = new JsonObject().put("inferenceResultId", ir).put("name", "fetch_user_data").put("type", "TOOL")
        .put("description", "Fetches user data").put("inputData", new JsonObject().put("user_id", "123"))
        .put("outputData", new JsonObject().put("name", "John Doe")).put("latencyMs", 45.5)
        .put("metadata", new JsonObject().put("model", "gpt-4")).put("startTime", "2026-11-07T05:31:56Z")
        .put("endTime", "2026-11-07T05:31:56.045Z");

    JsonObject trace = created(HttpMethod.POST, "/traces", sent);
    JsonObject read = call(HttpMethod.GET, "/traces/" + trace.getString("id"), null).bodyAsJsonObject();

    assertThat(trace.getString("id")).startsWith("trace_");
    for (String field : sent.fieldNames()) {
      assertThat(read.getValue(field)).as(field).isEqualTo(sent.getValue(field));
    }
    assertThat(read.containsKey("deletedAt")).isTrue();
    assertThat(read.getValue("parentTraceId")).isNull();
  }

  @Test
  void aLeapSecondStartIsStoredAsTheSecondAfterIt() {
    JsonObject trace = created(HttpMethod.POST, "/traces", new JsonObject().put("inferenceResultId", inferenceResult())
        .put("name", "leap").put("startTime", "2016-12-31T23:59:60Z"));

    JsonObject read = call(HttpMethod.GET, "/traces/" + trace.getString("id"), null).bodyAsJsonObject();

    assertThat(read.getString("startTime")).as("valid RFC 3339; it used to answer 500").isEqualTo("2017-01-01T00:00:00Z");
  }

  @Test
  void aTraceNeedsAnExistingInferenceResultAndAParentOfTheSameOne() {
    String ir = inferenceResult();
    String otherIr = inferenceResult();
    String parent = created(HttpMethod.POST, "/traces", new JsonObject().put("inferenceResultId", ir).put("name", "parent"))
        .getString("id");

    HttpResponse<Buffer> unknownResult = call(HttpMethod.POST, "/traces", new JsonObject().put("inferenceResultId", "ir_nope").put("name", "x"));
    HttpResponse<Buffer> foreignParent = call(HttpMethod.POST, "/traces",
        new JsonObject().put("inferenceResultId", otherIr).put("name", "x").put("parentTraceId", parent));
    JsonObject child = created(HttpMethod.POST, "/traces",
        new JsonObject().put("inferenceResultId", ir).put("name", "child").put("parentTraceId", parent));
    HttpResponse<Buffer> sameId = call(HttpMethod.POST, "/traces",
        new JsonObject().put("inferenceResultId", ir).put("name", "again").put("id", parent));

    assertThat(unknownResult.statusCode()).isEqualTo(404);
    assertThat(unknownResult.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error", "NotFound")
        .put("message", "Inference result ir_nope not found"));
    assertThat(foreignParent.statusCode()).isEqualTo(404);
    assertThat(child.getString("parentTraceId")).isEqualTo(parent);
    assertThat(sameId.statusCode()).isEqualTo(409);
  }

  @Test
  void aBatchIsStoredWhole() {
    String ir = inferenceResult();
    JsonArray traces = new JsonArray()
        .add(new JsonObject().put("id", "trace_agent_1").put("inferenceResultId", ir).put("name", "agent").put("type", "AGENT"))
        .add(new JsonObject().put("inferenceResultId", ir).put("name", "tool").put("type", "TOOL").put("parentTraceId", "trace_agent_1"));

    HttpResponse<Buffer> reply = call(HttpMethod.POST, "/traces/batch", new JsonObject().put("traces", traces));

    assertThat(reply.statusCode()).isEqualTo(201);
    JsonArray stored = reply.bodyAsJsonArray();
    assertThat(stored.stream().map(trace -> ((JsonObject) trace).getString("name")).toList()).containsExactly("agent", "tool");
    assertThat(stored.getJsonObject(1).getString("parentTraceId")).isEqualTo("trace_agent_1");
  }

  @Test
  void aBatchWithOneBadTraceStoresNothing() {
    String ir = inferenceResult();
    JsonArray traces = new JsonArray()
        .add(new JsonObject().put("id", "trace_fine").put("inferenceResultId", ir).put("name", "fine"))
        .add(new JsonObject().put("inferenceResultId", ir).put("name", "orphan").put("parentTraceId", "trace_missing"));
    JsonArray taken = new JsonArray()
        .add(new JsonObject().put("id", "trace_new").put("inferenceResultId", ir).put("name", "new"))
        .add(new JsonObject().put("id", "trace_fine2").put("inferenceResultId", ir).put("name", "dup"));
    created(HttpMethod.POST, "/traces", new JsonObject().put("id", "trace_fine2").put("inferenceResultId", ir).put("name", "first"));

    assertThat(call(HttpMethod.POST, "/traces/batch", traces).statusCode()).isEqualTo(404);
    assertThat(call(HttpMethod.POST, "/traces/batch", taken).statusCode()).isEqualTo(409);
    JsonArray left = call(HttpMethod.GET, "/traces?inferenceResultIds=" + ir, null).bodyAsJsonArray();
    assertThat(left.stream().map(trace -> ((JsonObject) trace).getString("id")).toList()).containsExactly("trace_fine2");
  }

  @Test
  void tracesAreListedByFilterInOrderAndByPage() {
    String ir = inferenceResult();
    String other = inferenceResult();
    for (int i = 0; i < 4; i++) {
      created(HttpMethod.POST, "/traces", new JsonObject().put("inferenceResultId", ir).put("name", "step-" + i)
          .put("type", i % 2 == 0 ? "TOOL" : "GENERATION").put("startTime", "2026-11-07T05:31:5" + i + "Z"));
    }
    created(HttpMethod.POST, "/traces", new JsonObject().put("inferenceResultId", other).put("name", "elsewhere"));

    List<String> all = names(call(HttpMethod.GET, "/traces?inferenceResultIds=" + ir, null));
    List<String> tools = names(call(HttpMethod.GET, "/traces?inferenceResultIds=" + ir + "&types=TOOL", null));
    List<String> newest = names(call(HttpMethod.GET, "/traces?inferenceResultIds=" + ir + "&sort=startTime&sort=desc&limit=2", null));
    List<String> page = names(call(HttpMethod.GET, "/traces?inferenceResultIds=" + ir + "&offset=1&limit=2", null));
    List<String> window = names(call(HttpMethod.GET, "/traces?inferenceResultIds=" + ir
        + "&fromStartTime=2026-11-07T05:31:51Z&toStartTime=2026-11-07T05:31:52Z", null));
    List<String> both = names(call(HttpMethod.GET, "/traces?inferenceResultIds=" + ir + "&inferenceResultIds=" + other + "&names=elsewhere", null));
    List<String> toLeapSecond = names(call(HttpMethod.GET, "/traces?inferenceResultIds=" + ir + "&toStartTime=2016-12-31T23:59:60Z", null));

    assertThat(all).containsExactly("step-0", "step-1", "step-2", "step-3");
    assertThat(tools).containsExactly("step-0", "step-2");
    assertThat(newest).containsExactly("step-3", "step-2");
    assertThat(page).containsExactly("step-1", "step-2");
    assertThat(window).containsExactly("step-1", "step-2");
    assertThat(both).containsExactly("elsewhere");
    assertThat(toLeapSecond).as("a leap second is a valid date-time in a query too").isEmpty();
    assertThat(call(HttpMethod.GET, "/traces?types=TOOL", null).statusCode()).as("an id filter is required").isEqualTo(400);
    assertThat(call(HttpMethod.GET, "/traces?inferenceResultIds=" + ir + "&offset=99999999999", null).statusCode())
        .as("past the documented maximum (it used to answer 500)").isEqualTo(400);
  }

  @Test
  void namesAndIdsInAListAreTakenAsWritten() {
    String ir = inferenceResult();
    for (String name : List.of("42", "null", "say \"hi\"")) {
      created(HttpMethod.POST, "/traces", new JsonObject().put("inferenceResultId", ir).put("name", name));
    }

    List<String> numberLike = names(call(HttpMethod.GET, "/traces?inferenceResultIds=" + ir + "&names=42&names=null", null));
    List<String> quoted = names(call(HttpMethod.GET, "/traces?inferenceResultIds=" + ir + "&names=say%20%22hi%22", null));
    HttpResponse<Buffer> oddId = call(HttpMethod.GET, "/traces?ids=a%22b", null);

    assertThat(numberLike).as("they used to be read as JSON: 400, not a string").containsExactly("42", "null");
    assertThat(quoted).containsExactly("say \"hi\"");
    assertThat(oddId.statusCode()).isEqualTo(200);
    assertThat(oddId.bodyAsJsonArray()).isEmpty();
  }

  @Test
  void aDeletedTraceIsGoneFromReadsAndLists() {
    String ir = inferenceResult();
    String id = created(HttpMethod.POST, "/traces", new JsonObject().put("inferenceResultId", ir).put("name", "doomed")).getString("id");

    HttpResponse<Buffer> deleted = call(HttpMethod.DELETE, "/traces/" + id, null);

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(call(HttpMethod.GET, "/traces/" + id, null).statusCode()).isEqualTo(404);
    assertThat(call(HttpMethod.GET, "/traces?ids=" + id, null).bodyAsJsonArray()).isEmpty();
    assertThat(call(HttpMethod.DELETE, "/traces/" + id, null).statusCode()).isEqualTo(404);
  }

  @Test
  void fieldsOverTheirSizeLimitAnswer413AndStoreNothing() {
    String ir = inferenceResult();
    String big = "x".repeat(GalteaLimits.DATA_BYTES);
    String description = "d".repeat(GalteaLimits.DESCRIPTION_BYTES + 1);

    HttpResponse<Buffer> input = call(HttpMethod.POST, "/traces", new JsonObject().put("inferenceResultId", ir).put("name", "big")
        .put("inputData", new JsonObject().put("blob", big)));
    HttpResponse<Buffer> described = call(HttpMethod.POST, "/traces/batch", new JsonArray()
        .add(new JsonObject().put("inferenceResultId", ir).put("name", "ok"))
        .add(new JsonObject().put("inferenceResultId", ir).put("name", "long").put("metadata", new JsonObject().put("note", "n"))
            .put("outputData", new JsonObject().put("blob", big))));
    HttpResponse<Buffer> tooLongDescription = call(HttpMethod.POST, "/traces", new JsonObject().put("inferenceResultId", ir)
        .put("name", "long").put("description", description));

    assertThat(input.statusCode()).isEqualTo(413);
    assertThat(input.bodyAsJsonObject().getString("error")).isEqualTo("PayloadTooLarge");
    assertThat(input.bodyAsJsonObject().getString("message")).startsWith("inputData is ");
    assertThat(described.statusCode()).isEqualTo(413);
    assertThat(described.bodyAsJsonObject().getString("message")).startsWith("traces/1/outputData");
    assertThat(tooLongDescription.statusCode()).isIn(400, 413);
    assertThat(call(HttpMethod.GET, "/traces?inferenceResultIds=" + ir, null).bodyAsJsonArray()).isEmpty();
  }

  private static List<String> names(HttpResponse<Buffer> reply) {
    assertThat(reply.statusCode()).as(reply.bodyAsString()).isEqualTo(200);
    return reply.bodyAsJsonArray().stream().map(trace -> ((JsonObject) trace).getString("name")).toList();
  }
}
