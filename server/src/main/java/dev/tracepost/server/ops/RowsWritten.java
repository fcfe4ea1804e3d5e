package dev.tracepost.server.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts the rows the server wrote, per table ({@code tracepost_rows_written_total} on /metrics). */
public final class RowsWritten {

  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public RowsWritten(MeterRegistry registry) {
    this.registry = registry;
  }

  public void add(String table, int rows) {
    counters.computeIfAbsent(table, name -> Counter.builder("tracepost.rows.written")
            .description("Rows written to PostgreSQL")
            .tag("table", name)
            .register(registry))
        .increment(rows);
  }
}
