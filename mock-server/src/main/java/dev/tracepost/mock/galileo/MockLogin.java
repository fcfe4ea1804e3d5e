package dev.tracepost.mock.galileo;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.contract.errors.ApiException;
import dev.tracepost.galileo.api.AuthApi;
import dev.tracepost.galileo.model.ApiKeyLoginRequest;
import dev.tracepost.galileo.model.Token;
import dev.tracepost.galileo.model.User;
import dev.tracepost.mock.MockCredentials;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Login hands out a JWT-shaped token that expires in an hour (the JS SDK reads {@code exp}). */
final class MockLogin implements AuthApi {

  private final MockCredentials credentials;

  MockLogin(MockCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public Future<ApiReply<Token>> loginApiKey(ApiKeyLoginRequest body, RoutingContext context) {
    if (!credentials.accepts(body.getApiKey())) {
      return Future.failedFuture(ApiException.unauthorized("Invalid API key"));
    }
    return Future.succeededFuture(ApiReply.ok(new Token().accessToken(credentials.issueToken()).tokenType("bearer")));
  }

  @Override
  public Future<ApiReply<User>> getCurrentUser(RoutingContext context) {
    OffsetDateTime epoch = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    return Future.succeededFuture(ApiReply.ok(new User().id(MockProjects.USER_ID).email("mock@tracepost.local").firstName("Mock")
        .lastName("User").organizationId("55555555-5555-4555-8555-555555555555").organizationName("mock")
        .createdAt(epoch).updatedAt(epoch)));
  }
}
