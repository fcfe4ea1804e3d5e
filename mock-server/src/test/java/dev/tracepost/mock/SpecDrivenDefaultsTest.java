package dev.tracepost.mock;

import dev.tracepost.contract.Vendor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** An operation added to a spec is served by the mock with no code written for it. */
class SpecDrivenDefaultsTest {

  private static final String EXTRA = """
      /traces/{id}/children:
        parameters:
          - $ref: '#/components/parameters/TraceId'
        get:
          operationId: listTraceChildren
          tags: [traces]
          summary: The traces whose parent is this one (an operation only this test's spec has)
          responses:
            '200':
              description: The children
              content:
                application/json:
                  schema:
                    type: array
                    items:
                      $ref: '#/components/schemas/Trace'
            '401': {$ref: '#/components/responses/Unauthorized'}
      /traces/{id}/score:
        parameters:
          - $ref: '#/components/parameters/TraceId'
        post:
          operationId: scoreTrace
          tags: [traces]
          summary: Scores a trace (no example, so the reply is made from the schema)
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [scorer]
                  properties:
                    scorer: {type: string}
          responses:
            '200':
              description: The score
              content:
                application/json:
                  schema:
                    type: object
                    required: [traceId, score, scoredAt]
                    properties:
                      traceId: {type: string}
                      score: {type: number, minimum: 0, maximum: 1}
                      scoredAt: {type: string, format: date-time}
    """;

  @Test
  void anOperationNoHandWrittenCodeKnowsIsAnsweredAndValidatedFromTheSpec(@TempDir Path dir) throws IOException {
    String spec;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(Vendor.GALTEA.specResource())) {
      spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path extended = dir.resolve("galtea-extended.yaml");
    Files.writeString(extended, spec.replace("\n  /minimum-sdk-version:", "\n" + EXTRA.stripTrailing() + "\n  /minimum-sdk-version:"));

    try (TracepostMock mock = TracepostMock.start(MockOptions.defaults().withSpec(Vendor.GALTEA, extended.toString()));
         Http http = new Http(mock.port())) {
      HttpResponse<Buffer> children = http.galtea(HttpMethod.GET, "/traces/trace_1/children", null);
      HttpResponse<Buffer> score = http.galtea(HttpMethod.POST, "/traces/trace_1/score", new JsonObject().put("scorer", "relevance"));
      HttpResponse<Buffer> invalid = http.galtea(HttpMethod.POST, "/traces/trace_1/score", new JsonObject());
      HttpResponse<Buffer> stateful = http.galtea(HttpMethod.POST, "/sessions", new JsonObject().put("versionId", "v"));

      assertThat(children.statusCode()).isEqualTo(200);
      assertThat(children.bodyAsJsonArray()).isNotNull();
      assertThat(score.statusCode()).isEqualTo(200);
      JsonObject body = score.bodyAsJsonObject();
      assertThat(body.fieldNames()).contains("traceId", "score", "scoredAt");
      assertThat(body.getDouble("score")).isBetween(0.0, 1.0);
      assertThat(java.time.OffsetDateTime.parse(body.getString("scoredAt"))).isNotNull();
      assertThat(invalid.statusCode()).isEqualTo(400);
      assertThat(invalid.bodyAsJsonObject().getString("message")).contains("/scorer");
      assertThat(stateful.statusCode()).as("the known operations keep their behaviour").isEqualTo(201);
      mock.verify("scoreTrace", 2);
    }
  }
}
