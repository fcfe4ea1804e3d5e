package dev.tracepost.mock.galileo;

import dev.tracepost.contract.galileo.ReadBack;
import dev.tracepost.contract.galileo.RecordRow;
import dev.tracepost.contract.galileo.Trees;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What Galileo clients told the mock, in memory: projects, log streams, experiments, sessions, and the
 * traces and spans. Bounded like the journal, so a long load keeps memory flat: the newest
 * {@link #MAX_RECORDS} records and {@link #MAX_INGESTED} ingested traces are kept, the oldest go first.
 * Synchronized, because tests read it from their own threads.
 */
public final class GalileoMemory {

  public static final int MAX_RECORDS = 5_000;
  public static final int MAX_INGESTED = 500;

  record Project(String id, String name, String type, OffsetDateTime createdAt) {
  }

  record Run(String id, String projectId, String kind, String name, OffsetDateTime createdAt) {
  }

  record Stored(RecordRow row, String projectId, String runId, OffsetDateTime updatedAt) {
  }

  private final Map<String, Project> projects = new LinkedHashMap<>();
  private final Map<String, Run> runs = new LinkedHashMap<>();
  private final Map<String, String> sessionProjects = new LinkedHashMap<>();
  private final Map<String, String> sessionsByExternalId = new LinkedHashMap<>();
  private final Map<UUID, Stored> records = new LinkedHashMap<>();
  private final java.util.ArrayDeque<JsonObject> ingestedTraces = new java.util.ArrayDeque<>();

  synchronized Project addProject(String name, String type) {
    Project project = new Project(UUID.randomUUID().toString(), name, type, OffsetDateTime.now());
    projects.put(project.id(), project);
    return project;
  }

  synchronized Optional<Project> project(String id) {
    return Optional.ofNullable(projects.get(id));
  }

  synchronized List<Project> projects() {
    return List.copyOf(projects.values());
  }

  synchronized Run addRun(String projectId, String kind, String name) {
    Run run = new Run(UUID.randomUUID().toString(), projectId, kind, name, OffsetDateTime.now());
    runs.put(run.id(), run);
    return run;
  }

  synchronized Optional<Run> run(String projectId, String kind, String id) {
    Run run = runs.get(id);
    return run != null && run.projectId().equals(projectId) && run.kind().equals(kind) ? Optional.of(run) : Optional.empty();
  }

  synchronized List<Run> runs(String projectId, String kind) {
    return runs.values().stream().filter(run -> run.projectId().equals(projectId) && run.kind().equals(kind)).toList();
  }

  synchronized String addSession(String projectId, String externalId) {
    String id = UUID.randomUUID().toString();
    sessionProjects.put(id, projectId);
    if (externalId != null) {
      sessionsByExternalId.put(projectId + " " + externalId, id);
    }
    return id;
  }

  synchronized boolean sessionExists(String projectId, String id) {
    return projectId.equals(sessionProjects.get(id));
  }

  synchronized Optional<String> sessionByExternalId(String projectId, String externalId) {
    return Optional.ofNullable(sessionsByExternalId.get(projectId + " " + externalId));
  }

  /** Stores the rows, replacing any under the same ids, as the server does. */
  synchronized void store(List<RecordRow> rows, String projectId, String runId, List<JsonObject> sentTraces) {
    OffsetDateTime now = OffsetDateTime.now();
    rows.forEach(row -> records.put(row.id(), new Stored(row, projectId, runId, now)));
    // Kept as sent, not copied: nothing changes a request's body, and readers get copies.
    sentTraces.forEach(ingestedTraces::addLast);
    var oldest = records.keySet().iterator();
    while (records.size() > MAX_RECORDS && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
    while (ingestedTraces.size() > MAX_INGESTED) {
      ingestedTraces.removeFirst();
    }
  }

  synchronized Optional<Stored> record(String projectId, UUID id) {
    Stored stored = records.get(id);
    return stored != null && stored.projectId().equals(projectId) ? Optional.of(stored) : Optional.empty();
  }

  synchronized int childCount(UUID parentId) {
    return (int) records.values().stream().filter(stored -> parentId.equals(stored.row().parentId())).count();
  }

  /** The record with its descendants nested, as a client reads it back; null when there is none. */
  synchronized JsonObject tree(UUID traceId, UUID rootId) {
    List<Trees.Node> nodes = records.values().stream()
        .filter(stored -> stored.row().traceId().equals(traceId))
        .sorted(Comparator.comparingInt((Stored stored) -> stored.row().depth()).thenComparingInt(stored -> stored.row().position()))
        .map(stored -> new Trees.Node(stored.row().id(), stored.row().parentId(), readBack(stored)))
        .toList();
    return Trees.assemble(nodes, rootId);
  }

  synchronized List<JsonObject> traces(String runId, boolean ascending) {
    Comparator<Stored> order = Comparator.comparing((Stored stored) -> stored.row().createdAt())
        .thenComparing(stored -> stored.row().id());
    return records.values().stream()
        .filter(stored -> stored.runId().equals(runId) && stored.row().parentId() == null)
        .sorted(ascending ? order : order.reversed())
        .map(GalileoMemory::readBack)
        .toList();
  }

  /** The traces as the clients sent them, oldest first. */
  public synchronized List<JsonObject> ingestedTraces() {
    return ingestedTraces.stream().map(JsonObject::copy).toList();
  }

  public synchronized void clear() {
    projects.clear();
    runs.clear();
    sessionProjects.clear();
    sessionsByExternalId.clear();
    records.clear();
    ingestedTraces.clear();
  }

  private static JsonObject readBack(Stored stored) {
    return ReadBack.of(stored.row(), stored.projectId(), stored.runId(), stored.updatedAt());
  }
}
