package dev.tracepost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepost.contract.BodyValidator;
import dev.tracepost.contract.Json;
import dev.tracepost.contract.SpecDocument;
import dev.tracepost.contract.Vendor;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Validating one Galileo batch of 100 traces (500 records) against galileo.yaml: vertx-json-schema (what
 * Vert.x's router uses) against networknt's validator (what Tracepost uses for bodies). bench/validator-bench.sh
 */
public final class ValidatorBench {

  private ValidatorBench() {
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Vertx vertx = Vertx.vertx();
    try {
      SpecDocument spec = SpecDocument.load(vertx, Vendor.GALILEO).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      JsonArray traces = new JsonArray();
      for (int i = 0; i < 100; i++) {
        traces.add(new JsonObject(ServerBenchBodies.traceJson(i)));
      }
      JsonObject body = new JsonObject().put("traces", traces);
      OpenAPIContract contract = OpenAPIContract.from(vertx, Vendor.GALILEO.specResource()).toCompletionStage().toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
      Validator vertxValidator = contract.getSchemaRepository()
          .validator(contract.operation("logTraces").getRequestBody().getContent().get("application/json").getSchema());
      BodyValidator networknt = spec.bodies();
      JsonNode tree = Json.mapper().readTree(body.encode());
      double vertxMs = time(rounds, () -> require(vertxValidator.validate(body).getValid()));
      double networkntMs = time(rounds, () -> require(networknt.validate("logTraces", tree).isEmpty()));
      System.out.println("| validator | one 500-record Galileo batch |\n|---|---|");
      System.out.printf(Locale.ROOT, "| vertx-json-schema (Vert.x 5.0.10) | %.1f ms |%n", vertxMs);
      System.out.printf(Locale.ROOT, "| networknt json-schema-validator 1.5.9 | %.1f ms |%n", networkntMs);
    } finally {
      vertx.close();
    }
  }

  private static void require(boolean valid) {
    if (!valid) {
      throw new IllegalStateException("the batch should be valid");
    }
  }

  /** Mean time of a round after as many warm-up rounds. */
  private static double time(int rounds, Runnable round) {
    for (int i = 0; i < rounds; i++) {
      round.run();
    }
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      round.run();
    }
    return (System.nanoTime() - start) / 1e6 / rounds;
  }
}
