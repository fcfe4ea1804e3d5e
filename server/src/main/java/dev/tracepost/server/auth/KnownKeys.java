package dev.tracepost.server.auth;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The tenants of keys seen in the last few seconds, so that a request does not cost a key lookup in the
 * database. Only keys that exist are remembered (an unknown key cannot fill the memory), each for
 * {@code ttl}: a key deleted on this instance stops working at once, one deleted on another instance
 * within {@code ttl}. A zero {@code ttl} remembers nothing.
 */
public final class KnownKeys {

  private record Known(Tenant tenant, String keyPrefix, long expiresAtNanos) {
  }

  private final long ttlNanos;
  private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();
  /** Moves on at each {@link #forget}, so that a lookup that began before a deletion is not remembered. */
  private final AtomicLong deletions = new AtomicLong();

  public KnownKeys(Duration ttl) {
    this.ttlNanos = ttl.toNanos();
  }

  /**
   * @param lookupKey what identifies the credential (a key's hash, or the key prefix a token names)
   * @param keyPrefix the prefix of the key behind the credential, by which {@link #forget} finds it
   * @param lookup    the database lookup, when the credential is not known or no longer fresh
   */
  public Future<Optional<Tenant>> tenant(String lookupKey, String keyPrefix, Supplier<Future<Optional<Tenant>>> lookup) {
    long now = System.nanoTime();
    Known hit = known.get(lookupKey);
    if (hit != null && now - hit.expiresAtNanos() < 0) {
      return Future.succeededFuture(Optional.of(hit.tenant()));
    }
    long deletionsBefore = deletions.get();
    return lookup.get().onSuccess(tenant -> {
      if (tenant.isPresent() && ttlNanos > 0 && deletions.get() == deletionsBefore) {
        known.put(lookupKey, new Known(tenant.get(), keyPrefix, now + ttlNanos));
      } else {
        known.remove(lookupKey);
      }
    });
  }

  /** Forgets every credential of the key with this prefix (it was just deleted). */
  public void forget(String keyPrefix) {
    deletions.incrementAndGet();
    known.values().removeIf(entry -> entry.keyPrefix().equals(keyPrefix));
  }
}
