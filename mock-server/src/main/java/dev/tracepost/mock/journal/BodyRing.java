package dev.tracepost.mock.journal;

import io.vertx.core.buffer.Buffer;

/**
 * The journal's bodies, in one array that new bodies fill round and round: a body stays readable until
 * the newer ones have come round over it. Kept as an array each, bodies outlived many young collections
 * and died in the old generation, whose full collections set the mock's slowest answers under load
 * (bench/results/mock-2026-12-02.md). The ring is one long-lived array of bytes: young collections never
 * copy it, and nothing in it ever becomes garbage.
 */
final class BodyRing {

  /** Where a body lies in the ring, and whether it was cut to fit the limit of one. */
  record Kept(BodyRing ring, long start, int length, boolean cut) {

    /** The body's bytes; null once newer bodies have written over it. */
    byte[] bytes() {
      return ring.read(start, length);
    }

    boolean overwritten() {
      return ring.overwritten(start);
    }
  }

  private final byte[] memory;
  private final int capacity;
  /** How many bytes were ever written: the next body starts there, modulo the capacity. */
  private long end;

  BodyRing(int capacity) {
    this.capacity = capacity;
    this.memory = new byte[capacity];
  }

  /** Keeps at most {@code max} bytes of the body (never more than the whole ring). */
  synchronized Kept keep(Buffer body, int max) {
    int length = Math.min(body.length(), Math.min(max, capacity));
    int at = (int) (end % capacity);
    int first = Math.min(length, capacity - at);
    body.getBytes(0, first, memory, at);
    body.getBytes(first, length, memory, 0);
    Kept kept = new Kept(this, end, length, body.length() > length);
    end += length;
    return kept;
  }

  private synchronized byte[] read(long start, int length) {
    if (overwritten(start)) {
      return null;
    }
    byte[] bytes = new byte[length];
    int at = (int) (start % capacity);
    int first = Math.min(length, capacity - at);
    System.arraycopy(memory, at, bytes, 0, first);
    System.arraycopy(memory, 0, bytes, first, length - first);
    return bytes;
  }

  private synchronized boolean overwritten(long start) {
    return start < end - capacity;
  }
}
