package dev.tracepost.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.TreeTraversingParser;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Models read from the tree that validation parsed, where they hold raw JSON ({@code JsonObject}: Galileo's
 * traces and spans): such a part is copied from its tree node in one walk. Jackson would read it token by
 * token through a tree cursor into a map of its own, starting a fresh deserialization for each trace;
 * that was most of the model binding, a tenth of the mock's CPU under the Galileo load. The values are
 * the ones Jackson's map reading gives (Integer, Long or BigInteger as the number needs; Double).
 */
public final class TreeBinding {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

  private TreeBinding() {
  }

  /** A parser over the tree that lets {@link JsonObjects} see the node it stands on. */
  public static JsonParser parser(JsonNode tree, ObjectCodec codec) {
    return new NodeParser(tree, codec);
  }

  private static final class NodeParser extends TreeTraversingParser {

    private final JsonNode root;

    NodeParser(JsonNode tree, ObjectCodec codec) {
      super(tree, codec);
      this.root = tree;
    }

    /** The node of the object or array just started: where the parsing context's path points. */
    JsonNode started() {
      return root.at(getParsingContext().pathAsPointer());
    }
  }

  /** Reads a {@code JsonObject}: from its node when the parser walks a tree, else as Jackson reads a map. */
  static final class JsonObjects extends StdDeserializer<JsonObject> {

    JsonObjects() {
      super(JsonObject.class);
    }

    @Override
    public JsonObject deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser instanceof NodeParser tree && parser.currentToken() == JsonToken.START_OBJECT) {
        JsonNode node = tree.started();
        parser.skipChildren();
        return new JsonObject(map(node));
      }
      Map<String, Object> fields = context.readValue(parser, context.getTypeFactory().constructType(MAP));
      return new JsonObject(fields);
    }
  }

  private static Map<String, Object> map(JsonNode object) {
    Map<String, Object> fields = new LinkedHashMap<>(Math.max(4, object.size() * 4 / 3 + 1));
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      fields.put(field.getKey(), value(field.getValue()));
    }
    return fields;
  }

  private static Object value(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> map(node);
      case ARRAY -> list(node);
      case STRING -> node.textValue();
      case NUMBER -> node.numberValue();
      case BOOLEAN -> node.booleanValue();
      case NULL, MISSING -> null;
      case BINARY, POJO -> throw new IllegalArgumentException("A parsed JSON tree holds no " + node.getNodeType() + " node");
    };
  }

  private static List<Object> list(JsonNode array) {
    List<Object> items = new ArrayList<>(array.size());
    for (JsonNode item : array) {
      items.add(value(item));
    }
    return items;
  }
}
