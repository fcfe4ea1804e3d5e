package dev.tracepost.mock;

import dev.tracepost.mock.control.Expectation;
import dev.tracepost.mock.journal.JournalEntry;
import dev.tracepost.mock.junit.TracepostMockExtension;
import dev.tracepost.testkit.GalileoJsSdk;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole flow of each vendor's client against the mock, statefully, as a developer's test would use it. */
class MockFlowsTest {

  @RegisterExtension
  static TracepostMockExtension mock = TracepostMockExtension.create();

  @Test
  void thePublishedGalileoSdkFlushesIntoTheMockAndTheTestReadsTheTracesBack() {
    GalileoJsSdk.Run run = GalileoJsSdk.flush(mock.baseUrl(), "any-key", "shop", "checkout", 2);

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    List<JsonObject> traces = mock.galileo().ingestedTraces();
    assertThat(traces).extracting(trace -> trace.getString("name")).containsExactly("sdk-trace-0", "sdk-trace-1");
    JsonObject workflow = traces.get(0).getJsonArray("spans").getJsonObject(0);
    assertThat(workflow.getJsonArray("spans").getJsonObject(0).getString("model")).isEqualTo("gpt-4o-mini");
    mock.verify("logTraces", 1);
    mock.verify("createProject", 1);
    JournalEntry ingest = mock.requests("logTraces").get(0);
    assertThat(ingest.status()).isEqualTo(200);
    assertThat(ingest.bodyAsJsonObject().getJsonArray("traces")).hasSize(2);

    try (Http http = new Http(mock.mock().port())) {
      String projectId = http.galileo(HttpMethod.GET, "/projects?project_name=shop", null).bodyAsJsonArray().getJsonObject(0).getString("id");
      String traceId = run.summary().getJsonArray("traces").getJsonObject(0).getString("id");
      JsonObject stored = http.galileo(HttpMethod.GET, "/projects/" + projectId + "/traces/" + traceId, null).bodyAsJsonObject();
      assertThat(stored.getString("name")).isEqualTo("sdk-trace-0");
      assertThat(stored.getJsonArray("spans").getJsonObject(0).getJsonArray("spans")).hasSize(2);
    }
  }

  @Test
  void anExpectationForcing422Then500ExercisesTheSdksErrorPath() {
    mock.expect(Expectation.answer("logTraces", 422).times(1));
    mock.expect(Expectation.answer("logTraces", 500).body(new JsonObject().put("detail", "ingestion failed")).times(1));

    GalileoJsSdk.Run rejected = GalileoJsSdk.flush(mock.baseUrl(), "any-key", "shop", "errors", 1);
    GalileoJsSdk.Run failed = GalileoJsSdk.flush(mock.baseUrl(), "any-key", "shop", "errors", 1);
    GalileoJsSdk.Run recovered = GalileoJsSdk.flush(mock.baseUrl(), "any-key", "shop", "errors", 1);

    List<Integer> statuses = mock.requests("logTraces").stream().map(JournalEntry::status).toList();
    assertThat(statuses).as("the SDK gives up on a 422 and retries a 500").startsWith(422, 500).endsWith(200);
    assertThat(rejected.summary().getJsonArray("traces")).as("the SDK flushed nothing it could report").isEmpty();
    assertThat(failed.summary().getJsonArray("traces")).as("its retry went through").hasSize(1);
    assertThat(recovered.exitCode()).isZero();
    assertThat(mock.galileo().ingestedTraces()).as("a rejected batch is not stored")
        .hasSize((int) statuses.stream().filter(status -> status == 200).count());
  }

  @Test
  void galteasFlowWorksOverPlainHttpAsItsSdkCallsIt() {
    try (Http http = new Http(mock.mock().port())) {
      assertThat(http.send(HttpMethod.GET, "/minimum-sdk-version", java.util.Map.of(), null).statusCode()).isEqualTo(200);
      String session = created(http.galtea(HttpMethod.POST, "/sessions", new JsonObject().put("versionId", "ver_1").put("customId", "c-1")))
          .getString("id");
      String ir = created(http.galtea(HttpMethod.POST, "/inferenceResults", new JsonObject().put("sessionCustomId", "c-1")
          .put("input", "Where is my order?"))).getString("id");
      JsonObject parent = created(http.galtea(HttpMethod.POST, "/traces", new JsonObject().put("inferenceResultId", ir)
          .put("name", "answer").put("type", "AGENT").put("inputData", new JsonObject().put("q", "order"))));
      HttpResponse<Buffer> batch = http.galtea(HttpMethod.POST, "/traces/batch", new JsonArray()
          .add(new JsonObject().put("inferenceResultId", ir).put("name", "lookup").put("type", "TOOL").put("parentTraceId", parent.getString("id")))
          .add(new JsonObject().put("inferenceResultId", ir).put("name", "embed").put("type", "EMBEDDING")));
      HttpResponse<Buffer> orphan = http.galtea(HttpMethod.POST, "/traces", new JsonObject().put("inferenceResultId", "ir_missing").put("name", "x"));
      JsonArray listed = http.galtea(HttpMethod.GET, "/traces?inferenceResultIds=" + ir, null).bodyAsJsonArray();
      JsonObject read = http.galtea(HttpMethod.GET, "/traces/" + parent.getString("id"), null).bodyAsJsonObject();
      HttpResponse<Buffer> deleted = http.galtea(HttpMethod.DELETE, "/traces/" + parent.getString("id"), null);

      assertThat(session).startsWith("session_");
      assertThat(batch.statusCode()).isEqualTo(201);
      assertThat(batch.bodyAsJsonArray()).hasSize(2);
      assertThat(orphan.statusCode()).isEqualTo(404);
      assertThat(listed).hasSize(3);
      assertThat(read.getJsonObject("inputData")).isEqualTo(new JsonObject().put("q", "order"));
      assertThat(deleted.statusCode()).isEqualTo(204);
      assertThat(http.galtea(HttpMethod.GET, "/traces/" + parent.getString("id"), null).statusCode()).isEqualTo(404);
      assertThat(http.galtea(HttpMethod.GET, "/traces?inferenceResultIds=" + ir, null).bodyAsJsonArray()).hasSize(2);
      assertThat(mock.galtea().traces()).hasSize(3);
      assertThat(mock.galtea().traces().get(0).getString("deletedAt")).isNotNull();
      assertThat(mock.galtea().traces().get(0).copy().put("deletedAt", null)).as("the test sees what GET returned").isEqualTo(read);
    }
  }

  @Test
  void numbersPastWhatTheMockCanHoldAreTheClientsErrorNotA500() {
    try (Http http = new Http(mock.mock().port())) {
      String project = http.galileo(HttpMethod.POST, "/projects", new JsonObject().put("name", "big")).bodyAsJsonObject().getString("id");
      String stream = http.galileo(HttpMethod.POST, "/projects/" + project + "/log_streams", new JsonObject().put("name", "s"))
          .bodyAsJsonObject().getString("id");
      String session = created(http.galtea(HttpMethod.POST, "/sessions", new JsonObject().put("versionId", "v"))).getString("id");

      HttpResponse<Buffer> deepPage = http.galileo(HttpMethod.GET, "/projects/" + project + "/log_streams/paginated?starting_token=99999999999", null);
      HttpResponse<Buffer> lastPage = http.galileo(HttpMethod.POST, "/projects/" + project + "/traces/search",
          new JsonObject().put("log_stream_id", stream).put("starting_token", 1_000_000_000).put("limit", 1000));
      HttpResponse<Buffer> farOffset = http.galtea(HttpMethod.GET, "/traces?offset=99999999999", null);
      HttpResponse<Buffer> manyTokens = http.galtea(HttpMethod.POST, "/inferenceResults",
          new JsonObject().put("sessionId", session).put("inputTokens", 99_999_999_999L));

      assertThat(deepPage.statusCode()).isEqualTo(422);
      assertThat(deepPage.bodyAsJsonObject().getJsonArray("detail").getJsonObject(0).getString("type")).isEqualTo("less_than_equal");
      assertThat(lastPage.statusCode()).as("the largest offset with the largest page: no overflow").isEqualTo(200);
      assertThat(lastPage.bodyAsJsonObject().getJsonArray("records")).isEmpty();
      assertThat(farOffset.statusCode()).isEqualTo(400);
      assertThat(farOffset.bodyAsJsonObject().getString("error")).isNotBlank();
      assertThat(manyTokens.statusCode()).isEqualTo(400);
      assertThat(manyTokens.bodyAsJsonObject().getString("message")).contains("inputTokens");
    }
  }

  @Test
  void aNameTakenAnswers409InTheVendorsShapeAndAddsNothing() {
    try (Http http = new Http(mock.mock().port())) {
      String project = http.galileo(HttpMethod.POST, "/projects", new JsonObject().put("name", "taken")).bodyAsJsonObject().getString("id");
      http.galileo(HttpMethod.POST, "/projects/" + project + "/log_streams", new JsonObject().put("name", "s"));
      created(http.galtea(HttpMethod.POST, "/sessions", new JsonObject().put("versionId", "v").put("customId", "c-1")));

      HttpResponse<Buffer> projectAgain = http.galileo(HttpMethod.POST, "/projects", new JsonObject().put("name", "taken"));
      HttpResponse<Buffer> streamAgain = http.galileo(HttpMethod.POST, "/projects/" + project + "/log_streams",
          new JsonObject().put("name", "s"));
      HttpResponse<Buffer> sessionAgain = http.galtea(HttpMethod.POST, "/sessions", new JsonObject().put("versionId", "v").put("customId", "c-1"));

      assertThat(projectAgain.statusCode()).isEqualTo(409);
      assertThat(projectAgain.bodyAsJsonObject().getString("detail")).contains("taken");
      assertThat(streamAgain.statusCode()).isEqualTo(409);
      assertThat(streamAgain.bodyAsJsonObject().getString("detail")).contains("log stream named s");
      assertThat(sessionAgain.statusCode()).isEqualTo(409);
      assertThat(sessionAgain.bodyAsJsonObject().getString("error")).isNotBlank();
      assertThat(sessionAgain.bodyAsJsonObject().getString("message")).contains("c-1");
      assertThat(http.galileo(HttpMethod.GET, "/projects?project_name=taken", null).bodyAsJsonArray()).hasSize(1);
      assertThat(http.galileo(HttpMethod.GET, "/projects/" + project + "/log_streams", null).bodyAsJsonArray()).hasSize(1);
    }
  }

  @Test
  void eachTestStartsFromAnEmptyMock() {
    assertThat(mock.mock().requests()).isEmpty();
    assertThat(mock.galileo().ingestedTraces()).isEmpty();
    assertThat(mock.galtea().traces()).isEmpty();
  }

  private static JsonObject created(HttpResponse<Buffer> reply) {
    assertThat(reply.statusCode()).as(reply.bodyAsString()).isEqualTo(201);
    return reply.bodyAsJsonObject();
  }
}
