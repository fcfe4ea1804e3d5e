package dev.tracepost.server.galtea;

import dev.tracepost.galtea.api.InferenceResultsApiHandler;
import dev.tracepost.galtea.api.SdkApiHandler;
import dev.tracepost.galtea.api.SessionsApiHandler;
import dev.tracepost.galtea.api.TracesApiHandler;
import dev.tracepost.server.ops.RowsWritten;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** Mounts the server's handlers on every operation of galtea.yaml. */
public final class GalteaApi {

  private GalteaApi() {
  }

  public static void mount(RouterBuilder builder, GalteaStore store, RowsWritten rowsWritten) {
    TracesApiHandler.mount(builder, new TraceHandlers(store, rowsWritten));
    SessionsApiHandler.mount(builder, new SessionHandlers(store));
    InferenceResultsApiHandler.mount(builder, new InferenceResultHandlers(store));
    SdkApiHandler.mount(builder, new SdkHandlers());
  }
}
