package dev.tracepost.mock.journal;

import io.vertx.core.json.JsonArray;

import java.time.Instant;
import java.util.Arrays;

/**
 * The journal's entries as columns: one array a field, each allocated once with a slot per entry. An
 * entry is copied in when it comes and built again when read. Kept as objects, ten thousand entries each
 * outlived fifteen young collections, copied at every one, then were promoted and filled the old
 * generation: under the Galileo load, a full collection (43 ms) after 20 s, and young pauses of 1.9 ms
 * on average against 1.3 ms with a journal of ten entries (bench/results/mock-2026-12-02.md, sixth
 * session).
 * Every reference kept here is to a long-lived object (the spec's names, a head shared by repeated
 * requests) or to a rare one (violations).
 */
final class EntryColumns {

  private final BodyRing bodies;
  private final long[] sequences;
  private final long[] seconds;
  private final int[] nanos;
  private final String[] vendors;
  private final String[] operationIds;
  private final String[] canonicalIds;
  private final String[] methods;
  private final byte[][] heads;
  private final long[] bodyStarts;
  /** -1 for an entry without a body. */
  private final int[] bodyLengths;
  private final boolean[] bodyCuts;
  private final JsonArray[] violations;
  private final int[] statuses;

  EntryColumns(int capacity, BodyRing bodies) {
    this.bodies = bodies;
    sequences = new long[capacity];
    seconds = new long[capacity];
    nanos = new int[capacity];
    vendors = new String[capacity];
    operationIds = new String[capacity];
    canonicalIds = new String[capacity];
    methods = new String[capacity];
    heads = new byte[capacity][];
    bodyStarts = new long[capacity];
    bodyLengths = new int[capacity];
    bodyCuts = new boolean[capacity];
    violations = new JsonArray[capacity];
    statuses = new int[capacity];
  }

  void put(int slot, JournalEntry entry) {
    Instant at = entry.at();
    sequences[slot] = entry.sequence();
    seconds[slot] = at.getEpochSecond();
    nanos[slot] = at.getNano();
    vendors[slot] = entry.vendor();
    operationIds[slot] = entry.operationId();
    canonicalIds[slot] = entry.canonicalId();
    methods[slot] = entry.method();
    heads[slot] = entry.head();
    BodyRing.Kept body = entry.keptBody();
    bodyStarts[slot] = body == null ? 0 : body.start();
    bodyLengths[slot] = body == null ? -1 : body.length();
    bodyCuts[slot] = body != null && body.cut();
    violations[slot] = entry.violations();
    statuses[slot] = entry.status();
  }

  JournalEntry get(int slot) {
    BodyRing.Kept body = bodyLengths[slot] < 0 ? null : new BodyRing.Kept(bodies, bodyStarts[slot], bodyLengths[slot], bodyCuts[slot]);
    return JournalEntry.of(sequences[slot], Instant.ofEpochSecond(seconds[slot], nanos[slot]), vendors[slot], operationIds[slot],
        canonicalIds[slot], methods[slot], heads[slot], body, violations[slot], statuses[slot]);
  }

  /**
   * @param operationId either name of an operation; null for any
   * @param vendor      null for any
   */
  boolean matches(int slot, String operationId, String vendor) {
    boolean operationMatches = operationId == null || operationId.equals(operationIds[slot]) || operationId.equals(canonicalIds[slot]);
    return operationMatches && (vendor == null || vendor.equals(vendors[slot]));
  }

  /** Lets go of what the entries referred to. */
  void clear() {
    Arrays.fill(vendors, null);
    Arrays.fill(operationIds, null);
    Arrays.fill(canonicalIds, null);
    Arrays.fill(methods, null);
    Arrays.fill(heads, null);
    Arrays.fill(violations, null);
  }
}
