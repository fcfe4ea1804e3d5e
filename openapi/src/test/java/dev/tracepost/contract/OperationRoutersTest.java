package dev.tracepost.contract;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.function.Function;

import static dev.tracepost.contract.ContractFixtures.ANY_KEY;
import static dev.tracepost.contract.ContractFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A router made for one operation serves that operation and no other. */
@ExtendWith(VertxExtension.class)
class OperationRoutersTest {

  private static final String PROJECT = "/projects/5f0c8a52-3f7e-4a43-9b7e-0d6b1e6c2a10";

  @Test
  void eachOperationsRouterServesItsOperationAlone(Vertx vertx) {
    Function<String, Router> routers = ContractRouter.perOperation(vertx, await(SpecDocument.load(vertx, Vendor.GALILEO)),
        BodyLimits.DEFAULT, ANY_KEY, null, builder -> builder.getRoutes().forEach(route -> route.addHandler(context ->
            context.json(new JsonObject().put("operationId", route.getOperation().getOperationId())))));
    // Every request goes to the router of the operation named in its X-Operation header.
    HttpServer server = await(vertx.createHttpServer()
        .requestHandler(request -> routers.apply(request.getHeader("X-Operation")).handle(request)).listen(0, "127.0.0.1"));
    WebClient client = WebClient.create(vertx);

    assertThat(operationServing(client, server, "getProject", PROJECT)).isEqualTo("getProject");
    assertThat(operationServing(client, server, "healthcheck", "/healthcheck")).isEqualTo("healthcheck");
    assertThat(operationServing(client, server, "healthcheck", PROJECT)).isNull();
    assertThat(operationServing(client, server, "getProject", "/healthcheck")).isNull();
    assertThat(routers.apply("getProject")).isSameAs(routers.apply("getProject"));
  }

  /** The operation that answered a GET of the path, sent to the router of {@code operationId}; null if none did. */
  private static String operationServing(WebClient client, HttpServer server, String operationId, String path) {
    HttpResponse<?> reply = await(client.get(server.actualPort(), "127.0.0.1", path)
        .putHeader("X-Operation", operationId).putHeader("Galileo-API-Key", "gsk_test").send());
    return reply.statusCode() == 200 ? reply.bodyAsJsonObject().getString("operationId") : null;
  }
}
