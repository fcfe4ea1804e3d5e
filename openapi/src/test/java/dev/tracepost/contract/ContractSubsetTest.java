package dev.tracepost.contract;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Vert.x's contract is built from a spec's routing part: what it leaves out, what it keeps. */
class ContractSubsetTest {

  private static JsonObject schema(String ref) {
    return new JsonObject().put("$ref", ref);
  }

  private static JsonObject jsonContent(JsonObject schema) {
    return new JsonObject().put("application/json", new JsonObject().put("schema", schema)
        .put("examples", new JsonObject().put("one", new JsonObject().put("$ref", "#/components/examples/Reply"))));
  }

  private static final JsonObject SPEC = new JsonObject()
      .put("openapi", "3.1.0")
      .put("info", new JsonObject().put("title", "t").put("version", "1"))
      .put("security", new JsonArray().add(new JsonObject().put("key", new JsonArray())))
      .put("paths", new JsonObject()
          .put("/things/{id}", new JsonObject().put("post", new JsonObject()
              .put("operationId", "postThing")
              .put("parameters", new JsonArray()
                  .add(new JsonObject().put("$ref", "#/components/parameters/Id"))
                  .add(new JsonObject().put("name", "page").put("in", "query").put("schema", schema("#/components/schemas/Page/properties/size"))))
              .put("requestBody", new JsonObject().put("content", jsonContent(schema("#/components/schemas/Thing"))))
              .put("responses", new JsonObject()
                  .put("201", new JsonObject().put("description", "made").put("content", jsonContent(schema("#/components/schemas/Thing"))))
                  .put("422", new JsonObject().put("$ref", "#/components/responses/Invalid")))))
          .put("/others", new JsonObject().put("put", new JsonObject()
              .put("operationId", "putOthers")
              .put("requestBody", new JsonObject().put("$ref", "#/components/requestBodies/Others"))
              .put("responses", new JsonObject().put("204", new JsonObject().put("description", "done"))))))
      .put("webhooks", new JsonObject().put("thingMade", new JsonObject().put("post", new JsonObject()
          .put("requestBody", new JsonObject().put("content", new JsonObject().put("application/json",
              new JsonObject().put("schema", schema("#/components/schemas/Hook")))))
          .put("responses", new JsonObject().put("200", new JsonObject().put("description", "ok"))))))
      .put("components", new JsonObject()
          .put("securitySchemes", new JsonObject().put("key", new JsonObject().put("type", "apiKey").put("in", "header").put("name", "K")))
          .put("parameters", new JsonObject()
              .put("Id", new JsonObject().put("name", "id").put("in", "path").put("required", true).put("schema", schema("#/components/schemas/Id")))
              .put("Unused", new JsonObject().put("name", "u").put("in", "query").put("schema", new JsonObject())))
          .put("requestBodies", new JsonObject().put("Others", new JsonObject().put("content", jsonContent(schema("#/components/schemas/Thing")))))
          .put("responses", new JsonObject().put("Invalid", new JsonObject().put("description", "bad").put("content", jsonContent(schema("#/components/schemas/Error")))))
          .put("examples", new JsonObject().put("Reply", new JsonObject().put("value", new JsonObject())))
          .put("schemas", new JsonObject()
              .put("Id", new JsonObject().put("type", "string").put("allOf", new JsonArray().add(schema("#/components/schemas/Text"))))
              .put("Text", new JsonObject().put("type", "string"))
              .put("Page", new JsonObject().put("type", "object").put("properties", new JsonObject().put("size", new JsonObject().put("type", "integer"))))
              .put("Thing", new JsonObject().put("type", "object"))
              .put("Error", new JsonObject().put("type", "object"))
              .put("Hook", new JsonObject().put("type", "object"))));

  @Test
  void keepsEveryOperationWithItsParametersAndStatusesAndOnlyTheComponentsTheyReach() {
    String before = SPEC.encode();

    JsonObject subset = ContractSubset.of(SPEC);

    assertThat(SPEC.encode()).as("the spec as written").isEqualTo(before);
    JsonObject post = subset.getJsonObject("paths").getJsonObject("/things/{id}").getJsonObject("post");
    assertThat(post.getJsonArray("parameters")).isEqualTo(SPEC.getJsonObject("paths").getJsonObject("/things/{id}")
        .getJsonObject("post").getJsonArray("parameters"));
    assertThat(post.getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json")
        .getJsonObject("schema")).isEqualTo(new JsonObject());
    assertThat(post.getJsonObject("responses").fieldNames()).containsExactly("201", "422");
    assertThat(post.getJsonObject("responses").getJsonObject("422").containsKey("$ref")).isFalse();
    assertThat(post.getJsonObject("responses").getJsonObject("201").containsKey("content")).isFalse();

    JsonObject components = subset.getJsonObject("components");
    assertThat(components.getJsonObject("securitySchemes").fieldNames()).containsExactly("key");
    assertThat(components.getJsonObject("parameters").fieldNames()).containsExactly("Id");
    assertThat(components.getJsonObject("schemas").fieldNames())
        .as("through a parameter's chain of references, a pointer inside one, and a webhook").isEqualTo(Set.of("Id", "Text", "Page", "Hook"));
    assertThat(components.getJsonObject("requestBodies").getJsonObject("Others").getJsonObject("content")
        .getJsonObject("application/json").getJsonObject("schema")).isEqualTo(new JsonObject());
    assertThat(components.getJsonObject("responses")).isEmpty();
    assertThat(components.getJsonObject("examples")).isEmpty();
  }

  @Test
  void vertxBuildsTheContractOfTheSubset() {
    OpenAPIContract contract = CheckedSpecContract.of(ContractSubset.of(SPEC));

    Operation post = contract.operation("postThing");
    assertThat(post.getParameters()).extracting(parameter -> parameter.getName()).containsExactly("id", "page");
    JsonObject id = contract.getRawContract().getJsonObject("paths").getJsonObject("/things/{id}").getJsonObject("post")
        .getJsonArray("parameters").getJsonObject(0);
    assertThat(id.getJsonObject("schema").getJsonArray("allOf").getJsonObject(0).getString("type")).isEqualTo("string");
    assertThat(contract.operation("putOthers").getRequestBody().getContent()).containsKey("application/json");
    assertThat(contract.getSecurityRequirements()).hasSize(1);
  }
}
