package dev.tracepost.server.auth;

import io.vertx.core.Future;

import java.util.Optional;

/**
 * Makes sure somebody can use a new server: with {@code TRACEPOST_BOOTSTRAP_KEY} the tenant
 * {@code default} exists with that key; with no tenant at all and no such key, the first start creates
 * {@code default} and prints its new key, once.
 */
public final class Bootstrap {

  public static final String DEFAULT_TENANT = "default";

  private Bootstrap() {
  }

  /** @return the key it created, which the caller shows once; empty when it created none */
  public static Future<Optional<String>> run(TenantStore tenants, Optional<String> bootstrapKey) {
    if (bootstrapKey.isPresent()) {
      return tenants.ensure(DEFAULT_TENANT).compose(tenant -> tenants.addKey(tenant, bootstrapKey.get())).map(done -> Optional.empty());
    }
    return tenants.count().compose(count -> {
      if (count > 0) {
        return Future.succeededFuture(Optional.empty());
      }
      String key = ApiKeys.generate();
      return tenants.ensure(DEFAULT_TENANT).compose(tenant -> tenants.addKey(tenant, key)).map(done -> Optional.of(key));
    });
  }
}
