package dev.tracepost.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench inserting Galtea traces one row a transaction, at the server's concurrency: the database's own
 * rate for what {@code POST /traces} asks of it. (The server writes the traces that arrive together in one
 * statement, TraceInsertQueue; this baseline stays the one-trace-per-statement INSERT it ran before.)
 */
final class Pgbench {

  record Result(double tps, double meanMs) {
  }

  /** One trace checked and stored as the server does (inference result, parent, id), with pgbench variables for its id. */
  private static final String INSERT = """
      \\set n random(1, 2000000000)
      insert into galtea_traces (tenant_id, trace_id, inference_result_id, session_id, name, type, description, input_data,
                                 output_data, error, latency_ms, metadata, parent_trace_id, start_time, end_time)
      select '%s'::uuid, 'trace_pgbench_' || :client_id || '_' || :n, ir.inference_result_id, ir.session_id, 'fetch_user_data', 'TOOL', null,
             '{"user_id": "123"}'::jsonb, '{"name": "John Doe"}'::jsonb, null, 45.5, '{}'::jsonb, null::text, null::timestamptz, null::timestamptz
      from galtea_inference_results ir
      where ir.tenant_id = '%s'::uuid and ir.inference_result_id = '%s' and ir.deleted_at is null
        and (null::text is null or exists (select 1 from galtea_traces p where p.tenant_id = '%s'::uuid and p.trace_id = null::text
                                          and p.inference_result_id = '%s' and p.deleted_at is null))
      on conflict (tenant_id, trace_id) do nothing
      returning trace_id, inference_result_id, name, type, description, input_data, output_data, error, latency_ms, metadata,
                parent_trace_id, start_time, end_time, created_at, deleted_at;
      """;

  private Pgbench() {
  }

  static Result run(int port, UUID tenant, String inferenceResult, int clients, double seconds) throws Exception {
    Path script = Files.createTempFile("galtea-insert", ".sql");
    Files.writeString(script, INSERT.formatted(tenant, tenant, inferenceResult, tenant, inferenceResult), StandardCharsets.UTF_8);
    ProcessBuilder builder = new ProcessBuilder(List.of("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(clients), "-j", "2",
        "-T", String.valueOf((int) Math.round(seconds)), "-f", script.toString(), "-h", "localhost", "-p", String.valueOf(port),
        "-U", "postgres", "postgres")).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", "postgres");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pgbench failed:\n" + out);
    }
    Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
    Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(out);
    if (!tps.find() || !latency.find()) {
      throw new IllegalStateException("Unexpected pgbench output:\n" + out);
    }
    return new Result(Double.parseDouble(tps.group(1)), Double.parseDouble(latency.group(1)));
  }
}
