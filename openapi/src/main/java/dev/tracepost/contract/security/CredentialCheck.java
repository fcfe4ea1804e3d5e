package dev.tracepost.contract.security;

import io.vertx.core.Future;
import io.vertx.ext.auth.User;

/**
 * Decides who a credential belongs to. The server looks keys up in its database; the mock accepts any
 * key or one fixed key. A failed future rejects the request: with an
 * {@link dev.tracepost.contract.errors.ApiException} its status is kept (503 when the database is away),
 * anything else answers 401.
 */
@FunctionalInterface
public interface CredentialCheck {

  Future<User> check(Credential credential);
}
