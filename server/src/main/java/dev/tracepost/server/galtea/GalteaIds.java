package dev.tracepost.server.galtea;

import java.util.UUID;

/** Ids the server makes, shaped like Galtea's: a kind prefix and 32 hex digits. */
final class GalteaIds {

  private GalteaIds() {
  }

  static String next(String kind) {
    return kind + "_" + UUID.randomUUID().toString().replace("-", "");
  }
}
