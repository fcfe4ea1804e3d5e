package dev.tracepost.mock.journal;

import io.vertx.core.buffer.Buffer;

/**
 * The journal's bodies, in a ring of bytes that new bodies fill round and round: a body stays readable
 * until the newer ones have come round over it. Kept as an array each, bodies outlived many young
 * collections and died in the old generation, whose full collections set the mock's slowest answers under
 * load (bench/results/mock-2026-12-02.md). The ring is a few long-lived arrays: once they are promoted,
 * young collections never copy them, and nothing in them ever becomes garbage. Each segment is allocated
 * when the first body reaches it, not at the start: eight megabytes allocated before the first request
 * made a fast start collect once more, and copy them (bench/results/mock-2026-12-02.md, eighth session).
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

  /** What a copy does with one contiguous piece: {@code length} bytes at {@code offset} of a body, {@code within} of a segment. */
  private interface Piece {
    void copy(byte[] segment, int within, int offset, int length);
  }

  private final byte[][] segments;
  private final int segmentBytes;
  private final int capacity;
  /** How many bytes were ever written: the next body starts there, modulo the capacity. */
  private long end;

  BodyRing(int capacity, int segmentBytes) {
    this.capacity = capacity;
    this.segmentBytes = segmentBytes;
    this.segments = new byte[(capacity + segmentBytes - 1) / segmentBytes][];
  }

  /** Keeps at most {@code max} bytes of the body (never more than the whole ring). */
  synchronized Kept keep(Buffer body, int max) {
    int length = Math.min(body.length(), Math.min(max, capacity));
    pieces(end, length, (segment, within, offset, count) -> body.getBytes(offset, offset + count, segment, within));
    Kept kept = new Kept(this, end, length, body.length() > length);
    end += length;
    return kept;
  }

  private synchronized byte[] read(long start, int length) {
    if (overwritten(start)) {
      return null;
    }
    byte[] bytes = new byte[length];
    pieces(start, length, (segment, within, offset, count) -> System.arraycopy(segment, within, bytes, offset, count));
    return bytes;
  }

  /** The ring's bytes from {@code start} on, piece by piece: a piece ends where a segment or the ring does. */
  private void pieces(long start, int length, Piece piece) {
    for (int offset = 0; offset < length; ) {
      int at = (int) ((start + offset) % capacity);
      int index = at / segmentBytes;
      int within = at - index * segmentBytes;
      int count = Math.min(length - offset, Math.min(segmentBytes - within, capacity - at));
      piece.copy(segment(index), within, offset, count);
      offset += count;
    }
  }

  private byte[] segment(int index) {
    if (segments[index] == null) {
      segments[index] = new byte[Math.min(segmentBytes, capacity - index * segmentBytes)];
    }
    return segments[index];
  }

  private synchronized boolean overwritten(long start) {
    return start < end - capacity;
  }
}
