package dev.tracepost.mock;

import dev.tracepost.testkit.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.util.Map;

/** A blocking HTTP client for tests. */
final class Http implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final WebClient client = WebClient.create(vertx);
  private final int port;

  Http(int port) {
    this.port = port;
  }

  HttpResponse<Buffer> send(HttpMethod method, String path, Map<String, String> headers, Object body) {
    HttpRequest<Buffer> request = client.request(method, port, "127.0.0.1", path);
    headers.forEach(request::putHeader);
    return await(body == null ? request.send() : request.sendJson(body));
  }

  HttpResponse<Buffer> galileo(HttpMethod method, String path, Object body) {
    return send(method, path, Map.of("Galileo-API-Key", "any-key"), body);
  }

  HttpResponse<Buffer> galtea(HttpMethod method, String path, Object body) {
    return send(method, path, Map.of("Authorization", "Bearer gsk_test"), body);
  }

  /** The request's outcome: a reply, or the failure of the connection. */
  Future<HttpResponse<Buffer>> attempt(HttpMethod method, String path, Map<String, String> headers, Object body) {
    HttpRequest<Buffer> request = client.request(method, port, "127.0.0.1", path);
    headers.forEach(request::putHeader);
    return body == null ? request.send() : request.sendJson(body);
  }

  static <T> T await(Future<T> future) {
    return Await.await(future);
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
