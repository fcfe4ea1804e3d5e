package dev.tracepost.server.auth;

import io.vertx.core.Future;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Makes sure somebody can use a new server: with {@code TRACEPOST_BOOTSTRAP_KEY} the tenant
 * {@code default} exists with that key; with no tenant at all and no such key, the first start creates
 * {@code default} and prints its new key, once.
 */
public final class Bootstrap {

  public static final String DEFAULT_TENANT = "default";
  private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

  private Bootstrap() {
  }

  public static Future<Void> run(TenantStore tenants, Optional<String> bootstrapKey) {
    if (bootstrapKey.isPresent()) {
      return tenants.ensure(DEFAULT_TENANT).compose(tenant -> tenants.addKey(tenant, bootstrapKey.get()));
    }
    return tenants.count().compose(count -> {
      if (count > 0) {
        return Future.succeededFuture();
      }
      String key = ApiKeys.generate();
      return tenants.ensure(DEFAULT_TENANT)
          .compose(tenant -> tenants.addKey(tenant, key))
          .onSuccess(done -> LOG.warning("Created tenant '" + DEFAULT_TENANT + "' with API key " + key
              + " (shown once: keep it)"));
    });
  }
}
