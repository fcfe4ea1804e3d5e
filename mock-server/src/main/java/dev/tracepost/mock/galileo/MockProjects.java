package dev.tracepost.mock.galileo;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.contract.errors.ApiException;
import dev.tracepost.galileo.api.ProjectsApi;
import dev.tracepost.galileo.model.Project;
import dev.tracepost.galileo.model.ProjectCreateRequest;
import dev.tracepost.galileo.model.ProjectCreateResponse;
import dev.tracepost.galileo.model.ProjectType;
import dev.tracepost.galileo.model.UserInfo;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** Projects in memory: created on first use by the SDKs, looked up by name. */
final class MockProjects implements ProjectsApi {

  static final String USER_ID = "33333333-3333-4333-8333-333333333333";

  private final GalileoMemory memory;

  MockProjects(GalileoMemory memory) {
    this.memory = memory;
  }

  @Override
  public Future<ApiReply<List<Project>>> listProjects(String projectName, ProjectType type, RoutingContext context) {
    return Future.succeededFuture(ApiReply.ok(memory.projects().stream()
        .filter(project -> projectName == null || project.name().equals(projectName))
        .filter(project -> type == null || type.getValue().equals(project.type()))
        .map(MockProjects::project).toList()));
  }

  @Override
  public Future<ApiReply<ProjectCreateResponse>> createProject(ProjectCreateRequest body, RoutingContext context) {
    ProjectType type = body.getType() == null ? ProjectType.GEN_AI : body.getType();
    return memory.addProject(body.getName(), type.getValue())
        .map(project -> Future.succeededFuture(ApiReply.ok(new ProjectCreateResponse().id(project.id()).name(project.name()).type(type)
            .createdBy(USER_ID).createdAt(project.createdAt()).updatedAt(project.createdAt()))))
        .orElseGet(() -> Future.failedFuture(ApiException.conflict("A project named " + body.getName() + " already exists")));
  }

  @Override
  public Future<ApiReply<Project>> getProject(String projectId, RoutingContext context) {
    return Future.succeededFuture(ApiReply.ok(project(existing(memory, projectId))));
  }

  static GalileoMemory.Project existing(GalileoMemory memory, String projectId) {
    return memory.project(projectId).orElseThrow(() -> ApiException.notFound("Project " + projectId + " not found"));
  }

  private static Project project(GalileoMemory.Project project) {
    return new Project().id(project.id()).name(project.name()).type(ProjectType.fromValue(project.type())).description(null)
        .createdBy(USER_ID).createdByUser(new UserInfo().id(USER_ID).email("mock@tracepost.local").firstName("Mock").lastName("User"))
        .runs(List.of()).permissions(List.of()).labels(List.of()).bookmark(false)
        .createdAt(project.createdAt()).updatedAt(project.createdAt());
  }
}
