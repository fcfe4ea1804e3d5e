package dev.tracepost.checks;

import dev.tracepost.testkit.Await;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

import java.util.Set;

/**
 * A test fixture: a service that keeps the contract (the mock) with one fault put in front of it, to show
 * that the checks notice. The fault sees each exchange and may change the reply.
 */
final class BrokenService implements AutoCloseable {

  /** A reply, as the fault may rewrite it. */
  record Reply(int status, MultiMap headers, Buffer body) {
  }

  @FunctionalInterface
  interface Fault {
    Reply apply(HttpMethod method, String path, Buffer requestBody, Reply reply);
  }

  private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding");

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;

  BrokenService(int upstreamPort, Fault fault) {
    HttpClient client = vertx.createHttpClient();
    server = await(vertx.createHttpServer().requestHandler(request -> request.body()
        .compose(body -> forward(client, upstreamPort, request, body)
            .map(reply -> fault.apply(request.method(), request.path(), body, reply)))
        .onSuccess(reply -> {
          var response = request.response().setStatusCode(reply.status());
          reply.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
              response.putHeader(header.getKey(), header.getValue());
            }
          });
          response.end(reply.body());
        })
        .onFailure(failure -> request.response().setStatusCode(502).end())).listen(0, "127.0.0.1"));
  }

  private static Future<Reply> forward(HttpClient client, int port, HttpServerRequest request, Buffer body) {
    RequestOptions options = new RequestOptions().setMethod(request.method()).setHost("127.0.0.1").setPort(port).setURI(request.uri());
    request.headers().forEach(header -> {
      if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
        options.addHeader(header.getKey(), header.getValue());
      }
    });
    return client.request(options).compose(outgoing -> outgoing.send(body))
        .compose(incoming -> incoming.body().map(replyBody ->
            new Reply(incoming.statusCode(), MultiMap.caseInsensitiveMultiMap().addAll(incoming.headers()), replyBody)));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  static <T> T await(Future<T> future) {
    return Await.await(future);
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
