package dev.tracepost.mock;

import dev.tracepost.contract.Vendor;
import dev.tracepost.contract.errors.UnreadableRequest;
import dev.tracepost.mock.journal.JournalRecorder;
import dev.tracepost.mock.spec.Operations;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends a request to the control API, to the router of the vendor whose spec has the operation, or, when
 * no spec has it, answers 404 naming the operations it was closest to (and still journals it); journals
 * too the requests the HTTP decoder could not read.
 */
final class MockDispatcher implements Handler<HttpServerRequest> {

  private static final String CONTROL = "/__mock/";
  private static final UnreadableRequest UNREADABLE = new UnreadableRequest();

  private final Operations operations;
  private final JournalRecorder recorder;
  private final Router control;
  private final Map<Vendor, Function<String, Router>> vendors = new EnumMap<>(Vendor.class);

  MockDispatcher(Operations operations, JournalRecorder recorder, Router control) {
    this.operations = operations;
    this.recorder = recorder;
    this.control = control;
  }

  /** @param routers the vendor's router for each of its operations, by operationId ({@code ContractRouter.perOperation}) */
  MockDispatcher add(Vendor vendor, Function<String, Router> routers) {
    vendors.put(vendor, routers);
    return this;
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (request.path().startsWith(CONTROL)) {
      control.handle(request);
      return;
    }
    Operations.Found found = operations.find(request.method(), request.path());
    if (found != null) {
      vendors.get(found.vendor()).apply(found.operationId()).handle(request);
      return;
    }
    request.body().onComplete(body -> notFound(request, body.succeeded() ? body.result() : null));
  }

  /** A request the HTTP decoder could not read: answered as the server does, and journaled like any other. */
  void unreadable(HttpServerRequest request) {
    UNREADABLE.handle(request);
    recorder.record(request, null, request.response().getStatusCode());
  }

  private void notFound(HttpServerRequest request, io.vertx.core.buffer.Buffer body) {
    List<Operations.Found> closest = operations.closest(request.method(), request.path(), 3);
    JsonArray suggestions = new JsonArray();
    StringBuilder names = new StringBuilder();
    for (Operations.Found found : closest) {
      String method = found.operation().getHttpMethod().name();
      suggestions.add(new JsonObject().put("vendor", found.vendor().id()).put("operationId", found.operationId())
          .put("method", method).put("path", found.operation().getOpenAPIPath()));
      names.append(names.length() == 0 ? "" : ", ").append(method).append(' ').append(found.operation().getOpenAPIPath());
    }
    String message = "No operation of the specs at " + request.method() + " " + request.path() + ". Closest: " + names;
    recorder.record(request, body, 404);
    request.response().setStatusCode(404).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("detail", message).put("error", "NotFound").put("message", message)
            .put("closestOperations", suggestions).toBuffer());
  }
}
