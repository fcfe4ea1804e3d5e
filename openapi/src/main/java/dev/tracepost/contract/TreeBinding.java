package dev.tracepost.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.TreeTraversingParser;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Models read from the tree that validation parsed, where they hold raw JSON ({@code JsonObject}: Galileo's
 * traces and spans): such a part is a read-only view of its tree node, its values converted when read.
 * Jackson would read it token by token through a tree cursor into a map of its own, starting a fresh
 * deserialization for each trace (a tenth of the mock's CPU under the Galileo load); a copy of the node
 * into maps was a fifth of what the mock allocated per Galileo request. The values are the ones Jackson's
 * map reading gives (Integer, Long or BigInteger as the number needs; Double). Vert.x copies such an object
 * ({@code copy()}) into a HashMap, not in the order sent: encode it, or copy it into a LinkedHashMap, where
 * the order matters.
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

    /**
     * The node of the object or array just started: what its parent context points at. Followed from the
     * root context by context, not through a JSON pointer, which Jackson writes out as text and reads back
     * (3 % of what the mock allocated per Galileo request).
     */
    JsonNode started() {
      return pointedAt(getParsingContext().getParent());
    }

    private JsonNode pointedAt(JsonStreamContext context) {
      if (context.inRoot()) {
        return root;
      }
      JsonNode container = pointedAt(context.getParent());
      return context.inArray() ? container.get(context.getCurrentIndex()) : container.get(context.getCurrentName());
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
        return new JsonObject(new NodeFields(node));
      }
      Map<String, Object> fields = context.readValue(parser, context.getTypeFactory().constructType(MAP));
      return new JsonObject(fields);
    }
  }

  /**
   * An object node read as a map, without copying it: values are converted when read, child objects and
   * arrays come as views too. Read-only, as the parsed tree it stands on is shared and never changed.
   */
  private static final class NodeFields extends AbstractMap<String, Object> {

    private final JsonNode object;

    NodeFields(JsonNode object) {
      this.object = object;
    }

    @Override
    public Object get(Object key) {
      return key instanceof String name ? value(object.get(name)) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && object.has(name);
    }

    @Override
    public int size() {
      return object.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, Object>> iterator() {
          Iterator<Entry<String, JsonNode>> fields = object.properties().iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return fields.hasNext();
            }

            @Override
            public Entry<String, Object> next() {
              Entry<String, JsonNode> field = fields.next();
              return new SimpleImmutableEntry<>(field.getKey(), value(field.getValue()));
            }
          };
        }

        @Override
        public int size() {
          return object.size();
        }
      };
    }
  }

  /** An array node read as a list, as {@link NodeFields} reads an object. */
  private static final class NodeItems extends AbstractList<Object> implements RandomAccess {

    private final JsonNode array;

    NodeItems(JsonNode array) {
      this.array = array;
    }

    @Override
    public Object get(int index) {
      Objects.checkIndex(index, array.size());
      return value(array.get(index));
    }

    @Override
    public int size() {
      return array.size();
    }
  }

  private static Object value(JsonNode node) {
    if (node == null) {
      return null;
    }
    return switch (node.getNodeType()) {
      case OBJECT -> new NodeFields(node);
      case ARRAY -> new NodeItems(node);
      case STRING -> node.textValue();
      case NUMBER -> node.numberValue();
      case BOOLEAN -> node.booleanValue();
      case NULL, MISSING -> null;
      case BINARY, POJO -> throw new IllegalArgumentException("A parsed JSON tree holds no " + node.getNodeType() + " node");
    };
  }
}
