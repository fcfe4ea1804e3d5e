package dev.tracepost.contract.galtea;

import dev.tracepost.contract.TimeOrderedIds;

import java.util.UUID;

/** Ids shaped like Galtea's, for the server and the mock: a kind prefix and 32 hex digits (time-ordered). */
public final class GalteaIds {

  private GalteaIds() {
  }

  public static String next(String kind) {
    UUID id = TimeOrderedIds.next();
    return kind + "_" + hex(id.getMostSignificantBits()) + hex(id.getLeastSignificantBits());
  }

  private static String hex(long bits) {
    String digits = Long.toHexString(bits);
    return "0".repeat(16 - digits.length()) + digits;
  }
}
