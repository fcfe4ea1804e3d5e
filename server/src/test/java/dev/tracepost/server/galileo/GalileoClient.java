package dev.tracepost.server.galileo;

import dev.tracepost.server.RunningServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.util.UUID;

/** Talks to a server as a Galileo SDK would, with one tenant's key. */
final class GalileoClient {

  private final RunningServer server;
  private final String key;

  GalileoClient(RunningServer server, String key) {
    this.server = server;
    this.key = key;
  }

  HttpResponse<Buffer> get(String path) {
    return server.send(HttpMethod.GET, path, "Galileo-API-Key", key, null);
  }

  HttpResponse<Buffer> post(String path, Object body) {
    return server.send(HttpMethod.POST, path, "Galileo-API-Key", key, body);
  }

  String createProject(String name) {
    return ok(post("/projects", new JsonObject().put("name", name))).getString("id");
  }

  String createLogStream(String projectId, String name) {
    return ok(post("/projects/" + projectId + "/log_streams", new JsonObject().put("name", name))).getString("id");
  }

  JsonObject ingest(String projectId, JsonObject batch) {
    return ok(post("/projects/" + projectId + "/traces", batch));
  }

  static JsonObject ok(HttpResponse<Buffer> reply) {
    if (reply.statusCode() != 200) {
      throw new AssertionError("expected 200, got " + reply.statusCode() + ": " + reply.bodyAsString());
    }
    return reply.bodyAsJsonObject();
  }

  /** A trace (workflow holding an llm and a tool span), as the JS SDK sends it. */
  static JsonObject trace(String name) {
    return new JsonObject()
        .put("type", "trace").put("id", UUID.randomUUID().toString()).put("name", name)
        .put("input", "What is the capital of France?").put("output", "Paris.")
        .put("created_at", "2026-11-21T11:36:48.693Z").put("tags", new JsonArray().add("t1"))
        .put("spans", new JsonArray().add(new JsonObject()
            .put("type", "workflow").put("id", UUID.randomUUID().toString()).put("name", "wf").put("input", "in").put("output", "out")
            .put("spans", new JsonArray()
                .add(new JsonObject().put("type", "llm").put("id", UUID.randomUUID().toString()).put("name", "llm")
                    .put("input", new JsonArray().add(new JsonObject().put("role", "user").put("content", "Hi")))
                    .put("output", new JsonObject().put("role", "assistant").put("content", "Hello"))
                    .put("metrics", new JsonObject().put("num_input_tokens", 3).put("num_output_tokens", 1)))
                .add(new JsonObject().put("type", "tool").put("id", UUID.randomUUID().toString()).put("name", "tool")
                    .put("input", "{}").put("output", "42").put("tool_call_id", "call_1")))));
  }

  static JsonObject batch(String logStreamId, JsonObject... traces) {
    JsonArray list = new JsonArray();
    for (JsonObject trace : traces) {
      list.add(trace);
    }
    JsonObject batch = new JsonObject().put("traces", list);
    return logStreamId == null ? batch : batch.put("log_stream_id", logStreamId);
  }
}
