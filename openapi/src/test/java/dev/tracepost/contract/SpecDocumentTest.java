package dev.tracepost.contract;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIContractException;
import io.vertx.openapi.contract.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.tracepost.contract.ContractFixtures.await;
import static dev.tracepost.contract.ContractFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bundled spec is read from the JSON the build wrote from its YAML, and skips the meta-schema check at
 * start-up (the build made it); a spec file given at run time is read as YAML and checked.
 */
@ExtendWith(VertxExtension.class)
class SpecDocumentTest {

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void theBundledSpecIsTheOneACheckedLoadOfItsYamlBuilds(Vendor vendor, Vertx vertx, @TempDir Path dir) throws IOException {
    Path copy = Files.writeString(dir.resolve("spec.yaml"), resource(vendor.specResource()));

    SpecDocument bundledDocument = await(SpecDocument.load(vertx, vendor));
    SpecDocument checkedDocument = await(SpecDocument.load(vertx, vendor, copy.toString()));

    assertThat(bundledDocument.written()).isEqualTo(checkedDocument.written());
    assertThat(bundledDocument.writtenJson()).as("as written, whichever way it was loaded").isEqualTo(checkedDocument.writtenJson());
    OpenAPIContract bundled = bundledDocument.contract();
    OpenAPIContract checked = checkedDocument.contract();

    assertThat(bundled.operations()).hasSameSizeAs(checked.operations());
    for (Operation operation : checked.operations()) {
      Operation same = bundled.operation(operation.getOperationId());
      assertThat(same).as(operation.getOperationId()).isNotNull();
      assertThat(same.getOpenAPIPath()).isEqualTo(operation.getOpenAPIPath());
      assertThat(sameJson(same.getOpenAPIModel(), operation.getOpenAPIModel(), new HashSet<>())).as(operation.getOperationId()).isTrue();
    }
    assertThat(bundled.getSecurityRequirements()).hasSameSizeAs(checked.getSecurityRequirements());
  }

  /**
   * Deep equality that stops at a pair of objects it is already comparing: resolved models are cyclic where
   * schemas are recursive (Galileo's spans), which {@code equals} and {@code toString} do not survive.
   */
  private static boolean sameJson(Object one, Object other, Set<List<Integer>> comparing) {
    if (one instanceof JsonObject a && other instanceof JsonObject b) {
      if (!comparing.add(List.of(System.identityHashCode(a), System.identityHashCode(b)))) {
        return true;
      }
      return a.fieldNames().equals(b.fieldNames())
          && a.fieldNames().stream().allMatch(name -> sameJson(a.getValue(name), b.getValue(name), comparing));
    }
    if (one instanceof JsonArray a && other instanceof JsonArray b) {
      return a.size() == b.size() && IntStream.range(0, a.size()).allMatch(i -> sameJson(a.getValue(i), b.getValue(i), comparing));
    }
    return Objects.equals(one, other);
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void aBundledSpecLoadsOnceAndServesAVertxStartedAfterTheFirstClosed(Vendor vendor) {
    Vertx first = Vertx.vertx();
    SpecDocument loaded = await(SpecDocument.load(first, vendor));
    await(first.close());
    Vertx second = Vertx.vertx();
    try {
      assertThat(await(SpecDocument.load(second, vendor))).isSameAs(loaded);
    } finally {
      await(second.close());
    }
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void aBundledSpecPreloadedWithoutAnyVertxIsTheOneLoadServes(Vendor vendor, Vertx vertx) throws Exception {
    SpecDocument preloaded = SpecDocument.preload(vendor).toCompletableFuture().get(60, TimeUnit.SECONDS);

    assertThat(preloaded.vendor()).isEqualTo(vendor);
    assertThat(await(SpecDocument.load(vertx, vendor))).isSameAs(preloaded);
  }

  @Test
  void aSpecFileThatBreaksOpenApisMetaSchemaIsRefused(Vertx vertx, @TempDir Path dir) throws IOException {
    String spec = resource(Vendor.GALTEA.specResource()).replaceFirst("(?m)^info:", "information:");
    Path broken = Files.writeString(dir.resolve("broken.yaml"), spec);

    assertThatThrownBy(() -> await(SpecDocument.load(vertx, Vendor.GALTEA, broken.toString())))
        .hasStackTraceContaining(OpenAPIContractException.class.getName())
        .hasStackTraceContaining("Instance does not have required property \"info\"");
  }

  @Test
  void aSpecFileIsCheckedWholeNotOnlyThePartTheContractIsBuiltFrom(Vertx vertx, @TempDir Path dir) throws IOException {
    String spec = resource(Vendor.GALTEA.specResource())
        .replaceFirst("(?m)^          description: Trace created successfully$", "          summary: Trace created successfully");
    Path broken = Files.writeString(dir.resolve("broken.yaml"), spec);

    assertThatThrownBy(() -> await(SpecDocument.load(vertx, Vendor.GALTEA, broken.toString())))
        .hasStackTraceContaining(OpenAPIContractException.class.getName())
        .hasStackTraceContaining("description");
  }
}
