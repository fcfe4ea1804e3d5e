package dev.tracepost.server.galtea;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.galtea.api.SdkApi;
import dev.tracepost.galtea.model.MinimumSdkVersion;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** What the Galtea SDK asks when it starts; any SDK version is welcome. */
final class SdkHandlers implements SdkApi {

  @Override
  public Future<ApiReply<MinimumSdkVersion>> getMinimumSdkVersion(RoutingContext context) {
    return Future.succeededFuture(ApiReply.ok(new MinimumSdkVersion().minimumSdkVersionSupported("0.0.0")
        .latestSdkVersionPublished("5.17.0")));
  }
}
