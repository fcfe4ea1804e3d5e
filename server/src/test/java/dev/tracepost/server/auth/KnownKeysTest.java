package dev.tracepost.server.auth;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The memory of recently seen keys: what it saves, and how quickly it lets go of a deleted key. */
class KnownKeysTest {

  private static final Tenant TENANT = new Tenant(UUID.randomUUID(), "acme");

  private final AtomicInteger lookups = new AtomicInteger();

  private Future<Optional<Tenant>> found() {
    lookups.incrementAndGet();
    return Future.succeededFuture(Optional.of(TENANT));
  }

  private Future<Optional<Tenant>> missing() {
    lookups.incrementAndGet();
    return Future.succeededFuture(Optional.empty());
  }

  @Test
  void aKnownKeyIsLookedUpOncePerLifetime() {
    KnownKeys keys = new KnownKeys(Duration.ofMinutes(1));

    for (int i = 0; i < 5; i++) {
      assertThat(keys.tenant("hash", "gsk_abcdefgh", this::found).result()).contains(TENANT);
    }

    assertThat(lookups).hasValue(1);
  }

  @Test
  void aKeyIsLookedUpAgainOnceItsLifetimeIsOver() throws InterruptedException {
    KnownKeys keys = new KnownKeys(Duration.ofMillis(20));
    keys.tenant("hash", "gsk_abcdefgh", this::found);

    Thread.sleep(40);
    keys.tenant("hash", "gsk_abcdefgh", this::found);

    assertThat(lookups).hasValue(2);
  }

  @Test
  void anUnknownKeyIsNeverRemembered() {
    KnownKeys keys = new KnownKeys(Duration.ofMinutes(1));

    keys.tenant("hash", "gsk_abcdefgh", this::missing);
    keys.tenant("hash", "gsk_abcdefgh", this::missing);

    assertThat(lookups).hasValue(2);
  }

  @Test
  void aDeletedKeyIsForgottenWithEveryCredentialOfIt() {
    KnownKeys keys = new KnownKeys(Duration.ofMinutes(1));
    keys.tenant("hash", "gsk_abcdefgh", this::found);
    keys.tenant("token:gsk_abcdefgh", "gsk_abcdefgh", this::found);
    keys.tenant("other", "gsk_zzzzzzzz", this::found);

    keys.forget("gsk_abcdefgh");

    assertThat(keys.tenant("hash", "gsk_abcdefgh", this::missing).result()).isEmpty();
    assertThat(keys.tenant("token:gsk_abcdefgh", "gsk_abcdefgh", this::missing).result()).isEmpty();
    assertThat(keys.tenant("other", "gsk_zzzzzzzz", this::missing).result()).contains(TENANT);
  }

  @Test
  void aLookupUnderwayWhenAKeyIsDeletedIsNotRemembered() {
    KnownKeys keys = new KnownKeys(Duration.ofMinutes(1));
    Promise<Optional<Tenant>> slow = Promise.promise();
    keys.tenant("hash", "gsk_abcdefgh", slow::future);

    keys.forget("gsk_abcdefgh");
    slow.complete(Optional.of(TENANT));

    assertThat(keys.tenant("hash", "gsk_abcdefgh", this::missing).result()).isEmpty();
  }

  @Test
  void aZeroLifetimeRemembersNothing() {
    KnownKeys keys = new KnownKeys(Duration.ZERO);

    keys.tenant("hash", "gsk_abcdefgh", this::found);
    keys.tenant("hash", "gsk_abcdefgh", this::found);

    assertThat(lookups).hasValue(2);
  }
}
