package dev.tracepost.server.galileo;

import dev.tracepost.contract.binding.ApiReply;
import dev.tracepost.galileo.api.ProjectsApi;
import dev.tracepost.galileo.model.Project;
import dev.tracepost.galileo.model.ProjectCreateRequest;
import dev.tracepost.galileo.model.ProjectCreateResponse;
import dev.tracepost.galileo.model.ProjectType;
import dev.tracepost.server.auth.Tenant;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.UUID;

/** Projects: looked up by name and created by the SDKs before they log. */
final class ProjectHandlers implements ProjectsApi {

  private final GalileoStore store;

  ProjectHandlers(GalileoStore store) {
    this.store = store;
  }

  @Override
  public Future<ApiReply<List<Project>>> listProjects(String projectName, ProjectType type, RoutingContext context) {
    Tenant tenant = Tenant.of(context);
    return store.projects(tenant.id(), projectName, type == null ? null : type.getValue())
        .map(rows -> ApiReply.ok(rows.stream().map(row -> GalileoModels.project(row, tenant)).toList()));
  }

  @Override
  public Future<ApiReply<ProjectCreateResponse>> createProject(ProjectCreateRequest body, RoutingContext context) {
    Tenant tenant = Tenant.of(context);
    ProjectType type = body.getType() == null ? ProjectType.GEN_AI : body.getType();
    return store.createProject(tenant.id(), body.getName(), type.getValue())
        .map(row -> ApiReply.ok(new ProjectCreateResponse()
            .id(row.getUUID("project_id").toString())
            .name(row.getString("name"))
            .type(type)
            .createdBy(tenant.id().toString())
            .createdAt(row.getOffsetDateTime("created_at"))
            .updatedAt(row.getOffsetDateTime("updated_at"))));
  }

  @Override
  public Future<ApiReply<Project>> getProject(String projectId, RoutingContext context) {
    Tenant tenant = Tenant.of(context);
    return store.project(tenant.id(), UUID.fromString(projectId)).map(row -> ApiReply.ok(GalileoModels.project(row, tenant)));
  }
}
