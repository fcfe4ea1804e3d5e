package dev.tracepost.contract;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static dev.tracepost.contract.ContractFixtures.ANY_KEY;
import static dev.tracepost.contract.ContractFixtures.await;
import static dev.tracepost.contract.ContractFixtures.contract;
import static dev.tracepost.contract.ContractFixtures.resource;
import static dev.tracepost.contract.ContractFixtures.stubServer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the published Galileo JS SDK (galileo 1.33.1) really sent, recorded request by request, is valid
 * under galileo.yaml, and the replies it accepted are valid under the documented reply schemas.
 */
@ExtendWith(VertxExtension.class)
class RealClientTrafficTest {

  private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "content-length", "connection", "accept-encoding");

  @ParameterizedTest
  @ValueSource(strings = {"captures/js-sdk-new-project.jsonl", "captures/js-sdk-existing-project.jsonl"})
  void everyRecordedRequestPassesTheContract(String capture, Vertx vertx) {
    HttpServer server = stubServer(vertx, Vendor.GALILEO, ANY_KEY);
    OpenAPIContract contract = contract(vertx, Vendor.GALILEO);
    WebClient client = WebClient.create(vertx);
    List<JsonObject> exchanges = resource(capture).lines().filter(line -> !line.isBlank()).map(JsonObject::new).toList();
    assertThat(exchanges).isNotEmpty();

    for (JsonObject exchange : exchanges) {
      HttpResponse<Buffer> reply = await(send(client, server.actualPort(), exchange));
      String what = exchange.getString("method") + " " + exchange.getString("path");

      assertThat(reply.statusCode()).as("%s answered %s", what, reply.bodyAsString()).isEqualTo(200);
      Operation operation = contract.findOperation(exchange.getString("path"), HttpMethod.valueOf(exchange.getString("method")));
      assertThat(reply.bodyAsJsonObject().getString("operationId")).isEqualTo(operation.getOperationId());

      Buffer recorded = Buffer.buffer(String.valueOf(exchange.getValue("response_body")));
      await(ResponseValidator.create(vertx, contract).validate(
          ValidatableResponse.create(exchange.getInteger("response_status"), recorded, "application/json"),
          operation.getOperationId()));
    }
  }

  private static io.vertx.core.Future<HttpResponse<Buffer>> send(WebClient client, int port, JsonObject exchange) {
    HttpRequest<Buffer> request = client.request(HttpMethod.valueOf(exchange.getString("method")), port, "127.0.0.1",
        exchange.getString("path"));
    exchange.getJsonObject("query").forEach(parameter ->
        ((JsonArray) parameter.getValue()).forEach(value -> request.addQueryParam(parameter.getKey(), (String) value)));
    exchange.getJsonObject("headers").forEach(header -> {
      if (!TRANSPORT_HEADERS.contains(header.getKey().toLowerCase())) {
        request.putHeader(header.getKey(), (String) header.getValue());
      }
    });
    Object body = exchange.getValue("body");
    return body == null ? request.send() : request.sendBuffer(Buffer.buffer(body.toString()));
  }
}
