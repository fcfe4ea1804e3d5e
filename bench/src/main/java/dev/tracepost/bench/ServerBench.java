package dev.tracepost.bench;

import dev.tracepost.contract.galileo.RecordRow;
import dev.tracepost.contract.galileo.RecordTree;
import dev.tracepost.server.galileo.GalileoStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's benchmark (bench/server-bench.sh): the server jar as its own process on an embedded
 * PostgreSQL, loaded over HTTP, against the same rows written straight into PostgreSQL with the same
 * client and SQL, and against pgbench running Galtea's INSERT. Prints a Markdown table.
 */
public final class ServerBench {

  private static final String KEY = "gsk_benchmark_key_000000000000000000000000";
  private static final int TRACES_PER_BATCH = 100;
  private static final int RECORDS_PER_TRACE = 5;

  private ServerBench() {
  }

  public static void main(String[] args) throws Exception {
    Path serverJar = Path.of(args[0]);
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
    String javaOptions = args.length > 2 ? args[2] : "";
    Path data = Files.createTempDirectory("tracepost-bench-db");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true).start()) {
      String url = "postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/postgres";
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      if (!javaOptions.isBlank()) {
        command.addAll(List.of(javaOptions.split(" ")));
      }
      command.addAll(List.of("-jar", serverJar.toString(), "--port", "0", "--host", "127.0.0.1"));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("DATABASE_URL", url);
      builder.environment().put("TRACEPOST_BOOTSTRAP_KEY", KEY);
      Process server = builder.start();
      int port = awaitPort(server);
      Vertx vertx = Vertx.vertx();
      try {
        run(vertx, port, server.pid(), postgres.getPort(), seconds, javaOptions);
      } finally {
        server.destroy();
        server.waitFor(30, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static void run(Vertx vertx, int port, long pid, int pgPort, double seconds, String javaOptions) throws Exception {
    WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
        .setKeepAlive(true), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(64));
    String project = call(client.post("/projects").putHeader("Galileo-API-Key", KEY)
        .sendJsonObject(new JsonObject().put("name", "bench-" + UUID.randomUUID()))).getString("id");
    String stream = call(client.post("/projects/" + project + "/log_streams").putHeader("Galileo-API-Key", KEY)
        .sendJsonObject(new JsonObject().put("name", "bench"))).getString("id");
    StringBuilder table = new StringBuilder();
    table.append("Server: ").append(javaOptions.isBlank() ? "default JVM options" : javaOptions)
        .append(", 2 cores shared by load generator, server and PostgreSQL, ").append(seconds).append(" s per row\n\n");
    table.append("| load | connections | throughput | p50 | p99 | direct to PostgreSQL | server / direct |\n|---|---|---|---|---|---|---|\n");

    PgConnectOptions pg = new PgConnectOptions().setHost("localhost").setPort(pgPort).setDatabase("postgres").setUser("postgres")
        .setPassword("postgres").setCachePreparedStatements(true).setPipeliningLimit(256);
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(8)).connectingTo(pg).using(vertx).build();
    UUID tenant = pool.query("select tenant_id from tenants where name = 'default'").execute().toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS).iterator().next().getUUID(0);
    // Both sides warm up as long as a measurement lasts, so that no row measures the JIT compiler.
    Load.run(16, seconds, () -> ingest(client, project, stream));
    Load.run(16, seconds, () -> directIngest(pool, tenant, project, stream));
    for (int connections : new int[] {8, 16, 32}) {
      Load.run(connections, 2, () -> ingest(client, project, stream));
      Load.Result http = Load.run(connections, seconds, () -> ingest(client, project, stream));
      Load.Result direct = Load.run(connections, seconds, () -> directIngest(pool, tenant, project, stream));
      double httpRecords = http.perSecond() * TRACES_PER_BATCH * RECORDS_PER_TRACE;
      double directRecords = direct.perSecond() * TRACES_PER_BATCH * RECORDS_PER_TRACE;
      table.append(String.format(Locale.ROOT, "| Galileo ingest, 100 traces (500 records) a request | %d | %,.0f records/s | %.1f ms | %.1f ms | %,.0f records/s | %.2f |%n",
          connections, httpRecords, http.p50Ms(), http.p99Ms(), directRecords, httpRecords / directRecords));
      failuresMustBeNone(http);
    }

    String session = call(client.post("/sessions").putHeader("Authorization", "Bearer " + KEY)
        .sendJsonObject(new JsonObject().put("versionId", "bench"))).getString("id");
    String ir = call(client.post("/inferenceResults").putHeader("Authorization", "Bearer " + KEY)
        .sendJsonObject(new JsonObject().put("sessionId", session))).getString("id");
    Path script = Files.createTempFile("galtea-trace", ".lua");
    Files.writeString(script, """
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
        wrk.headers["Authorization"] = "Bearer %s"
        wrk.body = '%s'
        """.formatted(KEY, new JsonObject().put("inferenceResultId", ir).put("name", "fetch_user_data").put("type", "TOOL")
        .put("inputData", new JsonObject().put("user_id", "123")).put("outputData", new JsonObject().put("name", "John Doe"))
        .put("latencyMs", 45.5).put("metadata", new JsonObject()).encode()), StandardCharsets.UTF_8);
    String url = "http://127.0.0.1:" + port + "/traces";
    // The Galileo loads warmed up the HTTP and validation paths, not this one's: its JIT compilation
    // takes longer than a measurement on two shared cores, so it warms up for three.
    Wrk.run(script, url, 32, 3 * seconds);
    Wrk.Result single = Wrk.run(script, url, 32, seconds);
    if (single.non2xx() > 0) {
      throw new IllegalStateException(single.non2xx() + " requests failed during the load");
    }
    Pgbench.Result pgbench = Pgbench.run(pgPort, tenant, ir, 32, seconds);
    table.append(String.format(Locale.ROOT, "| Galtea `POST /traces`, one trace a request | 32 | %,.0f requests/s | %.1f ms | %.1f ms | pgbench, same INSERT: %,.0f tps (%.1f ms mean) | %.2f |%n",
        single.perSecond(), single.p50Ms(), single.p99Ms(), pgbench.tps(), pgbench.meanMs(), single.perSecond() / pgbench.tps()));
    table.append("\nGalileo: a closed-loop Vert.x client in the benchmark's JVM (which also runs the direct writes); Galtea: wrk -t2 -c32.\n"
        + "Warm-up before measuring: as long as one measurement for Galileo and the direct writes (2 s between rows), three for Galtea.\n");
    table.append(String.format(Locale.ROOT, "%nPeak server RSS over the whole run (VmHWM): %.0f MiB%n", Rss.peakMib(pid)));
    System.out.println(table);
    pool.close();
  }

  private static final List<Buffer> BATCHES = new ArrayList<>();
  private static final List<List<JsonObject>> TRACES = new ArrayList<>();
  private static final AtomicInteger NEXT = new AtomicInteger();

  static {
    for (int b = 0; b < 64; b++) {
      List<JsonObject> traces = new ArrayList<>();
      for (int t = 0; t < TRACES_PER_BATCH; t++) {
        traces.add(trace(t));
      }
      TRACES.add(traces);
      BATCHES.add(new JsonObject().put("traces", new JsonArray(new ArrayList<>(traces))).toBuffer());
    }
  }

  private static JsonObject trace(int n) {
    return new JsonObject(ServerBenchBodies.traceJson(n));
  }

  private static Future<Boolean> ingest(WebClient client, String project, String stream) {
    Buffer body = BATCHES.get(NEXT.getAndIncrement() % BATCHES.size());
    return client.post("/projects/" + project + "/traces").putHeader("Galileo-API-Key", KEY)
        .putHeader("Content-Type", "application/json").sendBuffer(body).map(reply -> reply.statusCode() == 200);
  }

  /** The same rows, the same SQL, the same client: what the server does minus HTTP, validation and JSON. */
  private static Future<Boolean> directIngest(Pool pool, UUID tenant, String project, String stream) {
    List<JsonObject> traces = TRACES.get(NEXT.getAndIncrement() % TRACES.size());
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    List<RecordRow> rows = RecordTree.ofTraces(traces, null, now);
    return pool.withTransaction(tx -> GalileoStore.insertRecords(tx, tenant, UUID.fromString(project), UUID.fromString(stream), rows, now))
        .map(done -> true);
  }

  private static JsonObject call(Future<io.vertx.ext.web.client.HttpResponse<Buffer>> reply) throws Exception {
    var response = reply.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.statusCode() + " " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  private static void failuresMustBeNone(Load.Result result) {
    if (result.failures() > 0) {
      throw new IllegalStateException(result.failures() + " requests failed during the load");
    }
  }

  private static int awaitPort(Process server) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    Pattern listening = Pattern.compile("Tracepost listening on http://[^:]+:(\\d+).*");
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher matcher = listening.matcher(line);
      if (matcher.matches()) {
        Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }));
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(matcher.group(1));
      }
    }
    throw new IllegalStateException("The server stopped before listening");
  }
}
