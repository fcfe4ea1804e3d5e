package dev.tracepost.contract.galileo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Nests stored records back under their parents, in the order they were sent. */
public final class Trees {

  private Trees() {
  }

  /** A record as read back, with the id of its parent (null for a trace). */
  public record Node(UUID id, UUID parentId, JsonObject record) {
  }

  /**
   * @param nodes the records of one trace, siblings in the order they were sent
   * @return the record {@code rootId} with its descendants under {@code spans}, or null when it is not among them
   */
  public static JsonObject assemble(List<Node> nodes, UUID rootId) {
    Map<UUID, JsonObject> byId = new LinkedHashMap<>();
    for (Node node : nodes) {
      byId.put(node.id(), node.record().put("spans", new JsonArray()));
    }
    for (Node node : nodes) {
      JsonObject parent = node.parentId() == null ? null : byId.get(node.parentId());
      if (parent != null) {
        parent.getJsonArray("spans").add(byId.get(node.id()));
      }
    }
    return byId.get(rootId);
  }
}
