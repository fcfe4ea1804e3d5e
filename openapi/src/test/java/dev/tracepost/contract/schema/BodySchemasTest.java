package dev.tracepost.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes body validation fast must not change what it accepts: every document here gets the same
 * verdict from {@link BodySchemas} as from networknt's plain 2020-12 validator on the spec as written.
 */
class BodySchemasTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A spec fragment with the shapes the real specs use: closed property sets, records told apart by type. */
  private static final String SPEC = """
      {"components": {"schemas": {
        "Shared": {"type": "object", "description": "fields of every record",
                   "properties": {"id": {"type": "string", "format": "uuid"}, "name": {"type": "string", "minLength": 1}},
                   "required": ["name"]},
        "Llm": {"allOf": [{"$ref": "#/components/schemas/Shared"}],
                "properties": {"type": {"const": "llm"}, "model": {"type": "string"}, "name": {"maxLength": 5}},
                "unevaluatedProperties": false},
        "Tool": {"allOf": [{"$ref": "#/components/schemas/Shared"}],
                 "properties": {"type": {"const": "tool"}, "spans": {"type": "array", "items": {"$ref": "#/components/schemas/Record"}}},
                 "unevaluatedProperties": false},
        "Record": {"type": "object", "required": ["type"], "properties": {"type": {"enum": ["llm", "tool"]}},
                   "allOf": [{"if": {"properties": {"type": {"const": "llm"}}}, "then": {"$ref": "#/components/schemas/Llm"}},
                             {"if": {"properties": {"type": {"const": "tool"}}}, "then": {"$ref": "#/components/schemas/Tool"}}]},
        "Either": {"allOf": [{"$ref": "#/components/schemas/Shared"}],
                   "oneOf": [{"properties": {"a": {"type": "integer"}}, "required": ["a"]},
                             {"properties": {"b": {"type": "integer"}}, "required": ["b"]}],
                   "unevaluatedProperties": false}
      }}}""";

  private static final List<String> RECORDS = List.of(
      "{\"type\": \"llm\", \"name\": \"chat\", \"model\": \"gpt\"}",
      "{\"type\": \"llm\", \"name\": \"chat\", \"model\": \"gpt\", \"id\": \"11111111-1111-4111-8111-11111111111A\"}",
      "{\"type\": \"llm\", \"name\": \"chat\", \"id\": \"11111111-1111-4111-8111-111111111111\\n\"}",
      "{\"type\": \"llm\", \"name\": \"chat\", \"id\": \"1111111-11111-4111-8111-111111111111\"}",
      "{\"type\": \"llm\", \"name\": \"chatting\"}",
      "{\"type\": \"llm\", \"name\": \"\"}",
      "{\"type\": \"llm\"}",
      "{\"type\": \"llm\", \"name\": \"chat\", \"spans\": []}",
      "{\"type\": \"tool\", \"name\": \"call\", \"model\": \"gpt\"}",
      "{\"type\": \"tool\", \"name\": \"call\", \"spans\": [{\"type\": \"llm\", \"name\": \"x\"}]}",
      "{\"type\": \"tool\", \"name\": \"call\", \"spans\": [{\"type\": \"llm\", \"name\": \"x\", \"extra\": 1}]}",
      "{\"type\": \"agent\", \"name\": \"x\"}",
      "{\"type\": 7, \"name\": \"x\"}",
      "{\"name\": \"x\", \"model\": \"gpt\"}",
      "[1, 2]",
      "\"llm\"");

  private static final List<String> EITHERS = List.of(
      "{\"name\": \"x\", \"a\": 1}",
      "{\"name\": \"x\", \"b\": 1}",
      "{\"name\": \"x\", \"a\": 1, \"c\": 1}",
      "{\"name\": \"x\"}");

  @Test
  void recordsToldApartByTypeGetTheSameVerdictsAsTheSchemaAsWritten() throws Exception {
    assertSameVerdicts("/components/schemas/Record", RECORDS);
  }

  @Test
  void aClosedSetWithABranchingSchemaIsLeftAsWrittenAndJudgedAlike() throws Exception {
    JsonNode inlined = ClosedPropertySets.inline(JSON.readTree(SPEC));

    assertThat(inlined.at("/components/schemas/Either").has("unevaluatedProperties")).isTrue();
    assertSameVerdicts("/components/schemas/Either", EITHERS);
  }

  @Test
  void aClosedSetOfPlainSetsBecomesOnePropertySetKeepingEveryConstraint() throws Exception {
    JsonNode llm = ClosedPropertySets.inline(JSON.readTree(SPEC)).at("/components/schemas/Llm");

    assertThat(llm.has("allOf")).isFalse();
    assertThat(llm.get("additionalProperties").asBoolean()).isFalse();
    assertThat(llm.get("required").toString()).isEqualTo("[\"name\"]");
    assertThat(llm.at("/properties/name/allOf").size()).as("both declarations of name apply").isEqualTo(2);
  }

  @Test
  void uuidsAreCheckedCharacterByCharacter() {
    UuidFormat uuid = new UuidFormat();

    assertThat(uuid.matches(null, "0f8fad5b-d9cb-469f-a165-70867728950e")).isTrue();
    assertThat(uuid.matches(null, "0F8FAD5B-D9CB-469F-A165-70867728950E")).isTrue();
    assertThat(uuid.matches(null, "0f8fad5bd9cb469fa16570867728950e")).isFalse();
    assertThat(uuid.matches(null, "0f8fad5b-d9cb-469f-a165-70867728950")).isFalse();
    assertThat(uuid.matches(null, "0f8fad5b-d9cb-469f-a165-70867728950g")).isFalse();
    assertThat(uuid.matches(null, "0f8fad5b-d9cb-469f-a165-70867728950e\n")).isFalse();
    assertThat(uuid.matches(null, "0f8fad5b-d9cb-469fa-165-70867728950e")).isFalse();
  }

  private static void assertSameVerdicts(String pointer, List<String> documents) throws Exception {
    JsonSchema fast = new BodySchemas(JSON.readTree(SPEC)).compile(pointer);
    JsonSchema plain = plain(pointer);
    for (String document : documents) {
      JsonNode instance = JSON.readTree(document);
      assertThat(fast.validate(instance).isEmpty()).as(document).isEqualTo(plain.validate(instance).isEmpty());
    }
  }

  private static JsonSchema plain(String pointer) throws Exception {
    var root = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(SPEC);
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$ref", "#" + pointer);
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).pathType(PathType.JSON_POINTER).build();
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root, config);
  }
}
