package dev.tracepost.contract.security;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.Credentials;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;

/**
 * Hands what Vert.x's API-key and bearer handlers extracted to a {@link CredentialCheck}. It implements
 * {@link JWTAuth} only because the OpenAPI router accepts nothing else for {@code http bearer} schemes;
 * tokens are issued elsewhere, so it never generates one.
 */
final class CredentialAuth implements JWTAuth {

  private final Credential.Kind kind;
  private final CredentialCheck check;

  CredentialAuth(Credential.Kind kind, CredentialCheck check) {
    this.kind = kind;
    this.check = check;
  }

  @Override
  public Future<User> authenticate(Credentials credentials) {
    if (!(credentials instanceof TokenCredentials token) || token.getToken() == null || token.getToken().isBlank()) {
      return Future.failedFuture("No credentials");
    }
    return check.check(new Credential(kind, token.getToken()));
  }

  @Override
  public String generateToken(JsonObject claims, JWTOptions options) {
    throw new UnsupportedOperationException("tokens are issued by the login operation");
  }

  @Override
  public String generateToken(JsonObject claims) {
    throw new UnsupportedOperationException("tokens are issued by the login operation");
  }
}
