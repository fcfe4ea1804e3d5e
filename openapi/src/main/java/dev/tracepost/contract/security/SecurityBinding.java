package dev.tracepost.contract.security;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.APIKeyHandler;
import io.vertx.ext.web.handler.JWTAuthHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;

import java.util.Map;

/**
 * Registers a handler for every security scheme the spec declares, so that an operation accepts
 * whichever of its schemes the client uses. Driven by the spec: a scheme added there needs no code here
 * unless it is of a new kind.
 */
public final class SecurityBinding {

  private SecurityBinding() {
  }

  static JsonObject schemes(OpenAPIContract contract) {
    return contract.getRawContract()
        .getJsonObject("components", new JsonObject())
        .getJsonObject("securitySchemes", new JsonObject());
  }

  public static void bind(RouterBuilder builder, OpenAPIContract contract, CredentialCheck check) {
    builder.rootHandler(CredentialResolver.create(contract, check));
    for (Map.Entry<String, Object> entry : schemes(contract)) {
      if (!(entry.getValue() instanceof JsonObject scheme)) {
        continue; // Vert.x's own bookkeeping keys in the resolved contract
      }
      String type = scheme.getString("type");
      if ("apiKey".equals(type) && "header".equals(scheme.getString("in"))) {
        builder.security(entry.getKey()).apiKeyHandler(
            APIKeyHandler.create(new CredentialAuth(Credential.Kind.API_KEY, check)).header(scheme.getString("name")));
      } else if ("http".equals(type) && "bearer".equalsIgnoreCase(scheme.getString("scheme"))) {
        builder.security(entry.getKey()).httpHandler(
            JWTAuthHandler.create(new CredentialAuth(Credential.Kind.BEARER, check)));
      } else {
        throw new IllegalArgumentException("Security scheme " + entry.getKey() + " is of a kind Tracepost does not serve");
      }
    }
  }
}
