package dev.tracepost.mock.galileo;

import dev.tracepost.galileo.api.AuthApiHandler;
import dev.tracepost.galileo.api.ExperimentsApiHandler;
import dev.tracepost.galileo.api.LogStreamsApiHandler;
import dev.tracepost.galileo.api.ProjectsApiHandler;
import dev.tracepost.galileo.api.SessionsApiHandler;
import dev.tracepost.galileo.api.SpansApiHandler;
import dev.tracepost.galileo.api.TracesApiHandler;
import dev.tracepost.mock.MockCredentials;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** Mounts the mock's stateful Galileo behaviour; the operations it leaves out are answered from the spec. */
public final class GalileoMock {

  private GalileoMock() {
  }

  public static void mount(RouterBuilder builder, GalileoMemory memory, MockCredentials credentials) {
    MockRuns runs = new MockRuns(memory);
    MockTraces traces = new MockTraces(memory, runs);
    AuthApiHandler.mount(builder, new MockLogin(credentials));
    ProjectsApiHandler.mount(builder, new MockProjects(memory));
    LogStreamsApiHandler.mount(builder, runs);
    ExperimentsApiHandler.mount(builder, runs);
    SessionsApiHandler.mount(builder, traces);
    TracesApiHandler.mount(builder, traces);
    SpansApiHandler.mount(builder, traces);
  }
}
