package dev.tracepost.mock.galileo;

import dev.tracepost.contract.galileo.ReadBack;
import dev.tracepost.contract.galileo.RecordRow;
import dev.tracepost.contract.galileo.Trees;
import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * What Galileo clients told the mock, in memory: projects, log streams, experiments, sessions, and the
 * traces and spans. Bounded like the journal, so a long load keeps memory flat: the requests that stored
 * records are kept whole ({@link StoredBatch}), newest first, while they hold {@link #MAX_RECORDS} records
 * and {@link #MAX_BYTES} bytes of bodies in all (the newest always stays, however large). A record sent
 * again replaces the one stored, as on the server: the newest batch that holds an id speaks for it.
 * Synchronized, because tests read it from their own threads.
 */
public final class GalileoMemory {

  public static final int MAX_RECORDS = 5_000;
  public static final long MAX_BYTES = 16L * 1024 * 1024;

  record Project(String id, String name, String type, OffsetDateTime createdAt) {
  }

  record Run(String id, String projectId, String kind, String name, OffsetDateTime createdAt) {

    boolean isIn(String projectId, String kind) {
      return this.projectId.equals(projectId) && this.kind.equals(kind);
    }
  }

  record Stored(RecordRow row, String projectId, String runId, OffsetDateTime updatedAt) {
  }

  private final Map<String, Project> projects = new LinkedHashMap<>();
  private final Map<String, Run> runs = new LinkedHashMap<>();
  private final Map<String, String> sessionProjects = new LinkedHashMap<>();
  private final Map<String, String> sessionsByExternalId = new LinkedHashMap<>();
  private final ArrayDeque<StoredBatch> batches = new ArrayDeque<>();
  private int storedRecords;
  private long storedBytes;

  /**
   * A new project; none when one has the name already. Looked for and added in one step, here and in the
   * other methods that find or add by name: requests on two event loops may ask at once, and a client that
   * looks a name up and creates it when missing must not get two.
   */
  synchronized Optional<Project> addProject(String name, String type) {
    if (projects.values().stream().anyMatch(project -> project.name().equals(name))) {
      return Optional.empty();
    }
    Project project = new Project(UUID.randomUUID().toString(), name, type, OffsetDateTime.now());
    projects.put(project.id(), project);
    return Optional.of(project);
  }

  synchronized Optional<Project> project(String id) {
    return Optional.ofNullable(projects.get(id));
  }

  synchronized List<Project> projects() {
    return List.copyOf(projects.values());
  }

  /** A new log stream or experiment in the project; none when one of its kind has the name already. */
  synchronized Optional<Run> addRun(String projectId, String kind, String name) {
    return named(projectId, kind, name).isPresent() ? Optional.empty() : Optional.of(newRun(projectId, kind, name));
  }

  /** The project's log stream or experiment of that name, made when there is none. */
  synchronized Run runNamed(String projectId, String kind, String name) {
    return named(projectId, kind, name).orElseGet(() -> newRun(projectId, kind, name));
  }

  private Optional<Run> named(String projectId, String kind, String name) {
    return runs.values().stream().filter(run -> run.isIn(projectId, kind) && run.name().equals(name)).findFirst();
  }

  private Run newRun(String projectId, String kind, String name) {
    Run run = new Run(UUID.randomUUID().toString(), projectId, kind, name, OffsetDateTime.now());
    runs.put(run.id(), run);
    return run;
  }

  synchronized Optional<Run> run(String projectId, String kind, String id) {
    return Optional.ofNullable(runs.get(id)).filter(run -> run.isIn(projectId, kind));
  }

  synchronized List<Run> runs(String projectId, String kind) {
    return runs.values().stream().filter(run -> run.isIn(projectId, kind)).toList();
  }

  synchronized String addSession(String projectId, String externalId) {
    String id = UUID.randomUUID().toString();
    sessionProjects.put(id, projectId);
    if (externalId != null) {
      sessionsByExternalId.put(externalKey(projectId, externalId), id);
    }
    return id;
  }

  private static String externalKey(String projectId, String externalId) {
    return projectId + " " + externalId;
  }

  synchronized boolean sessionExists(String projectId, String id) {
    return projectId.equals(sessionProjects.get(id));
  }

  /** The project's session of that external id, made when there is none. */
  synchronized String sessionForExternalId(String projectId, String externalId) {
    String id = sessionsByExternalId.get(externalKey(projectId, externalId));
    return id != null ? id : addSession(projectId, externalId);
  }

  synchronized void store(StoredBatch batch) {
    batches.addLast(batch);
    storedRecords += batch.size();
    storedBytes += batch.bytes();
    while ((storedRecords > MAX_RECORDS || storedBytes > MAX_BYTES) && batches.size() > 1) {
      StoredBatch oldest = batches.removeFirst();
      storedRecords -= oldest.size();
      storedBytes -= oldest.bytes();
    }
  }

  synchronized Optional<Stored> record(String projectId, UUID id) {
    return live((batch, index) -> batch.id(index).equals(id)).stream()
        .filter(stored -> stored.projectId().equals(projectId)).findFirst();
  }

  synchronized int childCount(UUID parentId) {
    return live((batch, index) -> parentId.equals(batch.parentId(index))).size();
  }

  /**
   * Stores the batch of spans that {@code batch} makes for the parent from the place of its first span (the
   * parent's count of children), in one step: two batches for one parent at once take different places.
   */
  synchronized StoredBatch storeChildren(UUID parentId, IntFunction<StoredBatch> batch) {
    StoredBatch made = batch.apply(childCount(parentId));
    store(made);
    return made;
  }

  /** The record with its descendants nested, as a client reads it back; null when there is none. */
  synchronized JsonObject tree(UUID traceId, UUID rootId) {
    List<Trees.Node> nodes = live((batch, index) -> batch.traceId(index).equals(traceId)).stream()
        .sorted(Comparator.comparingInt((Stored stored) -> stored.row().depth()).thenComparingInt(stored -> stored.row().position()))
        .map(stored -> new Trees.Node(stored.row().id(), stored.row().parentId(), readBack(stored)))
        .toList();
    return Trees.assemble(nodes, rootId);
  }

  synchronized List<JsonObject> traces(String runId, boolean ascending) {
    Comparator<Stored> order = Comparator.comparing((Stored stored) -> stored.row().createdAt())
        .thenComparing(stored -> stored.row().id());
    return live((batch, index) -> batch.runId().equals(runId) && batch.parentId(index) == null).stream()
        .sorted(ascending ? order : order.reversed())
        .map(GalileoMemory::readBack)
        .toList();
  }

  /** The traces as the clients sent them, oldest first. */
  public synchronized List<JsonObject> ingestedTraces() {
    return batches.stream().flatMap(batch -> batch.sentTraces().stream()).toList();
  }

  @FunctionalInterface
  private interface Wanted {
    boolean test(StoredBatch batch, int index);
  }

  /** The wanted records, each as its newest batch has it: only the batches that hold one are read. */
  private List<Stored> live(Wanted wanted) {
    Set<UUID> seen = new HashSet<>();
    List<Stored> found = new ArrayList<>();
    for (var newestFirst = batches.descendingIterator(); newestFirst.hasNext(); ) {
      StoredBatch batch = newestFirst.next();
      List<RecordRow> rows = null;
      for (int index = 0; index < batch.size(); index++) {
        if (seen.add(batch.id(index)) && wanted.test(batch, index)) {
          rows = rows == null ? batch.rows() : rows;
          found.add(new Stored(rows.get(index), batch.projectId(), batch.runId(), batch.updatedAt()));
        }
      }
    }
    return found;
  }

  public synchronized void clear() {
    projects.clear();
    runs.clear();
    sessionProjects.clear();
    sessionsByExternalId.clear();
    batches.clear();
    storedRecords = 0;
    storedBytes = 0;
  }

  private static JsonObject readBack(Stored stored) {
    return ReadBack.of(stored.row(), stored.projectId(), stored.runId(), stored.updatedAt());
  }
}
