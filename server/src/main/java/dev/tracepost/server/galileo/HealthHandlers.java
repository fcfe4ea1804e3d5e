package dev.tracepost.server.galileo;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.galileo.api.HealthApi;
import dev.tracepost.galileo.model.HealthcheckResponse;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /healthcheck}: the SDKs' liveness probe (the operators' one, with the database, is {@code /healthz}). */
final class HealthHandlers implements HealthApi {

  private final String version;

  HealthHandlers(String version) {
    this.version = version;
  }

  @Override
  public Future<ApiReply<HealthcheckResponse>> healthcheck(RoutingContext context) {
    return Future.succeededFuture(ApiReply.ok(new HealthcheckResponse().apiVersion("v2").message("ok").version(version)));
  }
}
