package dev.tracepost.server.galileo;

import dev.tracepost.server.RunningServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tracepost.server.galileo.GalileoClient.batch;
import static dev.tracepost.server.galileo.GalileoClient.ok;
import static dev.tracepost.server.galileo.GalileoClient.trace;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a trace collector must guarantee: what was sent reads back the same, a retry duplicates nothing,
 * one tenant never sees another's data, and a bad request writes nothing at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestGuaranteesTest {

  private static final long BODY_LIMIT = 2 * 1024 * 1024;

  private RunningServer server;

  @BeforeAll
  void start() {
    server = RunningServer.start(RunningServer.baseConfig().withDatabase(dev.tracepost.server.TestDatabase.options())
        .withBodyLimit(BODY_LIMIT));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void aLargeRealisticBatchReadsBackFieldByField() {
    GalileoClient galileo = new GalileoClient(server, server.newTenantKey());
    String project = galileo.createProject("round-trip");
    List<JsonObject> traces = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      traces.add(RealisticTraces.agentRun(i));
    }

    JsonObject reply = galileo.ingest(project, batch(null, traces.toArray(JsonObject[]::new)));

    assertThat(reply.getInteger("traces_count")).isEqualTo(50);
    assertThat(reply.getInteger("records_count")).isEqualTo(50 * RealisticTraces.RECORDS_PER_RUN);
    for (JsonObject sent : traces) {
      JsonObject stored = ok(galileo.get("/projects/" + project + "/traces/" + sent.getString("id")));
      assertSameTree(sent, stored, "trace " + sent.getString("name"));
    }
  }

  /** Every field the client sent is there with the same value, and children come in the order sent. */
  private static void assertSameTree(JsonObject sent, JsonObject stored, String where) {
    for (Map.Entry<String, Object> field : sent) {
      if (field.getKey().equals("spans")) {
        continue;
      }
      assertThat(stored.getValue(field.getKey())).as(where + " ." + field.getKey()).isEqualTo(field.getValue());
    }
    JsonArray sentChildren = sent.getJsonArray("spans", new JsonArray());
    JsonArray storedChildren = stored.getJsonArray("spans", new JsonArray());
    assertThat(storedChildren).as(where + " children").hasSameSizeAs(sentChildren);
    for (int i = 0; i < sentChildren.size(); i++) {
      assertSameTree(sentChildren.getJsonObject(i), storedChildren.getJsonObject(i), where + "/" + i);
    }
  }

  @Test
  void aRetriedBatchDuplicatesNothing() {
    GalileoClient galileo = new GalileoClient(server, server.newTenantKey());
    String project = galileo.createProject("retry");
    String stream = galileo.createLogStream(project, "s");
    JsonObject sent = batch(stream, trace("a"), trace("b"));

    galileo.ingest(project, sent);
    JsonObject again = galileo.ingest(project, sent);
    JsonObject count = ok(galileo.post("/projects/" + project + "/traces/count", new JsonObject().put("log_stream_id", stream)));
    JsonObject stored = ok(galileo.get("/projects/" + project + "/traces/" + sent.getJsonArray("traces").getJsonObject(0).getString("id")));

    assertThat(again.getInteger("records_count")).isEqualTo(8);
    assertThat(count.getInteger("total_count")).isEqualTo(2);
    assertThat(stored.getJsonArray("spans")).hasSize(1);
    assertThat(stored.getJsonArray("spans").getJsonObject(0).getJsonArray("spans")).hasSize(2);
  }

  @Test
  void anotherTenantsDataAnswersAsIfItDidNotExist() {
    GalileoClient alice = new GalileoClient(server, server.newTenantKey());
    GalileoClient mallory = new GalileoClient(server, server.newTenantKey());
    String project = alice.createProject("private");
    String stream = alice.createLogStream(project, "s");
    JsonObject sent = trace("secret");
    alice.ingest(project, batch(stream, sent));
    String span = sent.getJsonArray("spans").getJsonObject(0).getString("id");

    assertThat(mallory.get("/projects/" + project).statusCode()).isEqualTo(404);
    assertThat(mallory.get("/projects/" + project + "/traces/" + sent.getString("id")).statusCode()).isEqualTo(404);
    assertThat(mallory.get("/projects/" + project + "/spans/" + span).statusCode()).isEqualTo(404);
    assertThat(mallory.get("/projects/" + project + "/log_streams/" + stream).statusCode()).isEqualTo(404);
    assertThat(mallory.post("/projects/" + project + "/traces", batch(stream, trace("intruder"))).statusCode()).isEqualTo(404);
    assertThat(mallory.post("/projects/" + project + "/traces/count", new JsonObject().put("log_stream_id", stream)).statusCode())
        .isEqualTo(404);
    assertThat(mallory.get("/projects?project_name=private").bodyAsJsonArray()).isEmpty();
    assertThat(mallory.createProject("private")).as("names are unique per tenant only").isNotEqualTo(project);
    String theirs = mallory.createProject("theirs");
    assertThat(mallory.post("/projects/" + theirs + "/traces", batch(null, sent)).statusCode())
        .as("reusing another tenant's ids touches nothing of theirs").isEqualTo(200);
    assertThat(ok(alice.get("/projects/" + project + "/traces/" + sent.getString("id"))).getString("project_id")).isEqualTo(project);
  }

  @Test
  void badRequestsAnswer4xxAndWriteNothing() {
    GalileoClient galileo = new GalileoClient(server, server.newTenantKey());
    String project = galileo.createProject("bad-input");
    String stream = galileo.createLogStream(project, "s");
    JsonObject good = trace("good");
    JsonObject withNul = trace("nul").put("output", "Par\u0000is");
    JsonObject duplicated = trace("dup");
    duplicated.getJsonArray("spans").getJsonObject(0).put("id", duplicated.getString("id"));
    String path = "/projects/" + project + "/traces";

    assertThat(galileo.post(path, batch(stream, good, withNul)).statusCode()).isEqualTo(422);
    assertThat(galileo.post(path, batch(stream, good, duplicated)).statusCode()).isEqualTo(422);
    assertThat(galileo.post(path, batch(stream, good, trace("x").put("colour", "red"))).statusCode()).isEqualTo(422);
    assertThat(galileo.post(path, Buffer.buffer("{\"traces\": [")).statusCode()).isEqualTo(422);
    HttpResponse<Buffer> tooBig = galileo.post(path, batch(stream, good, trace("huge").put("input", "x".repeat((int) BODY_LIMIT))));
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(tooBig.bodyAsJsonObject().getString("detail")).isNotBlank();
    assertThat(ok(galileo.post("/projects/" + project + "/traces/count", new JsonObject().put("log_stream_id", stream)))
        .getInteger("total_count")).isZero();
  }

  @Test
  void deepNestingIsRefusedWithA4xxNotACrash() {
    GalileoClient galileo = new GalileoClient(server, server.newTenantKey());
    String project = galileo.createProject("deep");
    for (int depth : new int[] {80, 400, 3000}) {
      StringBuilder body = new StringBuilder("{\"traces\": [{\"type\": \"trace\", \"name\": \"deep\"");
      for (int i = 0; i < depth; i++) {
        body.append(", \"spans\": [{\"type\": \"workflow\", \"name\": \"level-").append(i).append('"');
      }
      body.append("}]".repeat(depth)).append("}]}");
      HttpResponse<Buffer> reply = galileo.post("/projects/" + project + "/traces", Buffer.buffer(body.toString()));

      assertThat(reply.statusCode()).as("%d levels: %s", depth, reply.bodyAsString()).isEqualTo(422);
      assertThat(reply.bodyAsJsonObject().getJsonArray("detail")).isNotEmpty();
    }
    assertThat(server.send(HttpMethod.GET, "/healthz", null, null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void aBatchOfManyTracesIsStoredInOneGo() {
    GalileoClient galileo = new GalileoClient(server, server.newTenantKey());
    String project = galileo.createProject("many");
    String stream = galileo.createLogStream(project, "s");
    JsonObject[] traces = new JsonObject[600];
    for (int i = 0; i < traces.length; i++) {
      traces[i] = trace("t" + i).put("id", UUID.randomUUID().toString());
    }

    JsonObject reply = galileo.ingest(project, batch(stream, traces));

    assertThat(reply.getInteger("records_count")).isEqualTo(2400);
    assertThat(ok(galileo.post("/projects/" + project + "/traces/count", new JsonObject().put("log_stream_id", stream)))
        .getInteger("total_count")).isEqualTo(600);
  }
}
