package dev.tracepost.bench;

import io.vertx.core.Vertx;

/**
 * The smallest Vert.x HTTP server: what any Vert.x service takes to start on this machine, measured by
 * bench/mock-bench.sh beside the mock, from the mock's own jar. It prints its URL the way the mock does.
 */
public final class HelloVertx {

  private HelloVertx() {
  }

  public static void main(String[] args) {
    Vertx.vertx().createHttpServer()
        .requestHandler(request -> request.response().setStatusCode(201).end())
        .listen(0, "127.0.0.1")
        .onSuccess(server -> System.out.println("Vert.x hello world listening on http://127.0.0.1:" + server.actualPort()));
  }
}
