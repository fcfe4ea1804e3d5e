package dev.tracepost.mock.control;

import dev.tracepost.mock.journal.Journal;
import dev.tracepost.mock.journal.JournalEntry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code /__mock}: what tests ask of the mock over HTTP, from any language: the request journal,
 * expectations, and a reset. Errors answer {@code {"error", "message"}}.
 */
public final class MockControlApi {

  private MockControlApi() {
  }

  public static Router router(Vertx vertx, Journal journal, Expectations expectations, Runnable reset) {
    Router router = Router.router(vertx);
    router.route("/__mock/*").handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
    router.get("/__mock/requests").handler(context -> {
      JsonArray found = new JsonArray();
      for (JournalEntry entry : journal.entries(context.queryParams().get("operationId"), context.queryParams().get("vendor"))) {
        found.add(entry.toJson());
      }
      json(context, 200, found.toBuffer().toString());
    });
    router.delete("/__mock/requests").handler(context -> {
      journal.clear();
      context.response().setStatusCode(204).end();
    });
    router.post("/__mock/expectations").handler(MockControlApi.expect(expectations));
    router.get("/__mock/expectations").handler(context -> {
      JsonArray all = new JsonArray();
      expectations.list().forEach(expectation -> all.add(expectation.toJson()));
      json(context, 200, all.encode());
    });
    router.delete("/__mock/expectations").handler(context -> {
      expectations.clear();
      context.response().setStatusCode(204).end();
    });
    router.post("/__mock/reset").handler(context -> {
      reset.run();
      context.response().setStatusCode(204).end();
    });
    return router;
  }

  private static io.vertx.core.Handler<RoutingContext> expect(Expectations expectations) {
    return context -> {
      try {
        Expectation expectation = Expectation.fromJson(context.body().asJsonObject());
        expectations.add(expectation);
        json(context, 201, expectation.toJson().encode());
      } catch (IllegalArgumentException | DecodeException | ClassCastException | NullPointerException e) {
        json(context, 400, new JsonObject().put("error", "BadRequest")
            .put("message", "An expectation is {\"operationId\", \"times\"?, \"status\", \"body\"?, \"headers\"?, \"delayMs\"?, \"fault\"?}: "
                + e.getMessage()).encode());
      }
    };
  }

  private static void json(RoutingContext context, int status, String body) {
    context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
  }
}
