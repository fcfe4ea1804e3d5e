package dev.tracepost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.tracepost.contract.BodyValidator;
import dev.tracepost.contract.Json;
import dev.tracepost.contract.SpecDocument;
import dev.tracepost.contract.Vendor;
import dev.tracepost.contract.schema.BodySchemas;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Validating one Galileo batch of 100 traces (500 records) against galileo.yaml: vertx-json-schema (what
 * Vert.x's router uses), networknt's validator on the schema as written, networknt on the schema as
 * Tracepost compiles it, and Tracepost's body validator (its quick verdict, networknt only when that is
 * unsure: what validates bodies); then the last on the mock benchmark's Galileo ingest of 10 traces
 * (bench/wrk/galileo-ingest.lua). bench/validator-bench.sh
 */
public final class ValidatorBench {

  private static final String LOG_TRACES_BODY = "/components/requestBodies/LogTraces/content/application~1json/schema";

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
      JsonSchema asWritten = asWritten(spec.written());
      JsonSchema compiled = new BodySchemas(spec.written()).compile(LOG_TRACES_BODY);
      BodyValidator tracepost = spec.bodies();
      JsonNode tree = Json.mapper().readTree(body.encode());
      JsonNode ingest = Json.mapper().readTree(wrkBody(Path.of("bench/wrk/galileo-ingest.lua")));
      double vertxMs = time(rounds, () -> require(vertxValidator.validate(body).getValid()));
      double writtenMs = time(rounds, () -> require(asWritten.validate(tree).isEmpty()));
      double compiledMs = time(rounds, () -> require(compiled.validate(tree).isEmpty()));
      double tracepostMs = time(rounds, () -> require(tracepost.validate("logTraces", tree).isEmpty()));
      double ingestMs = time(rounds * 20, () -> require(tracepost.validate("logTraces", ingest).isEmpty()));
      System.out.println("| validator | one 500-record Galileo batch |\n|---|---|");
      System.out.printf(Locale.ROOT, "| vertx-json-schema (Vert.x 5.0.10) | %.2f ms |%n", vertxMs);
      System.out.printf(Locale.ROOT, "| networknt json-schema-validator 1.5.9, the schema as written | %.2f ms |%n", writtenMs);
      System.out.printf(Locale.ROOT, "| networknt 1.5.9 as Tracepost compiles the schema (BodySchemas) | %.2f ms |%n", compiledMs);
      System.out.printf(Locale.ROOT, "| Tracepost's body validator (quick verdict; networknt when unsure) | %.3f ms |%n", tracepostMs);
      System.out.printf(Locale.ROOT, "%nTracepost's body validator on the mock benchmark's Galileo ingest of 10 traces: %.1f us%n",
          ingestMs * 1000);
    } finally {
      vertx.close();
    }
  }

  /** The body wrk sends: the Lua script's one quoted string. */
  private static String wrkBody(Path script) throws IOException {
    String lua = Files.readString(script);
    int start = lua.indexOf("wrk.body = '") + "wrk.body = '".length();
    return lua.substring(start, lua.indexOf('\'', start));
  }

  /** The logTraces body schema compiled by networknt as the spec writes it, with none of BodySchemas' rewrites. */
  private static JsonSchema asWritten(JsonNode written) {
    ObjectNode root = written.deepCopy();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$ref", "#" + LOG_TRACES_BODY);
    JsonMetaSchema dialect = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
        .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword)).build();
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder.metaSchema(dialect))
        .getSchema(root, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).pathType(PathType.JSON_POINTER).build());
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
