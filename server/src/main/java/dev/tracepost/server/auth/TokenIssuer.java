package dev.tracepost.server.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.time.Duration;

/**
 * Issues and checks the bearer tokens of {@code POST /login/api_key}: HS256 JWTs with an expiry, naming
 * the tenant and the key they were issued for (so revoking the key revokes its tokens).
 */
public final class TokenIssuer {

  private final JWTAuth jwt;
  private final Duration ttl;

  public TokenIssuer(Vertx vertx, String secret, Duration ttl) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    this.ttl = ttl;
  }

  public String issue(Tenant tenant, String keyPrefix) {
    return jwt.generateToken(
        new JsonObject().put("sub", tenant.id().toString()).put("tenant", tenant.name()).put("key", keyPrefix),
        new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds((int) ttl.toSeconds()));
  }

  /** The token's claims, or a failed future when it is not ours or has expired. */
  public Future<JsonObject> verify(String token) {
    return jwt.authenticate(new TokenCredentials(token)).map(User::principal);
  }
}
