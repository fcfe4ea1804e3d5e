package dev.tracepost.checks.engine;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.SecurityRequirement;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The service under check: where it is, how to present the key, and how to send a call and show it again
 * as a {@code curl} command. Calls are sent one at a time and waited for: the checks run on their own
 * thread, never on an event loop.
 */
public final class Target {

  private final WebClient client;
  private final String baseUrl;
  private final String apiKey;

  public Target(Vertx vertx, String baseUrl, String apiKey) {
    this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.apiKey = apiKey;
  }

  public String apiKey() {
    return apiKey;
  }

  /** The headers that carry {@code key} in the first security scheme the operation accepts. */
  public Map<String, String> credentials(Spec spec, Operation operation, String key) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (SecurityRequirement requirement : operation.getSecurityRequirements()) {
      for (String name : requirement.getNames()) {
        JsonObject scheme = spec.contract().securityScheme(name).getOpenAPIModel();
        if ("apiKey".equals(scheme.getString("type"))) {
          headers.put(scheme.getString("name"), key);
        } else {
          headers.put("Authorization", "Bearer " + key);
        }
        return headers;
      }
    }
    return headers;
  }

  public Exchange send(Call call) {
    HttpRequest<Buffer> request = client.requestAbs(call.method(), baseUrl + call.path());
    call.query().forEach((name, values) -> values.forEach(value -> request.addQueryParam(name, value)));
    call.headers().forEach(request::putHeader);
    Buffer body = body(call);
    try {
      HttpResponse<Buffer> reply = (body == null ? request.send() : request.putHeader("Content-Type", call.contentType()).sendBuffer(body))
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      Map<String, String> headers = new LinkedHashMap<>();
      reply.headers().forEach(header -> headers.put(header.getKey(), header.getValue()));
      return new Exchange(call, reply.statusCode(), headers, reply.body());
    } catch (Exception e) {
      return new Exchange(call, 0, Map.of("x-tracepost-error", String.valueOf(e.getCause() != null ? e.getCause() : e)), null);
    }
  }

  /** The call as a command a person can paste to see the same reply. */
  public String curl(Call call) {
    StringBuilder curl = new StringBuilder("curl -sS -X ").append(call.method().name()).append(' ').append(quote(url(call)));
    call.headers().forEach((name, value) -> curl.append(" -H ").append(quote(name + ": " + value)));
    Buffer body = body(call);
    if (body != null) {
      curl.append(" -H ").append(quote("Content-Type: " + call.contentType())).append(" --data-binary ").append(quote(body.toString()));
    }
    return curl.toString();
  }

  private String url(Call call) {
    String query = call.query().entrySet().stream()
        .flatMap(entry -> entry.getValue().stream().map(value -> encode(entry.getKey()) + "=" + encode(value)))
        .collect(Collectors.joining("&"));
    return baseUrl + call.path() + (query.isEmpty() ? "" : "?" + query);
  }

  private static Buffer body(Call call) {
    if (call.rawBody() != null) {
      return Buffer.buffer(call.rawBody());
    }
    return call.body() == null && call.operation().getRequestBody() == null ? null : Buffer.buffer(Json.encode(call.body()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  static List<String> listOf(Object value) {
    if (value instanceof io.vertx.core.json.JsonArray array) {
      return array.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(value));
  }
}
