package dev.tracepost.server.galileo;

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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static dev.tracepost.server.galileo.GalileoClient.batch;
import static dev.tracepost.server.galileo.GalileoClient.ok;
import static dev.tracepost.server.galileo.GalileoClient.trace;
import static org.assertj.core.api.Assertions.assertThat;

/** Every Galileo operation against the real server and PostgreSQL, the way the SDKs use them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GalileoOperationsTest {

  private RunningServer server;
  private GalileoClient galileo;
  private String key;

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
    key = server.newTenantKey();
    galileo = new GalileoClient(server, key);
  }

  @Test
  void healthcheckNeedsNoCredentials() {
    HttpResponse<Buffer> reply = server.send(HttpMethod.GET, "/healthcheck", null, null, null);

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.bodyAsJsonObject().getString("message")).isEqualTo("ok");
  }

  @Test
  void loginTradesAKeyForATokenThatWorksOnEveryOperation() {
    JsonObject token = ok(server.send(HttpMethod.POST, "/login/api_key", null, null, new JsonObject().put("api_key", key)));
    String bearer = "Bearer " + token.getString("access_token");

    HttpResponse<Buffer> me = server.send(HttpMethod.GET, "/current_user", "Authorization", bearer, null);
    HttpResponse<Buffer> v2 = server.send(HttpMethod.GET, "/v2/projects", "Authorization", bearer, null);

    assertThat(token.getString("token_type")).isEqualTo("bearer");
    assertThat(token.getString("access_token").split("\\.")).hasSize(3);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.bodyAsJsonObject().getString("organization_name")).startsWith("tenant-");
    assertThat(v2.statusCode()).isEqualTo(200);
  }

  @Test
  void loginWithAnUnknownKeyAnswers401() {
    HttpResponse<Buffer> reply = server.send(HttpMethod.POST, "/login/api_key", null, null, new JsonObject().put("api_key", "gsk_nope"));

    assertThat(reply.statusCode()).isEqualTo(401);
    assertThat(reply.bodyAsJsonObject()).isEqualTo(new JsonObject().put("detail", "Invalid API key"));
  }

  @Test
  void theSplunkHeaderCarriesTheSameKey() {
    assertThat(server.send(HttpMethod.GET, "/projects", "Splunk-AO-API-Key", key, null).statusCode()).isEqualTo(200);
  }

  @Test
  void projectsAreCreatedListedByNameAndReadAndNamesAreUnique() {
    String id = galileo.createProject("shop");
    galileo.createProject("other");

    JsonArray byName = galileo.get("/projects?project_name=shop&type=gen_ai").bodyAsJsonArray();
    JsonObject one = ok(galileo.get("/projects/" + id));
    HttpResponse<Buffer> again = galileo.post("/projects", new JsonObject().put("name", "shop"));

    assertThat(byName).hasSize(1);
    assertThat(byName.getJsonObject(0).getString("id")).isEqualTo(id);
    assertThat(one.getString("name")).isEqualTo("shop");
    assertThat(one.getJsonObject("created_by_user").getString("id")).isEqualTo(one.getString("created_by"));
    assertThat(galileo.get("/projects?project_name=missing").bodyAsJsonArray()).isEmpty();
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.bodyAsJsonObject().getString("detail")).contains("shop");
    assertThat(galileo.get("/projects/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
  }

  @Test
  void aProjectNameThatReadsLikeJsonIsFoundByItsText() {
    String id = galileo.createProject("1.5");

    HttpResponse<Buffer> byName = galileo.get("/projects?project_name=1.5");

    assertThat(byName.statusCode()).isEqualTo(200);
    assertThat(byName.bodyAsJsonArray()).hasSize(1);
    assertThat(byName.bodyAsJsonArray().getJsonObject(0).getString("id")).isEqualTo(id);
  }

  @Test
  void logStreamsAreCreatedListedPagedAndRead() {
    String project = galileo.createProject("streams");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(galileo.createLogStream(project, "stream-" + i));
    }

    JsonArray all = galileo.get("/projects/" + project + "/log_streams?project_id=" + project).bodyAsJsonArray();
    JsonObject first = ok(galileo.get("/projects/" + project + "/log_streams/paginated?limit=2"));
    JsonObject second = ok(galileo.get("/projects/" + project + "/log_streams/paginated?limit=2&starting_token="
        + first.getInteger("next_starting_token")));
    JsonObject one = ok(galileo.get("/v2/projects/" + project + "/log_streams/" + ids.get(1)));

    assertThat(all.stream().map(stream -> ((JsonObject) stream).getString("id")).toList()).isEqualTo(ids);
    assertThat(first.getJsonArray("log_streams")).hasSize(2);
    assertThat(first.getBoolean("paginated")).isTrue();
    assertThat(second.getJsonArray("log_streams")).hasSize(1);
    assertThat(second.getValue("next_starting_token")).isNull();
    assertThat(one.getString("name")).isEqualTo("stream-1");
    assertThat(galileo.post("/projects/" + project + "/log_streams", new JsonObject().put("name", "stream-0")).statusCode())
        .isEqualTo(409);
    assertThat(galileo.get("/projects/" + project + "/log_streams/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    assertThat(galileo.get("/projects/" + UUID.randomUUID() + "/log_streams").statusCode()).isEqualTo(404);
    assertThat(galileo.get("/projects/" + project + "/log_streams/paginated?starting_token=99999999999").statusCode())
        .as("past the documented maximum (it used to answer 500)").isEqualTo(422);
  }

  @Test
  void logStreamCountsAreFilledWhenAsked() {
    String project = galileo.createProject("counted");
    String stream = galileo.createLogStream(project, "s");
    galileo.ingest(project, batch(stream, trace("a"), trace("b")));

    JsonObject counted = galileo.get("/projects/" + project + "/log_streams?include_counts=true").bodyAsJsonArray().getJsonObject(0);

    assertThat(counted.getInteger("num_traces")).isEqualTo(2);
    assertThat(counted.getInteger("num_spans")).isEqualTo(6);
  }

  @Test
  void ingestCountsTracesAndSpansOfEveryDepthAndReturnsTraceIdsWhenAsked() {
    String project = galileo.createProject("ingest");
    String stream = galileo.createLogStream(project, "s");
    JsonObject first = trace("a");
    JsonObject second = trace("b");

    JsonObject reply = galileo.ingest(project, batch(stream, first, second).put("include_trace_ids", true));

    assertThat(reply.getInteger("traces_count")).isEqualTo(2);
    assertThat(reply.getInteger("spans_count")).isEqualTo(6);
    assertThat(reply.getInteger("records_count")).isEqualTo(8);
    assertThat(reply.getString("project_name")).isEqualTo("ingest");
    assertThat(reply.getString("log_stream_id")).isEqualTo(stream);
    assertThat(reply.getJsonArray("trace_ids")).containsExactly(first.getString("id"), second.getString("id"));
  }

  @Test
  void idsMissingFromTheBatchAreMadeByTheServer() {
    String project = galileo.createProject("ids");
    JsonObject anonymous = trace("anonymous");
    anonymous.remove("id");
    anonymous.getJsonArray("spans").getJsonObject(0).remove("id");

    JsonObject reply = galileo.ingest(project, batch(null, anonymous).put("include_trace_ids", true));
    JsonObject stored = ok(galileo.get("/projects/" + project + "/traces/" + reply.getJsonArray("trace_ids").getString(0)));

    assertThat(UUID.fromString(stored.getString("id")).version()).as("time-ordered, as the spec says").isEqualTo(7);
    assertThat(UUID.fromString(stored.getJsonArray("spans").getJsonObject(0).getString("id")).version()).isEqualTo(7);
    assertThat(stored.getString("run_id")).as("a batch naming no destination goes to the default log stream")
        .isEqualTo(reply.getString("log_stream_id"));
  }

  @Test
  void aLeapSecondStartTimeIsAcceptedAndReadsBackAsSent() {
    String project = galileo.createProject("leap");
    JsonObject sent = trace("leap").put("created_at", "2016-12-31T23:59:60Z");

    galileo.ingest(project, batch(null, sent));
    JsonObject stored = ok(galileo.get("/projects/" + project + "/traces/" + sent.getString("id")));

    assertThat(stored.getString("created_at")).as("valid RFC 3339; it used to answer 500").isEqualTo("2016-12-31T23:59:60Z");
  }

  @Test
  void ingestNeedsTheProjectAndTheDestinationItNames() {
    String project = galileo.createProject("destinations");

    UUID missing = UUID.randomUUID();
    for (JsonObject batch : List.of(batch(null, trace("a")), batch(UUID.randomUUID().toString(), trace("a")))) {
      HttpResponse<Buffer> noProject = galileo.post("/projects/" + missing + "/traces", batch);
      assertThat(noProject.statusCode()).isEqualTo(404);
      assertThat(noProject.bodyAsJsonObject().getString("detail")).isEqualTo("Project " + missing + " not found");
    }
    assertThat(galileo.get("/projects/" + missing + "/log_streams").statusCode()).as("no default log stream made for it").isEqualTo(404);
    HttpResponse<Buffer> noStream = galileo.post("/projects/" + project + "/traces", batch(UUID.randomUUID().toString(), trace("a")));
    assertThat(noStream.statusCode()).isEqualTo(404);
    assertThat(noStream.bodyAsJsonObject().getString("detail")).startsWith("Log stream");
    assertThat(galileo.post("/projects/" + project + "/traces",
        batch(null, trace("a")).put("experiment_id", UUID.randomUUID().toString())).statusCode()).isEqualTo(404);
    assertThat(galileo.post("/projects/" + project + "/traces",
        batch(null, trace("a")).put("session_id", UUID.randomUUID().toString())).statusCode()).isEqualTo(404);
    HttpResponse<Buffer> two = galileo.post("/projects/" + project + "/traces", batch(UUID.randomUUID().toString(), trace("a"))
        .put("experiment_id", UUID.randomUUID().toString()));
    assertThat(two.statusCode()).isEqualTo(422);
    assertThat(two.bodyAsJsonObject().getJsonArray("detail")).hasSize(2);
  }

  @Test
  void experimentsAndSessionsAreDestinationsToo() {
    String project = galileo.createProject("experiments");
    JsonObject experiment = ok(galileo.post("/projects/" + project + "/experiments", new JsonObject().put("name", "nightly")));
    JsonObject session = ok(galileo.post("/projects/" + project + "/sessions",
        new JsonObject().put("experiment_id", experiment.getString("id")).put("name", "chat").put("external_id", "chat-1")));

    JsonObject reply = galileo.ingest(project, batch(null, trace("a"))
        .put("experiment_id", experiment.getString("id")).put("session_id", session.getString("id")));
    JsonArray experiments = galileo.get("/projects/" + project + "/experiments").bodyAsJsonArray();

    assertThat(session.getString("project_name")).isEqualTo("experiments");
    assertThat(reply.getString("experiment_id")).isEqualTo(experiment.getString("id"));
    assertThat(reply.getValue("log_stream_id")).isNull();
    assertThat(reply.getString("session_id")).isEqualTo(session.getString("id"));
    assertThat(experiments).hasSize(1);
    assertThat(galileo.post("/projects/" + project + "/experiments", new JsonObject().put("name", "nightly")).statusCode())
        .isEqualTo(409);
  }

  @Test
  void aSessionNamedByExternalIdIsCreatedOnFirstUseAndReused() {
    String project = galileo.createProject("external");

    JsonObject first = galileo.ingest(project, batch(null, trace("a")).put("session_external_id", "otel-1"));
    JsonObject second = galileo.ingest(project, batch(null, trace("b")).put("session_external_id", "otel-1"));

    assertThat(first.getString("session_id")).isNotNull().isEqualTo(second.getString("session_id"));
  }

  @Test
  void aTraceAndASpanReadBackNestedWithWhatTheServerKnows() {
    String project = galileo.createProject("read");
    String stream = galileo.createLogStream(project, "s");
    JsonObject sent = trace("read-me");
    galileo.ingest(project, batch(stream, sent));
    JsonObject workflow = sent.getJsonArray("spans").getJsonObject(0);

    JsonObject trace = ok(galileo.get("/projects/" + project + "/traces/" + sent.getString("id")));
    JsonObject span = ok(galileo.get("/v2/projects/" + project + "/spans/" + workflow.getString("id")));

    assertThat(trace.getString("project_id")).isEqualTo(project);
    assertThat(trace.getString("run_id")).isEqualTo(stream);
    assertThat(trace.getBoolean("has_children")).isTrue();
    JsonObject storedWorkflow = trace.getJsonArray("spans").getJsonObject(0);
    assertThat(storedWorkflow.getString("parent_id")).isEqualTo(sent.getString("id"));
    assertThat(storedWorkflow.getString("trace_id")).isEqualTo(sent.getString("id"));
    assertThat(storedWorkflow.getJsonArray("spans").stream().map(child -> ((JsonObject) child).getString("type")).toList())
        .containsExactly("llm", "tool");
    assertThat(span.getString("id")).isEqualTo(workflow.getString("id"));
    assertThat(span.getJsonArray("spans")).hasSize(2);
    assertThat(galileo.get("/projects/" + project + "/traces/" + workflow.getString("id")).statusCode())
        .as("a span is not a trace").isEqualTo(404);
    assertThat(galileo.get("/projects/" + project + "/spans/" + sent.getString("id")).statusCode())
        .as("a trace is not a span").isEqualTo(404);
    assertThat(galileo.get("/projects/" + project + "/traces/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
  }

  @Test
  void batchesOfSpansForOneParentSentAtOnceEachKeepTheirPlaces() throws Exception {
    String project = galileo.createProject("spans at once");
    JsonObject sent = trace("grows");
    galileo.ingest(project, batch(null, sent));
    String workflow = sent.getJsonArray("spans").getJsonObject(0).getString("id");
    List<Callable<JsonObject>> batches = IntStream.range(0, 8).<Callable<JsonObject>>mapToObj(i -> () -> ok(galileo.post(
        "/projects/" + project + "/spans", new JsonObject().put("trace_id", sent.getString("id")).put("parent_id", workflow)
            .put("spans", new JsonArray().add(tool("batch" + i + "-first")).add(tool("batch" + i + "-second")))))).toList();
    for (JsonObject reply : AtOnce.call(batches)) {
      assertThat(reply.getInteger("records_count")).isEqualTo(2);
    }

    List<String> children = ok(galileo.get("/projects/" + project + "/spans/" + workflow)).getJsonArray("spans").stream()
        .map(child -> ((JsonObject) child).getString("name")).toList();
    assertThat(children).hasSize(2 + 2 * batches.size()).startsWith("llm", "tool");
    for (int i = 2; i < children.size(); i += 2) {
      assertThat(children.get(i + 1)).as("each batch's spans take the places after the last").isEqualTo(children.get(i).replace("-first", "-second"));
    }
  }

  private static JsonObject tool(String name) {
    return new JsonObject().put("type", "tool").put("name", name).put("input", "x");
  }

  @Test
  void spansAddedLaterNestUnderTheirParentAfterItsChildren() {
    String project = galileo.createProject("spans");
    JsonObject sent = trace("grows");
    galileo.ingest(project, batch(null, sent));
    String workflow = sent.getJsonArray("spans").getJsonObject(0).getString("id");
    JsonObject extra = new JsonObject().put("type", "retriever").put("name", "late").put("input", "q")
        .put("output", new JsonArray().add(new JsonObject().put("content", "doc")))
        .put("spans", new JsonArray().add(new JsonObject().put("type", "tool").put("name", "inner").put("input", "x")));

    JsonObject reply = ok(galileo.post("/projects/" + project + "/spans", new JsonObject()
        .put("trace_id", sent.getString("id")).put("parent_id", workflow).put("spans", new JsonArray().add(extra))));
    JsonObject stored = ok(galileo.get("/projects/" + project + "/spans/" + workflow));

    assertThat(reply.getInteger("records_count")).isEqualTo(2);
    assertThat(stored.getJsonArray("spans").stream().map(child -> ((JsonObject) child).getString("name")).toList())
        .containsExactly("llm", "tool", "late");
    assertThat(stored.getJsonArray("spans").getJsonObject(2).getJsonArray("spans").getJsonObject(0).getString("name"))
        .isEqualTo("inner");
    assertThat(galileo.post("/projects/" + project + "/spans", new JsonObject().put("trace_id", UUID.randomUUID().toString())
        .put("parent_id", workflow).put("spans", new JsonArray().add(extra))).statusCode()).isEqualTo(404);
  }

  @Test
  void searchPagesThroughALogStreamNewestFirstWithAStableToken() {
    String project = galileo.createProject("search");
    String stream = galileo.createLogStream(project, "s");
    List<String> newestFirst = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      JsonObject trace = trace("t" + i).put("created_at", "2026-11-21T10:00:0" + i + "Z");
      galileo.ingest(project, batch(stream, trace));
      newestFirst.add(0, trace.getString("id"));
    }

    List<String> seen = new ArrayList<>();
    Integer token = 0;
    while (token != null) {
      JsonObject page = ok(galileo.post("/projects/" + project + "/traces/search",
          new JsonObject().put("log_stream_id", stream).put("limit", 2).put("starting_token", token)));
      page.getJsonArray("records").forEach(record -> seen.add(((JsonObject) record).getString("id")));
      assertThat(page.getJsonArray("records").getJsonObject(0).containsKey("spans")).isFalse();
      token = page.getInteger("next_starting_token");
    }
    JsonObject ascending = ok(galileo.post("/projects/" + project + "/traces/search", new JsonObject()
        .put("log_stream_id", stream).put("sort", new JsonObject().put("column_id", "created_at").put("ascending", true))));
    JsonObject count = ok(galileo.post("/projects/" + project + "/traces/count", new JsonObject().put("log_stream_id", stream)));

    assertThat(seen).isEqualTo(newestFirst);
    assertThat(ascending.getJsonArray("records").getJsonObject(0).getString("id")).isEqualTo(newestFirst.get(4));
    assertThat(count.getInteger("total_count")).isEqualTo(5);
    assertThat(galileo.post("/projects/" + project + "/traces/count",
        new JsonObject().put("log_stream_id", UUID.randomUUID().toString())).statusCode()).isEqualTo(404);
  }
}
