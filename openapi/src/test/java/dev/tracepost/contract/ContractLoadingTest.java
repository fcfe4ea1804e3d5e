package dev.tracepost.contract;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.tracepost.contract.ContractFixtures.ANY_KEY;
import static dev.tracepost.contract.ContractFixtures.contract;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class ContractLoadingTest {

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void specLoadsAsOpenApi31AndBuildsARouter(Vendor vendor, Vertx vertx) {
    OpenAPIContract contract = contract(vertx, vendor);

    assertThat(contract.getVersion()).isEqualTo(OpenAPIVersion.V3_1);
    Router router = ContractRouter.build(vertx, ContractFixtures.await(SpecDocument.load(vertx, vendor)),
        BodyLimits.DEFAULT, ANY_KEY, builder -> { });
    assertThat(router.getRoutes()).hasSizeGreaterThan(contract.operations().size());
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void everyOperationThatTakesInputDocumentsTheAnswerToInvalidInput(Vendor vendor, Vertx vertx) {
    int status = vendor.errorShape().validationStatus();

    List<String> undocumented = contract(vertx, vendor).operations().stream()
        .filter(operation -> !operation.getParameters().isEmpty() || operation.getRequestBody() != null)
        .filter(operation -> operation.getResponse(status) == null)
        .map(Operation::getOperationId).toList();

    assertThat(undocumented).as("operations that can refuse input with %d without saying so", status).isEmpty();
  }

  @Test
  void generatedGalileoBindingsMountEveryOperationOfTheSpec(Vertx vertx) {
    Set<String> bound = Stream.of(
            dev.tracepost.galileo.api.HealthApiHandler.OPERATION_IDS,
            dev.tracepost.galileo.api.AuthApiHandler.OPERATION_IDS,
            dev.tracepost.galileo.api.ProjectsApiHandler.OPERATION_IDS,
            dev.tracepost.galileo.api.LogStreamsApiHandler.OPERATION_IDS,
            dev.tracepost.galileo.api.ExperimentsApiHandler.OPERATION_IDS,
            dev.tracepost.galileo.api.SessionsApiHandler.OPERATION_IDS,
            dev.tracepost.galileo.api.TracesApiHandler.OPERATION_IDS,
            dev.tracepost.galileo.api.SpansApiHandler.OPERATION_IDS)
        .flatMap(List::stream).collect(Collectors.toSet());

    assertThat(bound).isEqualTo(operationIds(contract(vertx, Vendor.GALILEO)));
  }

  @Test
  void generatedGalteaBindingsMountEveryOperationOfTheSpec(Vertx vertx) {
    Set<String> bound = Stream.of(
            dev.tracepost.galtea.api.TracesApiHandler.OPERATION_IDS,
            dev.tracepost.galtea.api.SessionsApiHandler.OPERATION_IDS,
            dev.tracepost.galtea.api.InferenceResultsApiHandler.OPERATION_IDS,
            dev.tracepost.galtea.api.SdkApiHandler.OPERATION_IDS)
        .flatMap(List::stream).collect(Collectors.toSet());

    assertThat(bound).isEqualTo(operationIds(contract(vertx, Vendor.GALTEA)));
  }

  @Test
  void everyGalileoOperationIsServedWithAndWithoutV2AndBothFormsAgree(Vertx vertx) {
    OpenAPIContract contract = contract(vertx, Vendor.GALILEO);
    Set<String> canonical = new HashSet<>();
    for (Operation operation : contract.operations()) {
      JsonObject model = operation.getOpenAPIModel();
      String aliasOf = model.getString("x-tracepost-alias-of");
      if (operation.getOpenAPIPath().startsWith("/v2/")) {
        Operation plain = contract.operation(aliasOf);
        assertThat(plain).as("alias target of %s", operation.getOperationId()).isNotNull();
        assertThat(operation.getOperationId()).isEqualTo(aliasOf + "V2");
        assertThat(operation.getOpenAPIPath()).isEqualTo("/v2" + plain.getOpenAPIPath());
        assertThat(operation.getHttpMethod()).isEqualTo(plain.getHttpMethod());
        for (String part : List.of("parameters", "requestBody", "responses", "security")) {
          assertThat(String.valueOf(model.getValue(part))).as("%s of %s", part, operation.getOperationId())
              .isEqualTo(String.valueOf(plain.getOpenAPIModel().getValue(part)));
        }
      } else {
        assertThat(aliasOf).isNull();
        canonical.add(operation.getOperationId());
      }
    }
    Set<String> aliased = contract.operations().stream()
        .map(operation -> operation.getOpenAPIModel().getString("x-tracepost-alias-of"))
        .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    assertThat(aliased).isEqualTo(canonical);
  }

  private static Set<String> operationIds(OpenAPIContract contract) {
    return contract.operations().stream().map(Operation::getOperationId).collect(Collectors.toSet());
  }
}
