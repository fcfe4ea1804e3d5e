package dev.tracepost.contract;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ids Tracepost makes: time-ordered UUIDs (version 7, RFC 9562), a millisecond timestamp and 74
 * random bits. Rows written together get neighbouring keys, so a primary-key index grows at one edge
 * instead of everywhere; and they cost no SecureRandom call each ({@code UUID.randomUUID()} took 6 % of
 * the mock's CPU under its Galileo load, bench/results/mock-2026-12-02.md). The ids are not secrets: the
 * client gets them back.
 */
public final class TimeOrderedIds {

  private TimeOrderedIds() {
  }

  public static UUID next() {
    return at(System.currentTimeMillis());
  }

  /** An id of the given time: ids made together may share one reading of the clock. */
  public static UUID at(long epochMillis) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long millis = epochMillis & 0xFFFF_FFFF_FFFFL;
    long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }
}
