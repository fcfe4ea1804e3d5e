package dev.tracepost.mock;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Run once by the build, under {@code -XX:ArchiveClassesAtExit}, to write {@code tracepost-mock.jsa}: the
 * classes a mock loads to start and answer its first requests, stored ready to map. With that archive
 * ({@code -XX:SharedArchiveFile}, README "The mock") the CLI jar starts in about half the time, since most
 * of its start-up is loading and verifying classes. It starts a mock and sends the requests a test
 * usually begins with, valid and invalid, for both vendors.
 */
public final class StartupTraining {

  private StartupTraining() {
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    // Set up as the CLI is, so that the archive holds the classes the CLI loads.
    Main.beforeNetty();
    try (TracepostMock mock = TracepostMock.start()) {
      // HTTP/1.1, as SDKs send it: the JDK client's default (HTTP/2, upgraded from clear text) would archive
      // Vert.x's HTTP/2 classes instead of the HTTP/1.1 request path.
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String trace = "{\"inferenceResultId\":\"ir_1\",\"name\":\"tool\",\"type\":\"TOOL\",\"latencyMs\":1.5}";
      send(client, mock, 201, "POST", "/traces", trace, "Authorization", "Bearer gsk_training", "Prefer", "code=201");
      send(client, mock, 400, "POST", "/traces", "{}", "Authorization", "Bearer gsk_training");
      send(client, mock, 200, "GET", "/minimum-sdk-version", null, "Authorization", "Bearer gsk_training");
      send(client, mock, 200, "GET", "/healthcheck", null, "Galileo-API-Key", "gsk_training");
      String project = new JsonObject(send(client, mock, 200, "POST", "/projects", "{\"name\":\"training\"}",
          "Galileo-API-Key", "gsk_training")).getString("id");
      send(client, mock, 200, "POST", "/v2/projects/" + project + "/traces",
          "{\"traces\":[{\"type\":\"trace\",\"name\":\"t\",\"input\":\"q\",\"output\":\"a\",\"spans\":[{\"type\":\"llm\",\"name\":\"l\","
              + "\"input\":[{\"role\":\"user\",\"content\":\"q\"}],\"output\":{\"role\":\"assistant\",\"content\":\"a\"}}]}]}",
          "Galileo-API-Key", "gsk_training");
      send(client, mock, 200, "GET", "/__mock/requests", null);
    }
  }

  /** Fails unless the mock answers as expected: a training that strays from the usual paths would archive the wrong classes. */
  private static String send(HttpClient client, TracepostMock mock, int expected, String method, String path, String body,
                             String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ", not " + expected + ": " + response.body());
    }
    return response.body();
  }
}
