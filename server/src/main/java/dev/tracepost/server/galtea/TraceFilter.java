package dev.tracepost.server.galtea;

import dev.tracepost.contract.errors.ApiException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The filters, order and page of {@code GET /traces}, as SQL parameters (null means "any"). */
record TraceFilter(
    String[] ids,
    String[] inferenceResultIds,
    String[] sessionIds,
    String[] types,
    String[] names,
    OffsetDateTime fromStartTime,
    OffsetDateTime toStartTime,
    String orderBy,
    int offset,
    int limit) {

  private static final Map<String, String> SORT_COLUMNS = Map.of("startTime", "start_time", "createdAt", "created_at", "name", "name");

  /** {@code sort} comes as the SDK sends it: a key and, optionally, a direction. */
  static String orderBy(List<Object> sort) {
    String key = sort == null || sort.isEmpty() ? "startTime" : String.valueOf(sort.get(0));
    String direction = sort != null && sort.size() > 1 && "desc".equals(sort.get(1)) ? "desc" : "asc";
    String column = SORT_COLUMNS.get(key);
    if (column == null) {
      throw ApiException.badRequest("sort must start with startTime, createdAt or name");
    }
    return column + " " + direction + " nulls last, created_at, trace_id";
  }

  static String[] array(List<?> values) {
    return values == null || values.isEmpty() ? null : values.stream().map(String::valueOf).toArray(String[]::new);
  }
}
