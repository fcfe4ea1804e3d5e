package dev.tracepost.mock;

import dev.tracepost.contract.BodyLimits;
import dev.tracepost.contract.SpecDocument;
import dev.tracepost.contract.Vendor;
import dev.tracepost.mock.journal.Journal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.EnumMap;
import java.util.Map;

/**
 * How to start a mock.
 *
 * @param port        0 for a free port
 * @param apiKey      the one key to accept, or null to accept any non-empty key
 * @param journalSize how many requests the journal keeps (the oldest go first)
 * @param specs       spec files to serve instead of the bundled ones, by vendor
 */
public record MockOptions(String host, int port, String apiKey, int journalSize, long bodyLimit, Map<Vendor, String> specs) {

  public static final int DEFAULT_PORT = 4010;

  /** A free port on 127.0.0.1, any key, the default journal, the bundled specs. */
  public static MockOptions defaults() {
    return new MockOptions("127.0.0.1", 0, null, Journal.DEFAULT_CAPACITY, BodyLimits.DEFAULT_MAX_BYTES, Map.of());
  }

  public MockOptions withHost(String newHost) {
    return new MockOptions(newHost, port, apiKey, journalSize, bodyLimit, specs);
  }

  public MockOptions withPort(int newPort) {
    return new MockOptions(host, newPort, apiKey, journalSize, bodyLimit, specs);
  }

  public MockOptions withApiKey(String key) {
    return new MockOptions(host, port, key, journalSize, bodyLimit, specs);
  }

  public MockOptions withJournalSize(int size) {
    return new MockOptions(host, port, apiKey, size, bodyLimit, specs);
  }

  public MockOptions withSpec(Vendor vendor, String path) {
    Map<Vendor, String> more = new EnumMap<>(Vendor.class);
    more.putAll(specs);
    more.put(vendor, path);
    return new MockOptions(host, port, apiKey, journalSize, bodyLimit, Map.copyOf(more));
  }

  /** Starts loading the bundled specs this mock will serve ({@link SpecDocument#preload}). */
  void preloadBundledSpecs() {
    for (Vendor vendor : Vendor.values()) {
      if (!specs.containsKey(vendor)) {
        SpecDocument.preload(vendor);
      }
    }
  }

  /** The vendor's spec file given, or the bundled spec. */
  Future<SpecDocument> loadSpec(Vertx vertx, Vendor vendor) {
    String file = specs.get(vendor);
    return file == null ? SpecDocument.load(vertx, vendor) : SpecDocument.load(vertx, vendor, file);
  }
}
