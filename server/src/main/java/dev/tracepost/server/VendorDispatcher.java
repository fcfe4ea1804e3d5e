package dev.tracepost.server;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Path;

import java.util.HashMap;
import java.util.Map;

/**
 * Serves both vendors on one port: a request goes to the router of the vendor whose spec has a path
 * starting with the request's first segment ({@code projects}, {@code v2}, {@code traces}, ...);
 * anything else to the operators' router. The two specs share no first segment.
 */
final class VendorDispatcher implements Handler<HttpServerRequest> {

  private final Map<String, Router> byFirstSegment = new HashMap<>();
  private final Router fallback;

  VendorDispatcher(Router fallback) {
    this.fallback = fallback;
  }

  VendorDispatcher add(OpenAPIContract contract, Router router) {
    for (Path path : contract.getPaths()) {
      Router previous = byFirstSegment.put(firstSegment(path.getName()), router);
      if (previous != null && previous != router) {
        throw new IllegalStateException("Two specs serve paths under /" + firstSegment(path.getName()));
      }
    }
    return this;
  }

  @Override
  public void handle(HttpServerRequest request) {
    byFirstSegment.getOrDefault(firstSegment(request.path()), fallback).handle(request);
  }

  private static String firstSegment(String path) {
    int start = path.startsWith("/") ? 1 : 0;
    int end = path.indexOf('/', start);
    return path.substring(start, end < 0 ? path.length() : end);
  }
}
