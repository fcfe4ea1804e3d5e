package dev.tracepost.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * A vendor's spec, loaded once in the forms Tracepost needs: as written (for the examples), as Vert.x's
 * contract (paths, operations, parameters, responses, security), and as the {@link BodyValidator} that
 * checks JSON request bodies. In the contract those bodies accept any JSON: the body validator checks them
 * (faster, and with every violation), so Vert.x neither compiles nor validates them twice. Every router
 * built from one document (the server builds one per event loop) shares its compiled schemas.
 */
public record SpecDocument(Vendor vendor, JsonNode written, OpenAPIContract contract, BodyValidator bodies) {

  private static final YAMLMapper YAML = new YAMLMapper();

  /**
   * The vendor's spec as bundled, read from the class path (not through Vert.x's file resolver, which
   * would take a file of the same name in the working directory first, and copies jar entries to disk).
   */
  public static Future<SpecDocument> load(Vertx vertx, Vendor vendor) {
    return vertx.executeBlocking(() -> parse(bundled(vendor)), false)
        .compose(parsed -> build(vendor, parsed, BundledContract.of(vertx, withAnyJsonBodies(parsed.spec().copy()))));
  }

  /**
   * A spec file (or class path resource) for the vendor, e.g. a newer version of its spec, checked against
   * OpenAPI's meta-schema. Parsing is blocking work: it runs on a worker, unordered, so that two specs
   * load side by side.
   */
  public static Future<SpecDocument> load(Vertx vertx, Vendor vendor, String location) {
    return vertx.fileSystem().readFile(location)
        .compose(bytes -> vertx.executeBlocking(() -> parse(bytes.getBytes()), false))
        .compose(parsed -> build(vendor, parsed, OpenAPIContract.from(vertx, withAnyJsonBodies(parsed.spec().copy()))));
  }

  private static Future<SpecDocument> build(Vendor vendor, Parsed parsed, Future<OpenAPIContract> contract) {
    return contract.map(built ->
        new SpecDocument(vendor, parsed.written(), built, new BodyValidator(parsed.written(), parsed.spec(), built)));
  }

  private static byte[] bundled(Vendor vendor) throws IOException {
    try (InputStream in = SpecDocument.class.getClassLoader().getResourceAsStream(vendor.specResource())) {
      if (in == null) {
        throw new IOException("No " + vendor.specResource() + " on the class path");
      }
      return in.readAllBytes();
    }
  }

  private record Parsed(JsonNode written, JsonObject spec) {
  }

  private static Parsed parse(byte[] yaml) throws IOException {
    JsonNode written = YAML.readTree(yaml);
    return new Parsed(written, new JsonObject(Json.mapper().convertValue(written, Map.class)));
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
