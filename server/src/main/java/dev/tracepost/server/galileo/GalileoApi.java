package dev.tracepost.server.galileo;

import dev.tracepost.galileo.api.AuthApiHandler;
import dev.tracepost.galileo.api.ExperimentsApiHandler;
import dev.tracepost.galileo.api.HealthApiHandler;
import dev.tracepost.galileo.api.LogStreamsApiHandler;
import dev.tracepost.galileo.api.ProjectsApiHandler;
import dev.tracepost.galileo.api.SessionsApiHandler;
import dev.tracepost.galileo.api.SpansApiHandler;
import dev.tracepost.galileo.api.TracesApiHandler;
import dev.tracepost.server.auth.TenantStore;
import dev.tracepost.server.auth.TokenIssuer;
import dev.tracepost.server.ops.RowsWritten;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** Mounts the server's handlers on every operation of galileo.yaml. */
public final class GalileoApi {

  private GalileoApi() {
  }

  public static void mount(RouterBuilder builder, GalileoStore store, TenantStore tenants, TokenIssuer tokens,
                           RowsWritten rowsWritten, String version) {
    HealthApiHandler.mount(builder, new HealthHandlers(version));
    AuthApiHandler.mount(builder, new AuthHandlers(tenants, tokens));
    ProjectsApiHandler.mount(builder, new ProjectHandlers(store));
    LogStreamsApiHandler.mount(builder, new LogStreamHandlers(store));
    ExperimentsApiHandler.mount(builder, new ExperimentHandlers(store));
    SessionsApiHandler.mount(builder, new SessionHandlers(store));
    TracesApiHandler.mount(builder, new TraceHandlers(store, rowsWritten));
    SpansApiHandler.mount(builder, new SpanHandlers(store, rowsWritten));
  }
}
