package dev.tracepost.checks.proxy;

import dev.tracepost.contract.ContractRouter;
import dev.tracepost.contract.Vendor;
import dev.tracepost.contract.errors.Violation;
import dev.tracepost.contract.errors.Violations;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.ValidatableResponse;
import io.vertx.openapi.validation.ValidatorException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Stands between a client (a real SDK) and any service: forwards every request unchanged, checks the
 * request and the reply against the specs, tells the client what broke in the
 * {@code X-Tracepost-Violations} header, and keeps a report ({@code GET /__proxy/report}).
 */
public final class ValidatingProxy implements AutoCloseable {

  public static final String HEADER = "X-Tracepost-Violations";
  private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding", "keep-alive");
  /** Not forwarded: the proxy must read the reply to check it, so it asks the service for it uncompressed. */
  private static final String ACCEPT_ENCODING = "accept-encoding";

  private final Vertx vertx;
  private final HttpServer server;
  private final List<JsonObject> report;

  private ValidatingProxy(Vertx vertx, HttpServer server, List<JsonObject> report) {
    this.vertx = vertx;
    this.server = server;
    this.report = report;
  }

  /** Starts on its own Vert.x; {@code log} is told of every violation as it happens. */
  public static ValidatingProxy start(String upstream, String host, int port, Consumer<String> log) {
    Vertx vertx = Vertx.vertx();
    try {
      Map<Vendor, OpenAPIContract> contracts = new EnumMap<>(Vendor.class);
      for (Vendor vendor : Vendor.values()) {
        contracts.put(vendor, await(ContractRouter.contract(vertx, vendor)));
      }
      List<JsonObject> report = new CopyOnWriteArrayList<>();
      Forwarder forwarder = new Forwarder(vertx, contracts, upstream, report, log);
      HttpServer server = await(vertx.createHttpServer().requestHandler(forwarder::handle).listen(port, host));
      return new ValidatingProxy(vertx, server, report);
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  public int port() {
    return server.actualPort();
  }

  /** Every exchange that broke something, with what it broke. */
  public List<JsonObject> violations() {
    return report.stream().filter(entry -> !entry.getJsonArray("violations").isEmpty()).toList();
  }

  public int exchanges() {
    return report.size();
  }

  @Override
  public void close() {
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** One request: check, forward, check the reply, answer with the verdict attached. */
  private static final class Forwarder {

    private final Map<Vendor, OpenAPIContract> contracts;
    private final Map<Vendor, RequestValidator> requests = new EnumMap<>(Vendor.class);
    private final Map<Vendor, ResponseValidator> replies = new EnumMap<>(Vendor.class);
    private final Map<Vendor, Violations> violations = new EnumMap<>(Vendor.class);
    private final HttpClient client;
    private final String upstream;
    private final List<JsonObject> report;
    private final Consumer<String> log;

    Forwarder(Vertx vertx, Map<Vendor, OpenAPIContract> contracts, String upstream, List<JsonObject> report, Consumer<String> log) {
      this.contracts = contracts;
      this.client = vertx.createHttpClient();
      this.upstream = upstream.endsWith("/") ? upstream.substring(0, upstream.length() - 1) : upstream;
      this.report = report;
      this.log = log;
      contracts.forEach((vendor, contract) -> {
        requests.put(vendor, RequestValidator.create(vertx, contract));
        replies.put(vendor, ResponseValidator.create(vertx, contract));
        violations.put(vendor, new Violations(contract.getRawContract()));
      });
    }

    void handle(HttpServerRequest request) {
      if (request.path().equals("/__proxy/report")) {
        request.response().putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("exchanges", report.size()).put("report", new JsonArray(new ArrayList<>(report))).toBuffer());
        return;
      }
      request.body().compose(body -> {
        Vendor vendor = null;
        Operation operation = null;
        for (Map.Entry<Vendor, OpenAPIContract> entry : contracts.entrySet()) {
          Operation found = entry.getValue().findOperation(request.path(), request.method());
          if (found != null) {
            vendor = entry.getKey();
            operation = found;
            break;
          }
        }
        Vendor matched = vendor;
        Operation op = operation;
        Future<List<String>> requestProblems = op == null
            ? Future.succeededFuture(List.of("request: no operation of the specs at " + request.method() + " " + request.path()))
            : RequestUtils.extract(request, op, () -> Future.succeededFuture(body)).compose(validatable -> requests.get(matched).validate(validatable, op.getOperationId()))
                .map(valid -> List.<String>of())
                .recover(failure -> Future.succeededFuture(describe("request", matched, failure, bodySchema(op))));
        return requestProblems.compose(found -> forward(request, body).compose(reply ->
            (op == null ? Future.succeededFuture(List.<String>of()) : checkReply(matched, op, reply)).map(replyProblems -> {
              List<String> all = new ArrayList<>(found);
              all.addAll(replyProblems);
              return new Verdict(reply, all);
            }))).map(verdict -> {
          answer(request, verdict);
          JsonObject entry = new JsonObject().put("method", request.method().name()).put("path", request.path())
              .put("operationId", op == null ? null : op.getOperationId()).put("status", verdict.reply().status())
              .put("violations", new JsonArray(verdict.problems()));
          report.add(entry);
          verdict.problems().forEach(problem -> log.accept("VIOLATION " + request.method() + " " + request.path() + " -> "
              + verdict.reply().status() + ": " + problem));
          return verdict;
        });
      }).onFailure(failure -> request.response().setStatusCode(502).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("error", "BadGateway").put("message", "The proxy could not reach " + upstream + ": "
              + failure.getMessage()).toBuffer()));
    }

    private Future<Reply> forward(HttpServerRequest request, Buffer body) {
      RequestOptions options = new RequestOptions().setMethod(request.method()).setAbsoluteURI(upstream + request.uri());
      request.headers().forEach(header -> {
        String name = header.getKey().toLowerCase();
        if (!HOP_BY_HOP.contains(name) && !name.equals(ACCEPT_ENCODING)) {
          options.addHeader(header.getKey(), header.getValue());
        }
      });
      return client.request(options)
          .compose(outgoing -> outgoing.send(body))
          .compose(incoming -> incoming.body().map(replyBody -> new Reply(incoming.statusCode(), headers(incoming), replyBody)));
    }

    private Future<List<String>> checkReply(Vendor vendor, Operation operation, Reply reply) {
      return replies.get(vendor).validate(ValidatableResponse.create(reply.status(), reply.singleHeaders(), reply.body(),
              reply.headers().get("Content-Type")), operation.getOperationId())
          .map(valid -> List.<String>of())
          .recover(failure -> Future.succeededFuture(describe("reply " + reply.status(), vendor, failure, null)));
    }

    private List<String> describe(String what, Vendor vendor, Throwable failure, JsonObject bodySchema) {
      if (!(failure instanceof ValidatorException invalid)) {
        return List.of(what + ": " + failure.getMessage());
      }
      List<String> described = new ArrayList<>();
      for (Violation violation : violations.get(vendor).of(invalid, bodySchema)) {
        described.add(what + " " + violation.pointer() + ": " + violation.message());
      }
      return described;
    }

    private static JsonObject bodySchema(Operation operation) {
      if (operation.getRequestBody() == null) {
        return null;
      }
      MediaType json = operation.getRequestBody().getContent().get("application/json");
      return json == null ? null : json.getOpenAPIModel().getJsonObject("schema");
    }

    private static void answer(HttpServerRequest request, Verdict verdict) {
      var response = request.response().setStatusCode(verdict.reply().status());
      verdict.reply().headers().forEach(header -> {
        if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
          response.headers().add(header.getKey(), header.getValue());
        }
      });
      response.putHeader(HEADER, verdict.problems().isEmpty() ? "none" : String.join("; ", verdict.problems()).replaceAll("[\\r\\n]", " "));
      response.end(verdict.reply().body());
    }

    private static MultiMap headers(HttpClientResponse response) {
      return MultiMap.caseInsensitiveMultiMap().addAll(response.headers());
    }
  }

  private record Reply(int status, MultiMap headers, Buffer body) {

    Map<String, String> singleHeaders() {
      Map<String, String> single = new java.util.HashMap<>();
      headers.forEach(header -> single.put(header.getKey(), header.getValue()));
      return single;
    }
  }

  private record Verdict(Reply reply, List<String> problems) {
  }
}
