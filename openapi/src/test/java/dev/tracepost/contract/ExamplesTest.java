package dev.tracepost.contract;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.junit5.VertxExtension;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tracepost.contract.ContractFixtures.contract;
import static dev.tracepost.contract.ContractFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** Every example in the specs is valid under its own schema, and every request and reply has one. */
@ExtendWith(VertxExtension.class)
class ExamplesTest {

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void everyExampleValidatesAgainstItsOwnSchema(Vendor vendor, Vertx vertx) {
    OpenAPIContract contract = contract(vertx, vendor);
    JsonObject spec = rawSpec(vendor);
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Operation operation : contract.operations()) {
      JsonObject raw = spec.getJsonObject("paths").getJsonObject(operation.getOpenAPIPath())
          .getJsonObject(operation.getHttpMethod().name().toLowerCase());
      for (Map.Entry<String, MediaType> media : mediaTypes(operation).entrySet()) {
        String[] where = media.getKey().split(" ");
        JsonObject owner = "request".equals(where[1])
            ? deref(spec, raw.getJsonObject("requestBody"))
            : deref(spec, raw.getJsonObject("responses").getJsonObject(where[2]));
        JsonObject examples = owner.getJsonObject("content").getJsonObject(where[where.length - 1])
            .getJsonObject("examples", new JsonObject());
        if (examples.isEmpty()) {
          problems.add(media.getKey() + " has no example");
        }
        for (String name : examples.fieldNames()) {
          Object value = deref(spec, examples.getJsonObject(name)).getValue("value");
          OutputUnit result = contract.getSchemaRepository().validator(media.getValue().getSchema()).validate(value);
          checked++;
          if (!result.getValid()) {
            problems.add(media.getKey() + " example " + name + ": " + result.getErrors());
          }
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(checked).isGreaterThan(contract.operations().size());
  }

  @Test
  void galileoLogTracesPageExampleIsValid(Vertx vertx) {
    assertValid(vertx, Vendor.GALILEO, "logTraces", null, "vendor-pages/galileo-log-traces-request.json");
  }

  @Test
  void galteaCreateTracePageExamplesAreValid(Vertx vertx) {
    assertValid(vertx, Vendor.GALTEA, "createTrace", null, "vendor-pages/galtea-create-trace-request.json");
    assertValid(vertx, Vendor.GALTEA, "createTrace", 201, "vendor-pages/galtea-create-trace-response.json");
  }

  private static void assertValid(Vertx vertx, Vendor vendor, String operationId, Integer status, String file) {
    OpenAPIContract contract = contract(vertx, vendor);
    Operation operation = contract.operation(operationId);
    MediaType media = status == null
        ? operation.getRequestBody().getContent().get("application/json")
        : operation.getResponse(status).getContent().get("application/json");
    OutputUnit result = contract.getSchemaRepository().validator(media.getSchema())
        .validate(new JsonObject(resource(file)));
    assertThat(result.getValid()).as("%s: %s", file, result.getErrors()).isTrue();
  }

  /** The request body's and every reply's media types, named for messages. */
  private static Map<String, MediaType> mediaTypes(Operation operation) {
    Map<String, MediaType> all = new java.util.LinkedHashMap<>();
    if (operation.getRequestBody() != null) {
      operation.getRequestBody().getContent().forEach((type, media) ->
          all.put(operation.getOperationId() + " request " + type, media));
    }
    for (String status : operation.getOpenAPIModel().getJsonObject("responses").fieldNames()) {
      if (!status.chars().allMatch(Character::isDigit)) {
        continue; // Vert.x's own bookkeeping keys in the resolved contract
      }
      operation.getResponse(Integer.parseInt(status)).getContent().forEach((type, media) ->
          all.put(operation.getOperationId() + " reply " + status + " " + type, media));
    }
    return all;
  }

  /** The spec as written, before Vert.x resolves it (and adds its bookkeeping to every object). */
  static JsonObject rawSpec(Vendor vendor) {
    Map<String, Object> yaml = new Yaml().load(resource(vendor.specResource()));
    return new JsonObject(yaml);
  }

  private static JsonObject deref(JsonObject spec, JsonObject node) {
    if (node == null || !node.containsKey("$ref")) {
      return node;
    }
    return JsonPointers.referenced(spec, node.getString("$ref"));
  }
}
