package dev.tracepost.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A vendor's spec, loaded once in the forms Tracepost needs: as written (for the body schemas, the examples
 * and the answers documented), as Vert.x's contract of its routing part (paths, operations, parameters,
 * security: {@link ContractSubset}), and as the {@link BodyValidator} that checks JSON request bodies. In
 * the contract those bodies accept any JSON: the body validator checks them (faster, and with every
 * violation), so Vert.x neither compiles nor validates them twice. Every router built from one document
 * (the server builds one per event loop) shares its compiled schemas.
 *
 * @param written     the spec as written, as Jackson's tree (networknt's input)
 * @param writtenJson the same as Vert.x's JSON, references unresolved; neither is ever changed
 */
public record SpecDocument(Vendor vendor, JsonNode written, JsonObject writtenJson, OpenAPIContract contract,
                           BodyValidator bodies) {

  private static final Map<Vendor, CompletableFuture<SpecDocument>> BUNDLED = new ConcurrentHashMap<>();

  /**
   * The vendor's spec as bundled: the JSON the build wrote from the YAML ({@code src/build/SpecsAsJson.java}),
   * read from the class path (not through Vert.x's file resolver, which would take a file of the same name
   * in the working directory first, and copies jar entries to disk). Loaded once in a JVM, on a thread
   * of its own for each vendor (so that both load side by side, and a load outlives the Vert.x that asked
   * for it), and shared by every mock or server started in it: a test suite may start a mock per test
   * class. A document holds nothing of a Vert.x instance, and is used from many threads already.
   */
  public static Future<SpecDocument> load(Vertx vertx, Vendor vendor) {
    return Future.fromCompletionStage(preload(vendor), vertx.getOrCreateContext());
  }

  /**
   * Starts loading the vendor's bundled spec, if nothing has yet, without waiting for it: a caller about to
   * create its Vert.x (a tenth of a second on the caller's thread) has the spec loaded meanwhile. What
   * {@link #load(Vertx, Vendor)} serves then.
   */
  public static CompletionStage<SpecDocument> preload(Vendor vendor) {
    return BUNDLED.computeIfAbsent(vendor, SpecDocument::loadBundled).minimalCompletionStage();
  }

  private static CompletableFuture<SpecDocument> loadBundled(Vendor vendor) {
    CompletableFuture<SpecDocument> loading = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        loading.complete(bundled(vendor));
      } catch (Throwable e) { // whatever it is, the callers wait for it
        loading.completeExceptionally(e);
      }
    }, "tracepost-spec-" + vendor.id());
    thread.setDaemon(true);
    thread.start();
    return loading;
  }

  private static SpecDocument bundled(Vendor vendor) throws IOException {
    return Parsed.json(bundledJson(vendor)).document(vendor);
  }

  /**
   * A spec file (or class path resource) for the vendor, e.g. a newer version of its spec, checked whole
   * against OpenAPI's meta-schema.
   */
  public static Future<SpecDocument> load(Vertx vertx, Vendor vendor, String location) {
    return vertx.fileSystem().readFile(location)
        .compose(bytes -> vertx.executeBlocking(() -> Parsed.yaml(bytes.getBytes()), false))
        .compose(parsed -> CheckedSpecContract.check(vertx, parsed.spec()).map(parsed))
        .compose(parsed -> vertx.executeBlocking(() -> parsed.document(vendor), false));
  }

  private static byte[] bundledJson(Vendor vendor) throws IOException {
    try (InputStream in = SpecDocument.class.getClassLoader().getResourceAsStream(vendor.bundledJson())) {
      if (in == null) {
        throw new IOException("No " + vendor.bundledJson() + " on the class path: Maven's process-resources phase writes it"
            + " from " + vendor.specResource() + " (openapi/pom.xml, specs-as-json)");
      }
      return in.readAllBytes();
    }
  }

  private record Parsed(JsonNode written, JsonObject spec) {

    static Parsed json(byte[] json) throws IOException {
      return new Parsed(Json.mapper().readTree(json), new JsonObject(Buffer.buffer(json)));
    }

    /** YAML, or JSON (which YAML reads too). */
    static Parsed yaml(byte[] yaml) throws IOException {
      JsonNode written = new YAMLMapper().readTree(yaml);
      return new Parsed(written, new JsonObject(Json.mapper().convertValue(written, Map.class)));
    }

    SpecDocument document(Vendor vendor) {
      OpenAPIContract contract = CheckedSpecContract.of(ContractSubset.of(spec));
      return new SpecDocument(vendor, written, spec, contract, new BodyValidator(written, spec, contract));
    }
  }
}
