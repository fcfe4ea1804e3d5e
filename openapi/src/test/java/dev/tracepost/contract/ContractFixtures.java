package dev.tracepost.contract;

import dev.tracepost.testkit.Await;
import dev.tracepost.contract.security.CredentialCheck;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.openapi.contract.OpenAPIContract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Shared pieces of the contract tests: contracts, a stub server that only enforces the contract. */
final class ContractFixtures {

  static final CredentialCheck ANY_KEY = credential -> Future.succeededFuture(User.fromName("tester"));

  /** Accepts only the key (or token) {@code good-key}. */
  static final CredentialCheck ONLY_GOOD_KEY = credential -> "good-key".equals(credential.value())
      ? Future.succeededFuture(User.fromName("tester"))
      : Future.failedFuture("unknown key");

  private ContractFixtures() {
  }

  static <T> T await(Future<T> future) {
    return Await.await(future);
  }

  static OpenAPIContract contract(Vertx vertx, Vendor vendor) {
    return await(ContractRouter.contract(vertx, vendor));
  }

  /**
   * A server on a free port that validates every request against the vendor's contract and answers
   * 200 with the operationId to every request that passes.
   */
  static HttpServer stubServer(Vertx vertx, Vendor vendor, CredentialCheck credentials) {
    SpecDocument spec = await(SpecDocument.load(vertx, vendor));
    var router = ContractRouter.build(vertx, spec, BodyLimits.DEFAULT, credentials,
        builder -> builder.getRoutes().forEach(route -> route.addHandler(context ->
            context.json(new JsonObject().put("operationId", route.getOperation().getOperationId())))));
    return await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
  }

  static String resource(String name) {
    try (InputStream in = ContractFixtures.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
