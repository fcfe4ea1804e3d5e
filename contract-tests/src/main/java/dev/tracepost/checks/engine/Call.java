package dev.tracepost.checks.engine;

import io.vertx.core.http.HttpMethod;
import io.vertx.openapi.contract.Operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request to send: the operation, its parameters, headers and body ({@code rawBody} instead when the
 * check needs bytes that are not valid JSON).
 */
public record Call(
    Operation operation,
    Map<String, String> pathParams,
    Map<String, List<String>> query,
    Map<String, String> headers,
    Object body,
    String rawBody,
    String contentType) {

  public HttpMethod method() {
    return operation.getHttpMethod();
  }

  /** The path with its parameters filled in. */
  public String path() {
    String path = operation.getOpenAPIPath();
    for (Map.Entry<String, String> parameter : pathParams.entrySet()) {
      path = path.replace("{" + parameter.getKey() + "}", java.net.URLEncoder.encode(parameter.getValue(),
          java.nio.charset.StandardCharsets.UTF_8));
    }
    return path;
  }

  public Call withHeaders(Map<String, String> newHeaders) {
    return new Call(operation, pathParams, query, newHeaders, body, rawBody, contentType);
  }

  public Call withBody(Object newBody) {
    return new Call(operation, pathParams, query, headers, newBody, null, contentType);
  }

  public Call withRawBody(String raw, String type) {
    return new Call(operation, pathParams, query, headers, null, raw, type);
  }

  public Call withPathParam(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(pathParams);
    changed.put(name, value);
    return new Call(operation, changed, query, headers, body, rawBody, contentType);
  }

  public Call withQueryParam(String name, String value) {
    Map<String, List<String>> changed = new LinkedHashMap<>(query);
    changed.put(name, List.of(value));
    return new Call(operation, pathParams, changed, headers, body, rawBody, contentType);
  }

  public Call withoutHeader(String name) {
    Map<String, String> fewer = new LinkedHashMap<>(headers);
    fewer.keySet().removeIf(header -> header.equalsIgnoreCase(name));
    return withHeaders(fewer);
  }
}
