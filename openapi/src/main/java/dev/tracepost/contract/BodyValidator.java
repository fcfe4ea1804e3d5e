package dev.tracepost.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.tracepost.contract.errors.SchemaError;
import dev.tracepost.contract.errors.Violation;
import dev.tracepost.contract.errors.Violations;
import dev.tracepost.contract.schema.BodySchemas;
import dev.tracepost.contract.schema.QuickVerdict;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks request bodies against the spec as written, with networknt's JSON Schema validator: it compiles
 * each body schema once ({@link BodySchemas}) and runs many times faster than vertx-json-schema on a
 * 500-record Galileo batch (README, Benchmarks). {@link RequestValidation} runs it after the parameters
 * and the content type.
 */
public final class BodyValidator {

  private final JsonNode written;
  private final BodySchemas compiler;
  private final Map<String, String> pointers = new HashMap<>();
  private final Map<String, QuickVerdict.Check> quickChecks = new ConcurrentHashMap<>();
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
  private final Violations violations;

  /** Built by {@link SpecDocument}, once per document, from the spec as written (as a tree and as JSON). */
  BodyValidator(JsonNode written, JsonObject writtenJson, OpenAPIContract contract) {
    this.written = written;
    this.compiler = new BodySchemas(written);
    for (Operation operation : contract.operations()) {
      String pointer = bodySchemaPointer(operation.getOpenAPIPath(), operation.getHttpMethod().name().toLowerCase());
      if (pointer != null) {
        pointers.put(operation.getOperationId(), pointer);
      }
    }
    this.violations = new Violations(writtenJson);
  }

  /** The JSON pointer, in the written spec, of the operation's JSON request body schema; null when it has none. */
  private String bodySchemaPointer(String path, String method) {
    JsonNode body = written.path("paths").path(path).path(method).path("requestBody");
    String base = "/paths/" + JsonPointers.escape(path) + "/" + method + "/requestBody";
    if (body.has("$ref")) {
      String ref = body.get("$ref").asText();
      base = ref.substring(ref.indexOf('#') + 1);
      body = written.at(base);
    }
    return body.path("content").path("application/json").has("schema") ? base + "/content/application~1json/schema" : null;
  }

  private boolean checks(String operationId) {
    return pointers.containsKey(operationId);
  }

  /** Compiled on first use, so that starting costs nothing for operations nobody calls. */
  private QuickVerdict.Check quick(String operationId) {
    return quickChecks.computeIfAbsent(operationId, id -> compiler.quick(pointers.get(id)));
  }

  /** Compiled when a body first needs it: a client that sends only valid bodies never loads networknt. */
  private JsonSchema schema(String operationId) {
    return schemas.computeIfAbsent(operationId, id -> compiler.compile(pointers.get(id)));
  }

  /** Every way the body breaks the operation's schema (none when it keeps it). */
  public List<Violation> validate(String operationId, JsonNode body) {
    if (!checks(operationId)) {
      return List.of();
    }
    if (quick(operationId).of(body) == QuickVerdict.Verdict.VALID) {
      return List.of();
    }
    List<SchemaError> errors = new ArrayList<>();
    for (ValidationMessage message : schema(operationId).validate(body)) {
      String instance = message.getInstanceLocation().toString();
      String text = message.getMessage();
      String prefix = instance + ": ";
      errors.add(new SchemaError(Violations.segments(instance), message.getType(), message.getEvaluationPath().toString(),
          message.getSchemaLocation().toString(), text.startsWith(prefix) ? text.substring(prefix.length()) : text,
          message.getProperty()));
    }
    return violations.fromErrors(errors, "body", List.of(), null);
  }
}
