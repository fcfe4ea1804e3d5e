package dev.tracepost.mock.galileo;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.contract.errors.ApiException;
import dev.tracepost.galileo.api.ExperimentsApi;
import dev.tracepost.galileo.api.LogStreamsApi;
import dev.tracepost.galileo.model.Experiment;
import dev.tracepost.galileo.model.LogStream;
import dev.tracepost.galileo.model.LogStreamPage;
import dev.tracepost.galileo.model.NamedCreateRequest;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** Log streams and experiments in memory: the places traces are logged to. */
final class MockRuns implements LogStreamsApi, ExperimentsApi {

  static final String LOG_STREAM = "log_stream";
  static final String EXPERIMENT = "experiment";

  private final GalileoMemory memory;

  MockRuns(GalileoMemory memory) {
    this.memory = memory;
  }

  @Override
  public Future<ApiReply<List<LogStream>>> listLogStreams(String projectId, String repeated, Boolean includeCounts, RoutingContext context) {
    MockProjects.existing(memory, projectId);
    return Future.succeededFuture(ApiReply.ok(memory.runs(projectId, LOG_STREAM).stream().map(MockRuns::logStream).toList()));
  }

  @Override
  public Future<ApiReply<LogStream>> createLogStream(String projectId, NamedCreateRequest body, String repeated, RoutingContext context) {
    return Future.succeededFuture(ApiReply.ok(logStream(create(projectId, LOG_STREAM, body.getName()))));
  }

  @Override
  public Future<ApiReply<LogStreamPage>> listLogStreamsPaginated(String projectId, Boolean includeCounts, Integer startingToken,
                                                                 Integer limit, RoutingContext context) {
    MockProjects.existing(memory, projectId);
    List<GalileoMemory.Run> all = memory.runs(projectId, LOG_STREAM);
    int end = Math.min(all.size(), startingToken + limit);
    boolean more = end < all.size();
    return Future.succeededFuture(ApiReply.ok(new LogStreamPage().startingToken(startingToken).limit(limit).paginated(more)
        .nextStartingToken(more ? end : null)
        .logStreams(all.subList(Math.min(startingToken, all.size()), end).stream().map(MockRuns::logStream).toList())));
  }

  @Override
  public Future<ApiReply<LogStream>> getLogStream(String projectId, String logStreamId, RoutingContext context) {
    return Future.succeededFuture(ApiReply.ok(logStream(existing(projectId, LOG_STREAM, logStreamId))));
  }

  @Override
  public Future<ApiReply<List<Experiment>>> listExperiments(String projectId, RoutingContext context) {
    MockProjects.existing(memory, projectId);
    return Future.succeededFuture(ApiReply.ok(memory.runs(projectId, EXPERIMENT).stream().map(MockRuns::experiment).toList()));
  }

  @Override
  public Future<ApiReply<Experiment>> createExperiment(String projectId, NamedCreateRequest body, RoutingContext context) {
    return Future.succeededFuture(ApiReply.ok(experiment(create(projectId, EXPERIMENT, body.getName()))));
  }

  GalileoMemory.Run existing(String projectId, String kind, String id) {
    MockProjects.existing(memory, projectId);
    return memory.run(projectId, kind, id).orElseThrow(() -> ApiException.notFound(
        (kind.equals(LOG_STREAM) ? "Log stream " : "Experiment ") + id + " not found"));
  }

  /** The project's log stream called default, made on first use. */
  GalileoMemory.Run defaultLogStream(String projectId) {
    return memory.runNamed(projectId, LOG_STREAM, "default");
  }

  private GalileoMemory.Run create(String projectId, String kind, String name) {
    MockProjects.existing(memory, projectId);
    return memory.addRun(projectId, kind, name).orElseThrow(
        () -> ApiException.conflict("A " + kind.replace('_', ' ') + " named " + name + " already exists"));
  }

  private static LogStream logStream(GalileoMemory.Run run) {
    return new LogStream().id(run.id()).name(run.name()).projectId(run.projectId()).createdAt(run.createdAt())
        .updatedAt(run.createdAt()).createdBy(MockProjects.USER_ID).numTraces(null).numSpans(null).hasUserCreatedSessions(false);
  }

  private static Experiment experiment(GalileoMemory.Run run) {
    return new Experiment().id(run.id()).name(run.name()).projectId(run.projectId()).createdAt(run.createdAt())
        .updatedAt(run.createdAt()).createdBy(MockProjects.USER_ID);
  }
}
