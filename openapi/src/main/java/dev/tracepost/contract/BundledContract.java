package dev.tracepost.contract;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.impl.OpenAPIContractImpl;
import io.vertx.openapi.impl.OpenAPIFormatValidator;

/**
 * Vert.x's contract for a spec bundled in the jar, built without checking the spec against OpenAPI's
 * meta-schema again: the build has checked it ({@code ContractLoadingTest} loads each bundled spec with
 * {@link OpenAPIContract#from}). That check read a dozen meta-schemas out of the jar and validated the
 * spec against them at every start: about 0.1 s of the mock's start-up (bench/results/mock-2026-12-02.md).
 * The rest is what {@code OpenAPIContract.from} does in vertx-openapi 5.0.10 (the same repository options,
 * format validator and resolution of references), but in the caller's thread: {@code from} resolves on an
 * ordered worker of the caller's context, which made the two vendors' specs wait for each other.
 */
final class BundledContract {

  private BundledContract() {
  }

  /** Blocking work (references resolved through the whole spec): for a worker. */
  static OpenAPIContract of(JsonObject spec) {
    OpenAPIVersion version = OpenAPIVersion.fromContract(spec);
    JsonSchemaOptions options = new JsonSchemaOptions()
        .setDraft(version == OpenAPIVersion.V3_1 ? Draft.DRAFT202012 : Draft.DRAFT4)
        .setBaseUri("app://").setOutputFormat(OutputFormat.Basic);
    SchemaRepository repository = SchemaRepository.create(options, new OpenAPIFormatValidator());
    repository.dereference(JsonSchema.of(spec));
    return new OpenAPIContractImpl(repository.resolve(spec), version, repository);
  }
}
