package dev.tracepost.contract.galileo;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids for records sent without one: time-ordered UUIDs (version 7, RFC 9562), a millisecond timestamp and
 * 74 random bits. Records written together get neighbouring keys, so the server's primary-key index grows
 * at one edge instead of everywhere; and they cost no SecureRandom call each ({@code UUID.randomUUID()} took
 * 6 % of the mock's CPU under its Galileo load, bench/results/mock-2026-12-02.md). The ids are not secrets:
 * the client gets them back.
 */
final class RecordIds {

  private RecordIds() {
  }

  static UUID next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long millis = System.currentTimeMillis() & 0xFFFF_FFFF_FFFFL;
    long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }
}
