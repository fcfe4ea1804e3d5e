package dev.tracepost.contract;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.contract.errors.ApiException;
import dev.tracepost.contract.galtea.TraceBatchBody;
import dev.tracepost.galileo.api.TracesApi;
import dev.tracepost.galileo.api.TracesApiHandler;
import dev.tracepost.galileo.model.LogTracesIngestRequest;
import dev.tracepost.galileo.model.LogTracesIngestResponse;
import dev.tracepost.galileo.model.TraceCountRequest;
import dev.tracepost.galileo.model.TraceCountResponse;
import dev.tracepost.galileo.model.TraceSearchRequest;
import dev.tracepost.galileo.model.TraceSearchResponse;
import dev.tracepost.galtea.model.Trace;
import dev.tracepost.galtea.model.TraceCreate;
import dev.tracepost.galtea.model.TraceType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.tracepost.contract.ContractFixtures.ANY_KEY;
import static dev.tracepost.contract.ContractFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The generated bindings hand handlers typed values and write what they answer. */
@ExtendWith(VertxExtension.class)
class GeneratedBindingTest {

  @Test
  void galteaHandlersGetTypedValuesWithDefaultsAndTheirRepliesKeepNulls(Vertx vertx) {
    List<Object> seen = new ArrayList<>();
    dev.tracepost.galtea.api.TracesApi traces = new dev.tracepost.galtea.api.TracesApi() {
      @Override
      public Future<ApiReply<Trace>> createTrace(TraceCreate body, RoutingContext context) {
        seen.add(body);
        return Future.succeededFuture(ApiReply.created(new Trace().id("trace_1").inferenceResultId(body.getInferenceResultId())
            .name(body.getName()).type(body.getType()).createdAt(OffsetDateTime.parse("2026-11-21T10:00:00Z"))));
      }

      @Override
      public Future<ApiReply<List<Trace>>> createTracesBatch(TraceBatchBody body, RoutingContext context) {
        seen.add(body.traces().size());
        return Future.succeededFuture(ApiReply.created(List.of()));
      }

      @Override
      public Future<ApiReply<Void>> deleteTrace(String id, RoutingContext context) {
        return Future.failedFuture(ApiException.notFound("Trace " + id + " not found"));
      }

      @Override
      public Future<ApiReply<Trace>> getTraceById(String id, RoutingContext context) {
        return Future.failedFuture(new IllegalStateException("not called"));
      }

      @Override
      public Future<ApiReply<List<Trace>>> listTraces(List<String> ids, List<String> inferenceResultIds, List<String> sessionIds,
                                                     List<TraceType> types, List<String> names, OffsetDateTime fromStartTime,
                                                     OffsetDateTime toStartTime, List<Object> sort, Integer offset, Integer limit,
                                                     RoutingContext context) {
        seen.addAll(java.util.Arrays.asList(inferenceResultIds, types, sort, offset, limit));
        return Future.succeededFuture(ApiReply.ok(List.of()));
      }
    };
    WebClient client = WebClient.create(vertx);
    int port = serve(vertx, Vendor.GALTEA, builder -> dev.tracepost.galtea.api.TracesApiHandler.mount(builder, traces));

    HttpResponse<Buffer> created = await(client.post(port, "127.0.0.1", "/traces").putHeader("Authorization", "Bearer gsk_x")
        .sendJsonObject(new JsonObject().put("inferenceResultId", "ir_1").put("name", "lookup").put("type", "TOOL")));
    await(client.post(port, "127.0.0.1", "/traces/batch").putHeader("Authorization", "Bearer gsk_x")
        .sendJson(new JsonArray().add(new JsonObject().put("inferenceResultId", "ir_1").put("name", "a"))
            .add(new JsonObject().put("inferenceResultId", "ir_1").put("name", "b"))));
    await(client.get(port, "127.0.0.1", "/traces?inferenceResultIds=ir_1&inferenceResultIds=ir_2&types=TOOL&sort=startTime&sort=desc")
        .putHeader("Authorization", "Bearer gsk_x").send());
    HttpResponse<Buffer> deleted = await(client.delete(port, "127.0.0.1", "/traces/trace_9").putHeader("Authorization", "Bearer gsk_x").send());

    assertThat(created.statusCode()).isEqualTo(201);
    JsonObject trace = created.bodyAsJsonObject();
    assertThat(trace.getString("type")).isEqualTo("TOOL");
    assertThat(trace.getString("createdAt")).isEqualTo("2026-11-21T10:00:00Z");
    assertThat(trace.containsKey("deletedAt")).as("nullable fields are written as null").isTrue();
    assertThat(trace.getValue("deletedAt")).isNull();
    assertThat(seen.get(0)).isInstanceOf(TraceCreate.class);
    assertThat(((TraceCreate) seen.get(0)).getType()).isEqualTo(TraceType.TOOL);
    assertThat(seen.get(1)).as("a bare-array batch reads into the same list").isEqualTo(2);
    assertThat(seen.subList(2, 7)).containsExactly(List.of("ir_1", "ir_2"), List.of(TraceType.TOOL), List.of("startTime", "desc"),
        0, 1000);
    assertThat(deleted.statusCode()).isEqualTo(404);
    assertThat(deleted.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error", "NotFound").put("message", "Trace trace_9 not found"));
  }

  @Test
  void bothPathFormsOfAGalileoOperationReachTheSameMethod(Vertx vertx) {
    AtomicReference<List<String>> projects = new AtomicReference<>(new ArrayList<>());
    TracesApi traces = new TracesApi() {
      @Override
      public Future<ApiReply<TraceCountResponse>> countTraces(String projectId, TraceCountRequest body, RoutingContext context) {
        projects.get().add(projectId + " " + body.getLogStreamId());
        return Future.succeededFuture(ApiReply.ok(new TraceCountResponse().totalCount(3)));
      }

      @Override
      public Future<ApiReply<JsonObject>> getTrace(String projectId, String traceId, Boolean includePresignedUrls, RoutingContext context) {
        return Future.failedFuture(ApiException.notFound("Trace " + traceId + " not found"));
      }

      @Override
      public Future<ApiReply<LogTracesIngestResponse>> logTraces(String projectId, LogTracesIngestRequest body, RoutingContext context) {
        return Future.failedFuture(new IllegalStateException("not called"));
      }

      @Override
      public Future<ApiReply<TraceSearchResponse>> searchTraces(String projectId, TraceSearchRequest body, RoutingContext context) {
        return Future.failedFuture(new IllegalStateException("not called"));
      }
    };
    WebClient client = WebClient.create(vertx);
    int port = serve(vertx, Vendor.GALILEO, builder -> TracesApiHandler.mount(builder, traces));
    JsonObject query = new JsonObject().put("log_stream_id", "22222222-2222-4222-8222-222222222222");

    for (String prefix : List.of("", "/v2")) {
      HttpResponse<Buffer> reply = await(client.post(port, "127.0.0.1", prefix + "/projects/11111111-1111-4111-8111-111111111111/traces/count")
          .putHeader("Galileo-API-Key", "k").sendJsonObject(query));
      assertThat(reply.statusCode()).isEqualTo(200);
      assertThat(reply.bodyAsJsonObject()).isEqualTo(new JsonObject().put("total_count", 3));
    }
    HttpResponse<Buffer> missing = await(client.get(port, "127.0.0.1",
        "/v2/projects/11111111-1111-4111-8111-111111111111/traces/33333333-3333-4333-8333-333333333333").putHeader("Galileo-API-Key", "k").send());

    assertThat(projects.get()).containsExactly(
        "11111111-1111-4111-8111-111111111111 22222222-2222-4222-8222-222222222222",
        "11111111-1111-4111-8111-111111111111 22222222-2222-4222-8222-222222222222");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.bodyAsJsonObject()).isEqualTo(new JsonObject().put("detail", "Trace 33333333-3333-4333-8333-333333333333 not found"));
  }

  private static int serve(Vertx vertx, Vendor vendor, java.util.function.Consumer<io.vertx.ext.web.openapi.router.RouterBuilder> mount) {
    var router = ContractRouter.build(vertx, await(SpecDocument.load(vertx, vendor)), BodyLimits.DEFAULT, ANY_KEY, mount);
    return await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")).actualPort();
  }
}
