package dev.tracepost.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.Keyword;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.Vocabulary;
import com.networknt.schema.format.DateTimeFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles the request body schemas of a spec for networknt's validator: JSON Schema 2020-12 with formats
 * asserted, as the specs declare. What makes it fast without changing what it accepts lives here: the
 * spec's closed property sets inlined ({@link ClosedPropertySets}), type conditions answered directly
 * ({@link ConstConditionIf}) and UUIDs checked without a regular expression ({@link UuidFormat}); and,
 * before networknt runs at all, a quick check that most valid bodies pass ({@link QuickVerdict}).
 */
public final class BodySchemas {

  private static final Format UUID = new UuidFormat();

  /** The formats the specs use, checked as networknt checks them (uuid as it is given it here). */
  private static final Map<String, Format> QUICK_FORMATS = Map.of("uuid", UUID, "date-time", new DateTimeFormat());

  /**
   * networknt's side, set up when a body first needs it: most bodies are valid and the quick verdict
   * settles them, so a mock that only ever sees valid bodies never loads networknt at all.
   */
  private static final class Networknt {

    static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
        .formatAssertionsEnabled(true)
        .pathType(PathType.JSON_POINTER)
        .build();

    /**
     * Body schemas are read in place inside the OpenAPI document, whose own keys (paths, components,
     * x-tracepost-*) are not schema keywords: they are ignored quietly instead of warned about on each load.
     */
    static final JsonMetaSchema DIALECT = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
        .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
        .vocabularyFactory(Networknt::vocabulary)
        .format(UUID)
        .build();

    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
        builder -> builder.metaSchema(DIALECT));

    /** 2020-12's vocabularies, with {@link ConstConditionIf} in place of the applicators' {@code if}. */
    private static Vocabulary vocabulary(String iri) {
      if (!Vocabulary.V202012_APPLICATOR.getIri().equals(iri)) {
        return null;
      }
      List<Keyword> keywords = new ArrayList<>();
      Vocabulary.V202012_APPLICATOR.getKeywords().forEach(keyword -> keywords.add("if".equals(keyword.getValue()) ? new ConstConditionIf() : keyword));
      return new Vocabulary(iri, keywords.toArray(Keyword[]::new));
    }
  }

  private final JsonNode document;
  private final QuickVerdict quick;

  /** @param written the spec as written */
  public BodySchemas(JsonNode written) {
    this.document = ClosedPropertySets.inline(written);
    this.quick = new QuickVerdict(document, QUICK_FORMATS);
  }

  /** The schema at the pointer of the spec (e.g. an operation's request body schema), compiled. */
  public JsonSchema compile(String pointer) {
    ObjectNode root = document.deepCopy();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$ref", "#" + pointer);
    return Networknt.FACTORY.getSchema(root, Networknt.CONFIG);
  }

  /** The same schema, for telling quickly that a body certainly keeps it ({@link QuickVerdict}). */
  public QuickVerdict.Check quick(String pointer) {
    return quick.at(pointer);
  }
}
