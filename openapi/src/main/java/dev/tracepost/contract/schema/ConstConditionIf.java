package dev.tracepost.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.BaseJsonValidator;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.IfValidator;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonValidator;
import com.networknt.schema.Keyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.ValidatorTypeCode;

import java.util.Map;
import java.util.Set;

/**
 * The {@code if} keyword, with a shortcut for the condition the specs use to tell records apart by their
 * type: {@code if: {properties: {type: {const: llm}}}, then: ...}. networknt evaluates such a condition as
 * a schema, and a condition that does not hold costs a failed evaluation with its messages: five of the
 * six on every span of a Galileo batch, most of the time it took to validate one. Here that condition is
 * answered directly, with the meaning JSON Schema gives it (it holds unless the value is an object whose
 * property is present and different), and {@code then} and {@code else} are evaluated as networknt
 * does. Any other condition is left to networknt's own {@link IfValidator}.
 */
final class ConstConditionIf implements Keyword {

  @Override
  public String getValue() {
    return "if";
  }

  @Override
  public JsonValidator newValidator(SchemaLocation schemaLocation, JsonNodePath evaluationPath, JsonNode schemaNode,
                                    JsonSchema parentSchema, ValidationContext validationContext) {
    Map.Entry<String, JsonNode> condition = propertyConst(schemaNode);
    if (condition == null) {
      return new IfValidator(schemaLocation, evaluationPath, schemaNode, parentSchema, validationContext);
    }
    return new Validator(schemaLocation, evaluationPath, schemaNode, parentSchema, validationContext, condition.getKey(),
        condition.getValue());
  }

  /** {@code {properties: {NAME: {const: "text"}}}}, as NAME and the text; null for any other condition. */
  private static Map.Entry<String, JsonNode> propertyConst(JsonNode condition) {
    if (condition.size() != 1 || !condition.path("properties").isObject() || condition.get("properties").size() != 1) {
      return null;
    }
    Map.Entry<String, JsonNode> property = condition.get("properties").properties().iterator().next();
    JsonNode schema = property.getValue();
    return schema.size() == 1 && schema.path("const").isTextual() ? Map.entry(property.getKey(), schema.get("const")) : null;
  }

  private static final class Validator extends BaseJsonValidator {

    private final String property;
    private final JsonNode value;
    private final JsonSchema thenSchema;
    private final JsonSchema elseSchema;

    Validator(SchemaLocation schemaLocation, JsonNodePath evaluationPath, JsonNode schemaNode, JsonSchema parentSchema,
              ValidationContext validationContext, String property, JsonNode value) {
      super(schemaLocation, evaluationPath, schemaNode, parentSchema, ValidatorTypeCode.IF_THEN_ELSE, validationContext);
      this.property = property;
      this.value = value;
      this.thenSchema = branch("then", parentSchema, validationContext);
      this.elseSchema = branch("else", parentSchema, validationContext);
    }

    private static JsonSchema branch(String keyword, JsonSchema parentSchema, ValidationContext validationContext) {
      JsonNode node = parentSchema.getSchemaNode().get(keyword);
      return node == null ? null : validationContext.newSchema(parentSchema.getSchemaLocation().append(keyword),
          parentSchema.getEvaluationPath().append(keyword), node, parentSchema);
    }

    @Override
    public Set<ValidationMessage> validate(ExecutionContext executionContext, JsonNode node, JsonNode rootNode,
                                           JsonNodePath instanceLocation) {
      JsonNode actual = node.isObject() ? node.get(property) : null;
      JsonSchema branch = actual == null || actual.equals(value) ? thenSchema : elseSchema;
      return branch == null ? Set.of() : branch.validate(executionContext, node, rootNode, instanceLocation);
    }

    @Override
    public void preloadJsonSchema() {
      if (thenSchema != null) {
        thenSchema.initializeValidators();
      }
      if (elseSchema != null) {
        elseSchema.initializeValidators();
      }
    }
  }
}
