package dev.tracepost.contract.galtea;

import dev.tracepost.contract.TimeOrderedIds;

/** Ids shaped like Galtea's, for the server and the mock: a kind prefix and 32 hex digits (time-ordered). */
public final class GalteaIds {

  private GalteaIds() {
  }

  public static String next(String kind) {
    return kind + "_" + TimeOrderedIds.next().toString().replace("-", "");
  }
}
