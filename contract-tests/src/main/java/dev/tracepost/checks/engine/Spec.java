package dev.tracepost.checks.engine;

import dev.tracepost.contract.ContractRouter;
import dev.tracepost.contract.JsonPointers;
import dev.tracepost.contract.Vendor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One vendor's spec, as the checks read it: the contract Vert.x validates with, and the spec as written
 * (for examples and the {@code x-tracepost-*} extensions, which resolution would clutter).
 */
public final class Spec {

  private static final java.util.Set<String> METHODS = java.util.Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private final Vendor vendor;
  private final OpenAPIContract contract;
  private final JsonObject written;

  private Spec(Vendor vendor, OpenAPIContract contract, JsonObject written) {
    this.vendor = vendor;
    this.contract = contract;
    this.written = written;
  }

  public static Future<Spec> load(Vertx vertx, Vendor vendor) {
    return ContractRouter.contract(vertx, vendor).map(contract -> new Spec(vendor, contract, readWritten(vendor)));
  }

  private static JsonObject readWritten(Vendor vendor) {
    try (InputStream in = Spec.class.getClassLoader().getResourceAsStream(vendor.specResource())) {
      if (in == null) {
        throw new IllegalStateException("No spec " + vendor.specResource() + " on the class path");
      }
      Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return new JsonObject(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Vendor vendor() {
    return vendor;
  }

  public OpenAPIContract contract() {
    return contract;
  }

  /** Operations in the spec's order, plain paths before their {@code /v2} forms. */
  public List<Operation> operations() {
    List<Operation> ordered = new ArrayList<>();
    for (String path : written.getJsonObject("paths").fieldNames()) {
      for (String method : written.getJsonObject("paths").getJsonObject(path).fieldNames()) {
        if (!METHODS.contains(method)) {
          continue;
        }
        Operation operation = contract.operation(operation(path, method).getString("operationId"));
        if (operation != null) {
          ordered.add(operation);
        }
      }
    }
    return ordered;
  }

  /**
   * The {@code x-tracepost-*} extensions that steer the checks of an operation: those of the operation it
   * is an alias of (a {@code /v2} form), else its own.
   */
  public JsonObject checkHints(Operation operation) {
    String aliasOf = written(operation).getString("x-tracepost-alias-of");
    Operation canonical = aliasOf == null ? null : contract.operation(aliasOf);
    return canonical == null ? written(operation) : written(canonical);
  }

  /** The operation as written (extensions and examples included). */
  public JsonObject written(Operation operation) {
    return operation(operation.getOpenAPIPath(), operation.getHttpMethod().name().toLowerCase());
  }

  private JsonObject operation(String path, String method) {
    return written.getJsonObject("paths").getJsonObject(path).getJsonObject(method);
  }

  /** Follows a {@code $ref} within the written spec; anything else is returned as it is. */
  public JsonObject deref(JsonObject node) {
    if (node == null || !node.containsKey("$ref")) {
      return node;
    }
    String ref = node.getString("$ref");
    return deref(JsonPointers.referenced(written, ref));
  }

  /** The operation's parameters as written, references followed. */
  public List<JsonObject> parameters(Operation operation) {
    List<JsonObject> parameters = new ArrayList<>();
    JsonObject pathItem = written.getJsonObject("paths").getJsonObject(operation.getOpenAPIPath());
    for (JsonArray list : List.of(pathItem.getJsonArray("parameters", new JsonArray()),
        written(operation).getJsonArray("parameters", new JsonArray()))) {
      list.forEach(parameter -> parameters.add(deref((JsonObject) parameter)));
    }
    return parameters;
  }

  /** The request body's named examples, in the order written. */
  public Map<String, Object> requestExamples(Operation operation) {
    Map<String, Object> examples = new LinkedHashMap<>();
    JsonObject body = deref(written(operation).getJsonObject("requestBody"));
    if (body == null) {
      return examples;
    }
    JsonObject json = body.getJsonObject("content").getJsonObject("application/json");
    JsonObject named = json.getJsonObject("examples", new JsonObject());
    for (String name : named.fieldNames()) {
      examples.put(name, deref(named.getJsonObject(name)).getValue("value"));
    }
    return examples;
  }

  /** The links of a documented reply, as written. */
  public JsonObject links(Operation operation, int status) {
    JsonObject responses = written(operation).getJsonObject("responses", new JsonObject());
    JsonObject response = deref(responses.getJsonObject(String.valueOf(status)));
    return response == null ? new JsonObject() : response.getJsonObject("links", new JsonObject());
  }

  public boolean hasBody(Operation operation) {
    return operation.getRequestBody() != null;
  }

  /** How the request body fares under its schema (null when the operation takes no body). */
  public OutputUnit validateBody(Operation operation, Object body) {
    MediaType json = operation.getRequestBody() == null ? null : operation.getRequestBody().getContent().get("application/json");
    return json == null ? null : contract.getSchemaRepository().validator(json.getSchema()).validate(body);
  }

  /** The schema of the request body, resolved (for sampling). */
  public JsonObject bodySchema(Operation operation) {
    MediaType json = operation.getRequestBody().getContent().get("application/json");
    return json.getOpenAPIModel().getJsonObject("schema");
  }

  public boolean secured(Operation operation) {
    return operation.getSecurityRequirements().stream().anyMatch(requirement -> !requirement.isEmpty());
  }
}
