package dev.tracepost.server.galileo;

import dev.tracepost.galileo.model.Experiment;
import dev.tracepost.galileo.model.LogStream;
import dev.tracepost.galileo.model.Project;
import dev.tracepost.galileo.model.ProjectType;
import dev.tracepost.galileo.model.UserInfo;
import dev.tracepost.server.auth.Tenant;
import io.vertx.sqlclient.Row;

import java.util.List;

/** Rows as the generated Galileo models. A tenant acts as its own single user. */
final class GalileoModels {

  private GalileoModels() {
  }

  static UserInfo user(Tenant tenant) {
    return new UserInfo().id(tenant.id().toString()).email(tenant.name() + "@tracepost.local")
        .firstName(tenant.name()).lastName(null);
  }

  static Project project(Row row, Tenant tenant) {
    return new Project()
        .id(row.getUUID("project_id").toString())
        .name(row.getString("name"))
        .type(row.getString("type") == null ? null : ProjectType.fromValue(row.getString("type")))
        .description(row.getString("description"))
        .createdBy(tenant.id().toString())
        .createdByUser(user(tenant))
        .runs(List.of())
        .permissions(List.of())
        .labels(List.of())
        .bookmark(false)
        .createdAt(row.getOffsetDateTime("created_at"))
        .updatedAt(row.getOffsetDateTime("updated_at"));
  }

  static LogStream logStream(Row row, Tenant tenant) {
    Long traces = row.getLong("num_traces");
    Long spans = row.getLong("num_spans");
    return new LogStream()
        .id(row.getUUID("run_id").toString())
        .name(row.getString("name"))
        .projectId(row.getUUID("project_id").toString())
        .createdAt(row.getOffsetDateTime("created_at"))
        .updatedAt(row.getOffsetDateTime("updated_at"))
        .createdBy(tenant.id().toString())
        .numTraces(traces == null ? null : traces.intValue())
        .numSpans(spans == null ? null : spans.intValue())
        .hasUserCreatedSessions(false);
  }

  static Experiment experiment(Row row, Tenant tenant) {
    return new Experiment()
        .id(row.getUUID("run_id").toString())
        .name(row.getString("name"))
        .projectId(row.getUUID("project_id").toString())
        .createdAt(row.getOffsetDateTime("created_at"))
        .updatedAt(row.getOffsetDateTime("updated_at"))
        .createdBy(tenant.id().toString());
  }
}
