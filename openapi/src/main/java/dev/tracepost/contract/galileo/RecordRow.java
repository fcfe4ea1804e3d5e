package dev.tracepost.contract.galileo;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One trace or span as it is stored: its place in the tree, and its body as the client sent it (less
 * its child spans).
 */
public record RecordRow(
    UUID id,
    UUID traceId,
    UUID parentId,
    int position,
    int depth,
    String type,
    String name,
    UUID sessionId,
    OffsetDateTime createdAt,
    boolean hasChildren,
    JsonObject body) {
}
