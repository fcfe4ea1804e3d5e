package dev.tracepost.server.auth;

import dev.tracepost.contract.errors.ApiException;
import dev.tracepost.contract.security.Credential;
import dev.tracepost.contract.security.CredentialCheck;
import io.vertx.core.Future;
import io.vertx.ext.auth.User;

import java.util.Optional;

/**
 * Every auth form resolves to a tenant: an API key in a header, a key as a bearer token (Galtea), or a
 * token from the login operation (Galileo), which is honoured only while its key still exists. Lookups go
 * through {@link KnownKeys}, so a busy client costs one lookup every few seconds, not one per request.
 */
public final class ServerCredentialCheck implements CredentialCheck {

  private final TenantStore tenants;
  private final TokenIssuer tokens;
  private final KnownKeys knownKeys;

  public ServerCredentialCheck(TenantStore tenants, TokenIssuer tokens, KnownKeys knownKeys) {
    this.tenants = tenants;
    this.tokens = tokens;
    this.knownKeys = knownKeys;
  }

  @Override
  public Future<User> check(Credential credential) {
    if (credential.kind() == Credential.Kind.BEARER && looksLikeJwt(credential.value())) {
      return tokens.verify(credential.value())
          .recover(invalid -> Future.failedFuture(ApiException.unauthorized("Invalid or expired token")))
          .compose(claims -> {
            String prefix = claims.getString("key");
            return knownKeys.tenant("token:" + prefix, prefix, () -> tenants.byKeyPrefix(prefix));
          })
          .compose(ServerCredentialCheck::known);
    }
    String hash = ApiKeys.hash(credential.value());
    return knownKeys.tenant(hash, ApiKeys.prefix(credential.value()), () -> tenants.byKeyHash(hash))
        .compose(ServerCredentialCheck::known);
  }

  private static Future<User> known(Optional<Tenant> tenant) {
    return tenant.map(found -> Future.succeededFuture(Tenant.asUser(found)))
        .orElseGet(() -> Future.failedFuture(ApiException.unauthorized("Invalid credentials")));
  }

  private static boolean looksLikeJwt(String value) {
    return value.chars().filter(c -> c == '.').count() == 2 && !value.startsWith("gsk");
  }
}
