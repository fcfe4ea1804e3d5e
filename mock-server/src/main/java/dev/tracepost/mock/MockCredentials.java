package dev.tracepost.mock;

import dev.tracepost.contract.errors.ApiException;
import dev.tracepost.contract.security.Credential;
import dev.tracepost.contract.security.CredentialCheck;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Any non-empty key in any form the server accepts, or, with {@code --api-key K}, only K (and the tokens
 * the mock's login issued for it).
 */
public final class MockCredentials implements CredentialCheck {

  private final String requiredKey;
  private final Set<String> issued = ConcurrentHashMap.newKeySet();

  public MockCredentials(String requiredKey) {
    this.requiredKey = requiredKey;
  }

  public boolean accepts(String key) {
    return key != null && !key.isBlank() && (requiredKey == null || requiredKey.equals(key));
  }

  /** A JWT-shaped token valid for an hour: the JS SDK reads its {@code exp} to know when to log in again. */
  public String issueToken() {
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    String header = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims = encoder.encodeToString(new JsonObject().put("sub", "mock").put("exp", Instant.now().getEpochSecond() + 3600)
        .put("jti", UUID.randomUUID().toString()).encode().getBytes(StandardCharsets.UTF_8));
    String token = header + "." + claims + "." + encoder.encodeToString("tracepost-mock".getBytes(StandardCharsets.UTF_8));
    issued.add(token);
    return token;
  }

  @Override
  public Future<User> check(Credential credential) {
    boolean known = credential.kind() == Credential.Kind.BEARER && issued.contains(credential.value());
    return known || accepts(credential.value())
        ? Future.succeededFuture(User.fromName("mock"))
        : Future.failedFuture(ApiException.unauthorized("Invalid credentials"));
  }
}
