package dev.tracepost.mock.galtea;

import dev.tracepost.contract.Json;
import dev.tracepost.galtea.model.InferenceResult;
import dev.tracepost.galtea.model.Session;
import dev.tracepost.galtea.model.Trace;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Galtea clients told the mock, in memory, bounded like the journal: the newest traces are kept, at
 * most {@link #MAX_TRACES} of them and {@link #MAX_BYTES} bytes of JSON in all (the newest always stays; a
 * trace may carry 10 MB of data). Synchronized, because tests read it from their own threads. Traces are
 * kept as their JSON bytes, one array each instead of some thirty small objects: under load they outlive
 * many young collections, and copying them was what made the collector's pauses, and so the mock's p99,
 * long (bench/results/mock-2026-12-02.md).
 */
public final class GalteaMemory {

  public static final int MAX_TRACES = 5_000;
  public static final long MAX_BYTES = 16L * 1024 * 1024;

  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private final Map<String, InferenceResult> inferenceResults = new LinkedHashMap<>();
  private final Map<String, byte[]> traces = new LinkedHashMap<>();
  private long storedBytes;

  /**
   * Keeps the session unless another has its customId (false then): looked for and kept in one step, as
   * two requests on two event loops may ask for one customId at once.
   */
  synchronized boolean add(Session session) {
    if (session.getCustomId() != null && sessionByCustomId(session.getCustomId()).isPresent()) {
      return false;
    }
    sessions.put(session.getId(), session);
    return true;
  }

  synchronized Optional<Session> session(String id) {
    return Optional.ofNullable(sessions.get(id));
  }

  synchronized Optional<Session> sessionByCustomId(String customId) {
    return sessions.values().stream().filter(session -> customId.equals(session.getCustomId())).findFirst();
  }

  /**
   * Keeps the result. One sent without an index gets the one after its session's highest (0 for the first),
   * as on the server, in the same step: two results of a session created at once get two indexes.
   */
  synchronized InferenceResult add(InferenceResult result) {
    if (result.getIndex() == null) {
      result.setIndex(inferenceResults.values().stream().filter(stored -> stored.getSessionId().equals(result.getSessionId()))
          .mapToInt(InferenceResult::getIndex).max().orElse(-1) + 1);
    }
    inferenceResults.put(result.getId(), result);
    return result;
  }

  synchronized Optional<InferenceResult> inferenceResult(String id) {
    return Optional.ofNullable(inferenceResults.get(id));
  }

  /** Stores all of them or, when an id is taken, none (returns false). */
  synchronized boolean putAll(List<Trace> batch) {
    if (batch.stream().anyMatch(trace -> traces.containsKey(trace.getId()))) {
      return false;
    }
    for (Trace trace : batch) {
      byte[] json = encode(trace);
      traces.put(trace.getId(), json);
      storedBytes += json.length;
    }
    var oldest = traces.values().iterator();
    while ((traces.size() > MAX_TRACES || storedBytes > MAX_BYTES) && traces.size() > 1) {
      storedBytes -= oldest.next().length;
      oldest.remove();
    }
    return true;
  }

  synchronized Optional<Trace> trace(String id) {
    return Optional.ofNullable(traces.get(id)).map(GalteaMemory::decode);
  }

  /** Keeps a changed trace (one the mock still has). */
  synchronized void update(Trace trace) {
    traces.computeIfPresent(trace.getId(), (id, old) -> {
      byte[] json = encode(trace);
      storedBytes += json.length - old.length;
      return json;
    });
  }

  /** Every trace ever posted, deleted ones included (with their deletedAt), oldest first. */
  public synchronized List<Trace> traces() {
    return traces.values().stream().map(GalteaMemory::decode).toList();
  }

  /** The same as JSON, as GET returns them: the bytes kept are the model as the API writes it. */
  public synchronized List<JsonObject> tracesAsJson() {
    return traces.values().stream().map(json -> new JsonObject(Buffer.buffer(json))).toList();
  }

  private static byte[] encode(Trace trace) {
    try {
      return Json.mapper().writeValueAsBytes(trace);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Trace decode(byte[] json) {
    try {
      return Json.mapper().readValue(json, Trace.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized void clear() {
    sessions.clear();
    inferenceResults.clear();
    traces.clear();
    storedBytes = 0;
  }
}
