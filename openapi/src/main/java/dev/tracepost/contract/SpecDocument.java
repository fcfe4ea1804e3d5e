package dev.tracepost.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A vendor's spec, loaded once in the forms Tracepost needs: as written (for the examples), as Vert.x's
 * contract (for everything the spec says), as the contract the router validates with, whose request
 * bodies accept any JSON, and as the {@link BodyValidator} that checks those bodies instead. Every router
 * built from one document (the server builds one per event loop) shares its compiled body schemas.
 */
public record SpecDocument(Vendor vendor, JsonNode written, OpenAPIContract contract, OpenAPIContract routing,
                           BodyValidator bodies) {

  private static final YAMLMapper YAML = new YAMLMapper();

  /** The vendor's spec as bundled. */
  public static Future<SpecDocument> load(Vertx vertx, Vendor vendor) {
    return load(vertx, vendor, vendor.specResource());
  }

  /** A spec file (or class path resource) for the vendor, e.g. a newer version of its spec. */
  public static Future<SpecDocument> load(Vertx vertx, Vendor vendor, String location) {
    return vertx.fileSystem().readFile(location).compose(bytes -> {
      JsonNode written;
      try {
        written = YAML.readTree(bytes.getBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      JsonObject spec = new JsonObject(Json.mapper().convertValue(written, Map.class));
      Future<OpenAPIContract> contract = OpenAPIContract.from(vertx, spec.copy());
      Future<OpenAPIContract> routing = OpenAPIContract.from(vertx, withAnyJsonBodies(spec.copy()));
      return Future.all(contract, routing).map(both -> new SpecDocument(vendor, written, contract.result(), routing.result(),
          new BodyValidator(written, spec, contract.result())));
    });
  }

  /** The spec with every JSON request body's schema made to accept any JSON (the body validator's job). */
  private static JsonObject withAnyJsonBodies(JsonObject spec) {
    JsonObject paths = spec.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (item.getValue(method) instanceof JsonObject operation && operation.getValue("requestBody") instanceof JsonObject body) {
          anyJson(body);
        }
      }
    }
    JsonObject shared = spec.getJsonObject("components", new JsonObject()).getJsonObject("requestBodies", new JsonObject());
    shared.forEach(entry -> anyJson((JsonObject) entry.getValue()));
    return spec;
  }

  private static void anyJson(JsonObject body) {
    if (body.getValue("content") instanceof JsonObject content && content.getValue("application/json") instanceof JsonObject json) {
      json.put("schema", new JsonObject());
    }
  }
}
