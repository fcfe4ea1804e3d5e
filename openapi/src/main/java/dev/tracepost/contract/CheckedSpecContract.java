package dev.tracepost.contract;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIContractException;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.impl.OpenAPIContractImpl;
import io.vertx.openapi.impl.OpenAPIFormatValidator;

/**
 * Vert.x's contract for a spec that was checked against OpenAPI's meta-schema before: by the build for
 * the bundled specs ({@code ContractLoadingTest} loads each with {@link OpenAPIContract#from}), by
 * {@link #check} for a spec file. Checking at every start read a dozen meta-schemas out of the jar and
 * validated the spec against them: about 0.1 s of the mock's start-up (bench/results/mock-2026-12-02.md).
 * The rest is what {@code OpenAPIContract.from} does in vertx-openapi 5.0.10 (the same repository options,
 * format validator and resolution of references), but in the caller's thread: {@code from} resolves on an
 * ordered worker of the caller's context, which made the two vendors' specs wait for each other. Apart,
 * the check can look at the whole spec while the contract is built from a part of it ({@link ContractSubset}).
 */
final class CheckedSpecContract {

  private static final String BASE_URI = "app://";

  private CheckedSpecContract() {
  }

  /** The spec against OpenAPI's meta-schema, as {@code OpenAPIContract.from} checks it. */
  static Future<Void> check(Vertx vertx, JsonObject spec) {
    OpenAPIVersion version;
    try {
      version = OpenAPIVersion.fromContract(spec);
    } catch (OpenAPIContractException e) {
      return Future.failedFuture(e);
    }
    return version.getRepository(vertx, BASE_URI).compose(repository -> version.validateContract(vertx, repository, spec))
        .compose(result -> {
          try {
            result.checkValidity();
            return Future.succeededFuture();
          } catch (JsonSchemaValidationException e) {
            return Future.failedFuture(OpenAPIContractException.createInvalidContract(null, e));
          }
        });
  }

  /** Blocking work (references resolved through the whole spec): for a worker. */
  static OpenAPIContract of(JsonObject spec) {
    OpenAPIVersion version = OpenAPIVersion.fromContract(spec);
    JsonSchemaOptions options = new JsonSchemaOptions()
        .setDraft(version == OpenAPIVersion.V3_1 ? Draft.DRAFT202012 : Draft.DRAFT4)
        .setBaseUri(BASE_URI).setOutputFormat(OutputFormat.Basic);
    SchemaRepository repository = SchemaRepository.create(options, new OpenAPIFormatValidator());
    repository.dereference(JsonSchema.of(spec));
    return new OpenAPIContractImpl(repository.resolve(spec), version, repository);
  }
}
