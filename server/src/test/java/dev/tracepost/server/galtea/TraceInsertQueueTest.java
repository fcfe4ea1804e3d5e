package dev.tracepost.server.galtea;

import dev.tracepost.galtea.model.TraceCreate;
import dev.tracepost.server.RunningServer;
import dev.tracepost.server.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static dev.tracepost.server.RunningServer.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single traces that arrive together share a statement, and each still gets exactly what a statement of
 * its own would have given it. The traces here are handed to the store in one turn of its event loop,
 * so they do share a statement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceInsertQueueTest {

  private RunningServer server;
  private Vertx vertx;
  private Pool pool;
  private GalteaStore store;
  private UUID tenant;
  private String inferenceResult;

  @BeforeAll
  void start() {
    server = RunningServer.start();
    String key = server.newTenantKey();
    String bearer = "Bearer " + key;
    String session = server.send(HttpMethod.POST, "/sessions", "Authorization", bearer, new JsonObject().put("versionId", "v"))
        .bodyAsJsonObject().getString("id");
    inferenceResult = server.send(HttpMethod.POST, "/inferenceResults", "Authorization", bearer,
        new JsonObject().put("sessionId", session)).bodyAsJsonObject().getString("id");
    vertx = Vertx.vertx();
    pool = PgBuilder.pool().connectingTo(TestDatabase.options()).using(vertx).build();
    tenant = await(pool.preparedQuery("select tenant_id from api_keys where key_prefix = $1").execute(Tuple.of(key.substring(0, 12))))
        .iterator().next().getUUID(0);
    store = new GalteaStore(pool);
  }

  @AfterAll
  void stop() {
    await(vertx.close());
    server.close();
  }

  @Test
  void tracesSentTogetherAreStoredTogetherAndAnsweredOneByOne() {
    String parent = "trace_" + UUID.randomUUID();
    String twice = "trace_" + UUID.randomUUID();
    List<TraceValues> traces = new ArrayList<>();
    traces.add(trace(parent, inferenceResult, null, "parent"));
    traces.add(trace("trace_" + UUID.randomUUID(), inferenceResult, parent, "child of a parent in the same statement"));
    traces.add(trace(twice, inferenceResult, null, "first of two with one id"));
    traces.add(trace(twice, inferenceResult, null, "second of two with one id"));
    traces.add(trace("trace_" + UUID.randomUUID(), "ir_nope", null, "of an unknown inference result"));
    for (int i = 0; i < 20; i++) {
      traces.add(trace("trace_" + UUID.randomUUID(), inferenceResult, null, "plain " + i));
    }

    List<Future<Optional<Row>>> stored = inOneTurn(traces, trace -> store.insertTrace(tenant, trace));
    await(Future.join(new ArrayList<>(stored)));

    assertThat(stored.get(0).result()).isPresent();
    assertThat(stored.get(1).result()).as("its parent was committed first, then it was tried alone").isPresent();
    assertThat(stored.get(1).result().orElseThrow().getString("parent_trace_id")).isEqualTo(parent);
    assertThat(List.of(stored.get(2).result().isPresent(), stored.get(3).result().isPresent())).containsExactlyInAnyOrder(true, false);
    assertThat(stored.get(4).result()).isEmpty();
    stored.subList(5, stored.size()).forEach(plain -> assertThat(plain.result()).isPresent());
  }

  @Test
  void aTraceTheDatabaseRefusesFailsAloneAndTheOthersAreStored() {
    List<TraceValues> traces = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      // PostgreSQL cannot store NUL in text: the request layer refuses it, so only a store-level call can send one.
      traces.add(trace("trace_" + UUID.randomUUID(), inferenceResult, null, i == 4 ? "bad\u0000name" : "good " + i));
    }

    List<Future<Optional<Row>>> stored = inOneTurn(traces, trace -> store.insertTrace(tenant, trace));
    await(Future.join(new ArrayList<>(stored)).otherwiseEmpty());

    for (int i = 0; i < traces.size(); i++) {
      assertThat(stored.get(i).succeeded()).as("trace " + i).isEqualTo(i != 4);
    }
    assertThat(stored.get(0).result().orElseThrow().getString("name")).isEqualTo("good 0");
  }

  /** Hands every trace to the store from one event-loop task, as requests read in one turn would be. */
  private <T> List<Future<T>> inOneTurn(List<TraceValues> traces, Function<TraceValues, Future<T>> insert) {
    Promise<List<Future<T>>> started = Promise.promise();
    vertx.getOrCreateContext().runOnContext(ignored -> started.complete(traces.stream().map(insert).toList()));
    return await(started.future());
  }

  private static TraceValues trace(String id, String inferenceResult, String parent, String name) {
    return new TraceValues(id, new TraceCreate().inferenceResultId(inferenceResult).name(name).parentTraceId(parent), null);
  }
}
