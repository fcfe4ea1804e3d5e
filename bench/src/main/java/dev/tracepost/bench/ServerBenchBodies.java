package dev.tracepost.bench;

import java.util.UUID;

/** The benchmark's trace: a workflow holding an llm, a retriever and a tool span (five records). */
final class ServerBenchBodies {

  private ServerBenchBodies() {
  }

  static String traceJson(int n) {
    return """
        {"type":"trace","id":"%s","name":"bench-%d","input":"question %d","output":"answer","created_at":"2026-11-21T09:00:00Z",
         "spans":[{"type":"workflow","id":"%s","name":"wf","input":"in","output":"out","spans":[
           {"type":"llm","id":"%s","name":"llm","model":"gpt-4o","input":[{"role":"user","content":"question %d"}],
            "output":{"role":"assistant","content":"answer"},"metrics":{"num_input_tokens":12,"num_output_tokens":3}},
           {"type":"retriever","id":"%s","name":"docs","input":"q","output":[{"content":"a document"}]},
           {"type":"tool","id":"%s","name":"tool","input":"{}","output":"42"}]}]}"""
        .formatted(UUID.randomUUID(), n, n, UUID.randomUUID(), UUID.randomUUID(), n, UUID.randomUUID(), UUID.randomUUID());
  }
}
