package dev.tracepost.contract.security;

import dev.tracepost.contract.errors.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.UserContextInternal;
import io.vertx.openapi.contract.OpenAPIContract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves the request's credential once, before Vert.x's security handlers, which then let a request
 * with a user through. It exists because those handlers, chained as alternatives, keep only the last
 * alternative's failure: a database that cannot be reached would turn into a plain 401. Here such a
 * failure is kept on the request ({@link #UNAVAILABLE}) for the error reply; a credential that is
 * merely wrong is left for the security handlers to reject.
 */
public final class CredentialResolver implements Handler<RoutingContext> {

  /** Where an {@link ApiException} of status 5xx from the credential check is kept. */
  public static final String UNAVAILABLE = "tracepost.credentials.unavailable";

  private final List<String> apiKeyHeaders;
  private final boolean bearer;
  private final CredentialCheck check;

  private CredentialResolver(List<String> apiKeyHeaders, boolean bearer, CredentialCheck check) {
    this.apiKeyHeaders = apiKeyHeaders;
    this.bearer = bearer;
    this.check = check;
  }

  /** Reads the credential headers from the spec's security schemes. */
  public static CredentialResolver create(OpenAPIContract contract, CredentialCheck check) {
    List<String> headers = new ArrayList<>();
    boolean bearer = false;
    for (Map.Entry<String, Object> entry : SecurityBinding.schemes(contract)) {
      if (!(entry.getValue() instanceof JsonObject scheme)) {
        continue;
      }
      if ("apiKey".equals(scheme.getString("type")) && "header".equals(scheme.getString("in"))) {
        headers.add(scheme.getString("name"));
      } else if ("http".equals(scheme.getString("type")) && "bearer".equalsIgnoreCase(scheme.getString("scheme"))) {
        bearer = true;
      }
    }
    return new CredentialResolver(List.copyOf(headers), bearer, check);
  }

  @Override
  public void handle(RoutingContext context) {
    Credential credential = credential(context);
    if (credential == null) {
      context.next();
      return;
    }
    check.check(credential).onComplete(done -> {
      if (done.succeeded()) {
        // Vert.x 5 has no public setter; its own authentication handlers set the user through this interface.
        ((UserContextInternal) context.userContext()).setUser(done.result());
      } else if (done.cause() instanceof ApiException failure && failure.status() >= 500) {
        context.put(UNAVAILABLE, failure);
      }
      context.next();
    });
  }

  private Credential credential(RoutingContext context) {
    for (String header : apiKeyHeaders) {
      String key = context.request().getHeader(header);
      if (key != null && !key.isBlank()) {
        return new Credential(Credential.Kind.API_KEY, key.trim());
      }
    }
    String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (bearer && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return new Credential(Credential.Kind.BEARER, authorization.substring(7).trim());
    }
    return null;
  }
}
