package dev.tracepost.server.galileo;

import dev.tracepost.contract.errors.ApiException;
import dev.tracepost.contract.errors.ErrorReplies.InvalidRequest;
import dev.tracepost.contract.errors.Violation;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where records go: the one log stream or experiment a request names (which must exist in the
 * project), or the project's default log stream when it names none.
 */
final class Destinations {

  private Destinations() {
  }

  static Future<UUID> resolve(GalileoStore store, UUID tenant, UUID projectId, String logStreamId, String experimentId,
                              String metricsTestingId) {
    List<String> named = new ArrayList<>();
    if (logStreamId != null) {
      named.add("log_stream_id");
    }
    if (experimentId != null) {
      named.add("experiment_id");
    }
    if (metricsTestingId != null) {
      named.add("metrics_testing_id");
    }
    if (named.size() > 1) {
      List<Violation> violations = named.stream()
          .map(field -> new Violation("body", List.of(field), "value_error",
              "Name one destination: log_stream_id, experiment_id or metrics_testing_id"))
          .toList();
      return Future.failedFuture(new InvalidRequest(violations));
    }
    if (logStreamId != null) {
      return store.run(tenant, projectId, RunKind.LOG_STREAM, UUID.fromString(logStreamId)).map(row -> row.getUUID("run_id"));
    }
    if (experimentId != null) {
      return store.run(tenant, projectId, RunKind.EXPERIMENT, UUID.fromString(experimentId)).map(row -> row.getUUID("run_id"));
    }
    if (metricsTestingId != null) {
      return Future.failedFuture(ApiException.notFound("Metrics testing run " + metricsTestingId + " not found"));
    }
    return store.defaultLogStream(tenant, projectId);
  }
}
