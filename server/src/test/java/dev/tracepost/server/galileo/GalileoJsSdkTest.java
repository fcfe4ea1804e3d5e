package dev.tracepost.server.galileo;

import dev.tracepost.server.RunningServer;
import dev.tracepost.testkit.GalileoJsSdk;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static dev.tracepost.server.galileo.GalileoClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** The published Galileo JS SDK, unmodified but for its base URL, logs into the server and its traces read back intact. */
class GalileoJsSdkTest {

  @Test
  void theSdkCreatesItsProjectAndLogStreamAndItsTracesReadBack() {
    try (RunningServer server = RunningServer.start()) {
      String key = server.newTenantKey();

      GalileoJsSdk.Run run = GalileoJsSdk.flush("http://127.0.0.1:" + server.port(), key, "sdk-project", "sdk-stream", 3);

      assertThat(run.exitCode()).as(run.stderr()).isZero();
      assertThat(run.stderr()).doesNotContainIgnoringCase("error");
      JsonArray flushed = run.summary().getJsonArray("traces");
      assertThat(flushed).hasSize(3);
      GalileoClient galileo = new GalileoClient(server, key);
      JsonObject project = galileo.get("/projects?project_name=sdk-project").bodyAsJsonArray().getJsonObject(0);
      JsonArray streams = galileo.get("/projects/" + project.getString("id") + "/log_streams").bodyAsJsonArray();
      assertThat(streams.getJsonObject(0).getString("name")).isEqualTo("sdk-stream");
      for (int i = 0; i < flushed.size(); i++) {
        JsonObject trace = ok(galileo.get("/projects/" + project.getString("id") + "/traces/" + flushed.getJsonObject(i).getString("id")));
        assertThat(trace.getString("name")).isEqualTo(flushed.getJsonObject(i).getString("name"));
        assertThat(trace.getString("output")).isEqualTo("Paris.");
        assertThat(trace.getString("run_id")).isEqualTo(streams.getJsonObject(0).getString("id"));
        JsonObject workflow = trace.getJsonArray("spans").getJsonObject(0);
        assertThat(workflow.getString("type")).isEqualTo("workflow");
        JsonObject llm = workflow.getJsonArray("spans").getJsonObject(0);
        assertThat(llm.getString("model")).isEqualTo("gpt-4o-mini");
        assertThat(llm.getJsonObject("output").getString("content")).isEqualTo("Paris.");
        assertThat(llm.getJsonObject("metrics").getInteger("num_input_tokens")).isEqualTo(12);
        assertThat(workflow.getJsonArray("spans").getJsonObject(1).getString("tool_call_id")).isEqualTo("call_1");
      }
    }
  }
}
