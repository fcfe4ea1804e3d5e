package dev.tracepost.contract.binding;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tracepost.contract.Json;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes what a handler answered: its status and, when it has one, its body as JSON. */
public final class Replies {

  private Replies() {
  }

  public static <T> void send(RoutingContext context, Future<? extends ApiReply<T>> reply) {
    reply.onComplete(done -> {
      if (done.failed()) {
        context.fail(done.cause());
        return;
      }
      write(context, done.result().status(), done.result().body());
    });
  }

  public static void write(RoutingContext context, int status, Object body) {
    HttpServerResponse response = context.response().setStatusCode(status);
    if (body == null) {
      response.end();
      return;
    }
    try {
      response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end(Buffer.buffer(Json.mapper().writeValueAsBytes(body)));
    } catch (JsonProcessingException e) {
      context.fail(e);
    }
  }
}
