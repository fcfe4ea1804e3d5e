package dev.tracepost.mock.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests the mock received, newest last, never more than its capacity: the oldest entry goes when a
 * new one comes, so memory stays flat however long a load runs (WireMock's journal grows until the JVM
 * runs out). Bodies are kept up to {@link #MAX_BODY_CHARS} characters each.
 */
public final class Journal {

  public static final int DEFAULT_CAPACITY = 10_000;
  public static final int MAX_BODY_CHARS = 1024 * 1024;

  private final int capacity;
  private final ConcurrentLinkedDeque<JournalEntry> entries = new ConcurrentLinkedDeque<>();
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
    if (size.incrementAndGet() > capacity && entries.pollFirst() != null) {
      size.decrementAndGet();
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
    size.set(0);
  }
}
