package dev.tracepost.mock.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests the mock received, newest last, never more than its capacity: the oldest entry goes when a
 * new one comes, so memory stays flat however long a load runs (WireMock's journal grows until the JVM
 * runs out). Bodies are kept up to {@link #MAX_BODY_BYTES} bytes each and {@link #MAX_BODY_BYTES_TOTAL}
 * in all: past that, the oldest entries lose their bodies (and say so), so large bodies cannot fill the
 * memory either.
 */
public final class Journal {

  public static final int DEFAULT_CAPACITY = 10_000;
  public static final int MAX_BODY_BYTES = 1024 * 1024;
  public static final long MAX_BODY_BYTES_TOTAL = 8L * 1024 * 1024;

  private final int capacity;
  private final ConcurrentLinkedDeque<JournalEntry> entries = new ConcurrentLinkedDeque<>();
  /** The entries that still hold a body, oldest first: whose bodies go first when room is needed. */
  private final ConcurrentLinkedQueue<JournalEntry> withBodies = new ConcurrentLinkedQueue<>();
  private final AtomicLong bodyBytes = new AtomicLong();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong sequence = new AtomicLong();

  public Journal(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("The journal needs room for at least one entry");
    }
    this.capacity = capacity;
  }

  long nextSequence() {
    return sequence.incrementAndGet();
  }

  void add(JournalEntry entry) {
    entries.addLast(entry);
    if (size.incrementAndGet() > capacity) {
      JournalEntry oldest = entries.pollFirst();
      if (oldest != null) {
        size.decrementAndGet();
        // Only an entry that still has its body is in withBodies, at its head (both queues are in arrival
        // order): looking for one that is not would scan the whole queue on every request.
        int body = oldest.bodyBytes();
        if (body > 0 && withBodies.remove(oldest)) {
          bodyBytes.addAndGet(-body);
        }
      }
    }
    int body = entry.bodyBytes();
    if (body > 0) {
      withBodies.add(entry);
      long total = bodyBytes.addAndGet(body);
      while (total > MAX_BODY_BYTES_TOTAL) {
        JournalEntry oldest = withBodies.poll();
        if (oldest == null) {
          break;
        }
        total = bodyBytes.addAndGet(-oldest.dropBody());
      }
    }
  }

  /**
   * @param operationId matches either name of an operation ({@code logTraces} also finds {@code logTracesV2}); null for any
   * @param vendor      {@code galileo} or {@code galtea}; null for any
   */
  public List<JournalEntry> entries(String operationId, String vendor) {
    List<JournalEntry> found = new ArrayList<>();
    for (JournalEntry entry : entries) {
      boolean operationMatches = operationId == null
          || operationId.equals(entry.operationId()) || operationId.equals(entry.canonicalId());
      if (operationMatches && (vendor == null || vendor.equals(entry.vendor()))) {
        found.add(entry);
      }
    }
    return found;
  }

  public int size() {
    return size.get();
  }

  public int capacity() {
    return capacity;
  }

  public void clear() {
    entries.clear();
    withBodies.clear();
    bodyBytes.set(0);
    size.set(0);
  }
}
