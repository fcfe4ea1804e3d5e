package dev.tracepost.server.galtea;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tracepost.contract.Json;
import dev.tracepost.contract.errors.ApiException;
import dev.tracepost.galtea.model.TraceCreate;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Galtea's size limits on a trace: description 1 MB, inputData, outputData and metadata 10 MB each,
 * measured as UTF-8 JSON. A body smaller than the smallest limit cannot break any of them, so only
 * large bodies are measured.
 */
final class GalteaLimits {

  static final int DESCRIPTION_BYTES = 1024 * 1024;
  static final int DATA_BYTES = 10 * 1024 * 1024;

  private GalteaLimits() {
  }

  static void check(RoutingContext context, List<TraceCreate> traces, String itemPrefix) {
    if (context.body() == null || context.body().length() <= DESCRIPTION_BYTES) {
      return;
    }
    for (int i = 0; i < traces.size(); i++) {
      TraceCreate trace = traces.get(i);
      String at = itemPrefix == null ? "" : itemPrefix + "/" + i + "/";
      if (trace.getDescription() != null) {
        limit(at + "description", trace.getDescription().getBytes(StandardCharsets.UTF_8).length, DESCRIPTION_BYTES);
      }
      limit(at + "inputData", size(trace.getInputData()), DATA_BYTES);
      limit(at + "outputData", size(trace.getOutputData()), DATA_BYTES);
      limit(at + "metadata", size(trace.getMetadata()), DATA_BYTES);
    }
  }

  private static void limit(String field, int bytes, int max) {
    if (bytes > max) {
      throw ApiException.tooLarge(field + " is " + bytes + " bytes; the limit is " + max);
    }
  }

  private static int size(Map<String, Object> data) {
    if (data == null) {
      return 0;
    }
    try {
      return Json.mapper().writeValueAsBytes(data).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
