package dev.tracepost.mock.journal;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The requests the mock received, newest last, never more than its capacity: the oldest entry goes when a
 * new one comes, so memory stays flat however long a load runs (WireMock's journal grows until the JVM
 * runs out). Bodies are kept up to {@link #MAX_BODY_BYTES} bytes each, in a ring of
 * {@link #MAX_BODY_BYTES_TOTAL} bytes ({@link BodyRing}): past that, the oldest entries lose their bodies
 * (and say so), so large bodies cannot fill the memory either.
 */
public final class Journal {

  public static final int DEFAULT_CAPACITY = 10_000;
  public static final int MAX_BODY_BYTES = 1024 * 1024;
  public static final int MAX_BODY_BYTES_TOTAL = 8 * 1024 * 1024;
  private static final int BODY_SEGMENT_BYTES = 1024 * 1024;
  private static final int RECENT_HEAD_BITS = 4;

  private final int capacity;
  private final BodyRing bodies;
  private final EntryColumns slots;
  private final AtomicLong sequence = new AtomicLong();
  /** How many entries were added since the journal was last cleared: the next goes in slot added % capacity. */
  private long added;
  /**
   * The heads of recent requests, one a slot chosen by their hash (see {@link #head}): more than one,
   * because clients that send the same request do not all send its headers in the same order (wrk's two
   * threads do not), and one head kept would change at every turn.
   */
  private final AtomicReferenceArray<byte[]> recentHeads = new AtomicReferenceArray<>(1 << RECENT_HEAD_BITS);

  public Journal(int capacity) {
    this(capacity, MAX_BODY_BYTES_TOTAL);
  }

  Journal(int capacity, int bodyBytes) {
    if (capacity < 1) {
      throw new IllegalArgumentException("The journal needs room for at least one entry");
    }
    this.capacity = capacity;
    this.bodies = new BodyRing(bodyBytes, BODY_SEGMENT_BYTES);
    this.slots = new EntryColumns(capacity, bodies);
  }

  /**
   * The request's path, query and headers, packed ({@link RequestHead}); the very array of a recent request
   * when they are the same bytes, as they are for every request of a load that repeats one request: then
   * ten thousand entries hold a few arrays between them, not ten thousand that each young collection
   * copies until they are promoted.
   */
  byte[] head(String path, String query, MultiMap headers) {
    byte[] head = RequestHead.pack(path, query, headers);
    // The top bits of the hash times the golden ratio: the low bits of Arrays.hashCode alone are the same
    // for the same header lines in another order.
    int slot = (Arrays.hashCode(head) * 0x9E3779B9) >>> (Integer.SIZE - RECENT_HEAD_BITS);
    byte[] recent = recentHeads.get(slot);
    if (recent != null && Arrays.equals(recent, head)) {
      return recent;
    }
    recentHeads.set(slot, head);
    return head;
  }

  long nextSequence() {
    return sequence.incrementAndGet();
  }

  /** Where the journal keeps a request's body; null for none. */
  BodyRing.Kept keep(Buffer body) {
    return body == null || body.length() == 0 ? null : bodies.keep(body, MAX_BODY_BYTES);
  }

  synchronized void add(JournalEntry entry) {
    slots.put((int) (added++ % capacity), entry);
  }

  /**
   * @param operationId matches either name of an operation ({@code logTraces} also finds {@code logTracesV2}); null for any
   * @param vendor      {@code galileo} or {@code galtea}; null for any
   */
  public synchronized List<JournalEntry> entries(String operationId, String vendor) {
    List<JournalEntry> found = new ArrayList<>();
    for (long index = Math.max(0, added - capacity); index < added; index++) {
      int slot = (int) (index % capacity);
      if (slots.matches(slot, operationId, vendor)) {
        found.add(slots.get(slot));
      }
    }
    return found;
  }

  public synchronized int size() {
    return (int) Math.min(added, capacity);
  }

  public int capacity() {
    return capacity;
  }

  public synchronized void clear() {
    slots.clear();
    added = 0;
  }
}
