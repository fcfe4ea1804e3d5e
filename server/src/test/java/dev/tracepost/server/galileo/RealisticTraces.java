package dev.tracepost.server.galileo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * A realistic agent run: every span type, nested four deep (trace > agent > workflow > retriever >
 * tool), with messages, content parts, tool calls, documents, events, metrics and every kind of metadata.
 */
final class RealisticTraces {

  static final int RECORDS_PER_RUN = 8;

  private RealisticTraces() {
  }

  static JsonObject agentRun(int n) {
    String question = "Question " + n + ": how many moons does Mars have?";
    JsonObject retriever = new JsonObject().put("type", "retriever").put("id", id()).put("name", "moon-facts")
        .put("input", "moons of Mars").put("created_at", "2026-11-21T09:00:00.020Z")
        .put("output", new JsonArray().add(new JsonObject().put("content", "Mars has two moons, Phobos and Deimos.")
            .put("metadata", new JsonObject().put("source", "nasa.gov").put("score", 0.93).put("page", 4).put("verified", true))))
        .put("metrics", new JsonObject().put("duration_ns", 42_000_000))
        .put("spans", new JsonArray().add(new JsonObject().put("type", "tool").put("id", id()).put("name", "rerank")
            .put("input", "{\"k\":3}").put("output", "[0]").put("tool_call_id", null).put("status_code", 200)));
    JsonObject llm = new JsonObject().put("type", "llm").put("id", id()).put("name", "answer").put("model", "gpt-4o")
        .put("temperature", 0.2).put("finish_reason", "tool_calls")
        .put("tools", new JsonArray().add(new JsonObject().put("type", "function")
            .put("function", new JsonObject().put("name", "count_moons").put("parameters", new JsonObject().put("type", "object")))))
        .put("input", new JsonArray()
            .add(new JsonObject().put("role", "system").put("content", "Answer from the context."))
            .add(new JsonObject().put("role", "user").put("content", new JsonArray()
                .add(new JsonObject().put("type", "text").put("text", question)))))
        .put("output", new JsonObject().put("role", "assistant").put("content", "").put("tool_calls", new JsonArray()
            .add(new JsonObject().put("id", "call_" + n)
                .put("function", new JsonObject().put("name", "count_moons").put("arguments", "{\"planet\":\"Mars\"}")))))
        .put("events", new JsonArray().add(new JsonObject().put("type", "reasoning").put("content", "Two moons.").put("status", "completed")))
        .put("metrics", new JsonObject().put("duration_ns", 950_000_000).put("num_input_tokens", 210).put("num_output_tokens", 18)
            .put("num_total_tokens", 228).put("time_to_first_token_ns", 310_000_000))
        .put("created_at", "2026-11-21T09:00:00.070Z").put("user_metadata", new JsonObject().put("team", "search"));
    JsonObject workflow = new JsonObject().put("type", "workflow").put("id", id()).put("name", "rag")
        .put("input", new JsonArray().add(new JsonObject().put("role", "user").put("content", question)))
        .put("output", new JsonObject().put("role", "assistant").put("content", "Two."))
        .put("spans", new JsonArray().add(retriever).add(llm));
    JsonObject tool = new JsonObject().put("type", "tool").put("id", id()).put("name", "count_moons")
        .put("input", "{\"planet\":\"Mars\"}").put("output", "2").put("tool_call_id", "call_" + n)
        .put("redacted_input", "{\"planet\":\"[redacted]\"}");
    JsonObject control = new JsonObject().put("type", "control").put("id", id()).put("name", "pii-check")
        .put("input", "Two, Phobos and Deimos.")
        .put("output", new JsonObject().put("action", "observe").put("matched", false).put("confidence", 0.02))
        .put("check_stage", "post").put("applies_to", "llm_call").put("evaluator_name", "pii").put("control_id", 7);
    JsonObject agent = new JsonObject().put("type", "agent").put("id", id()).put("name", "planner").put("agent_type", "planner")
        .put("input", question).put("output", "Two, Phobos and Deimos.")
        .put("spans", new JsonArray().add(workflow).add(tool).add(control));
    return new JsonObject().put("type", "trace").put("id", id()).put("name", "run-" + n).put("input", question)
        .put("output", "Two, Phobos and Deimos.").put("created_at", "2026-11-21T09:00:00Z").put("external_id", "req-" + n)
        .put("tags", new JsonArray().add("eval").add("mars")).put("user_metadata", new JsonObject().put("user", "u" + n))
        .put("dataset_input", "moons?").put("dataset_output", "2").put("dataset_metadata", new JsonObject().put("split", "test"))
        .put("metrics", new JsonObject().put("duration_ns", 1_840_000_000).put("custom_score", 0.9))
        .put("spans", new JsonArray().add(agent));
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
