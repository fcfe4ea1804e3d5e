package dev.tracepost.server.galileo;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.contract.errors.ApiException;
import dev.tracepost.galileo.api.AuthApi;
import dev.tracepost.galileo.model.ApiKeyLoginRequest;
import dev.tracepost.galileo.model.Token;
import dev.tracepost.galileo.model.User;
import dev.tracepost.server.auth.ApiKeys;
import dev.tracepost.server.auth.Tenant;
import dev.tracepost.server.auth.TenantStore;
import dev.tracepost.server.auth.TokenIssuer;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Login with an API key, and who the caller is. */
final class AuthHandlers implements AuthApi {

  private static final OffsetDateTime EPOCH = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private final TenantStore tenants;
  private final TokenIssuer tokens;

  AuthHandlers(TenantStore tenants, TokenIssuer tokens) {
    this.tenants = tenants;
    this.tokens = tokens;
  }

  @Override
  public Future<ApiReply<Token>> loginApiKey(ApiKeyLoginRequest body, RoutingContext context) {
    String key = body.getApiKey();
    return tenants.byKeyHash(ApiKeys.hash(key)).compose(tenant -> tenant
        .map(found -> Future.succeededFuture(ApiReply.ok(
            new Token().accessToken(tokens.issue(found, ApiKeys.prefix(key))).tokenType("bearer"))))
        .orElseGet(() -> Future.failedFuture(ApiException.unauthorized("Invalid API key"))));
  }

  @Override
  public Future<ApiReply<User>> getCurrentUser(RoutingContext context) {
    Tenant tenant = Tenant.of(context);
    return Future.succeededFuture(ApiReply.ok(new User()
        .id(tenant.id().toString())
        .email(tenant.name() + "@tracepost.local")
        .firstName(tenant.name())
        .lastName(null)
        .organizationId(tenant.id().toString())
        .organizationName(tenant.name())
        .createdAt(EPOCH)
        .updatedAt(EPOCH)));
  }
}
