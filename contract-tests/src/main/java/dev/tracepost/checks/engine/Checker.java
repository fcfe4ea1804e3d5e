package dev.tracepost.checks.engine;

import dev.tracepost.contract.samples.SchemaSampler;
import io.vertx.core.Vertx;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Runs every check the spec implies against a service, operation by operation: the examples and seeded
 * samples must succeed (and read back as their links say), the invalid variants must be rejected, and
 * calls without or with a wrong key must be refused, every reply documented and valid.
 */
public final class Checker {

  /** Samples made from the request schema for each operation that takes a body. */
  public static final int SAMPLES_PER_OPERATION = 3;

  /** Both specs refuse the NUL character in any string parameter (PostgreSQL cannot store it). */
  private static final String WITH_NUL = "a\u0000b";

  private final Spec spec;
  private final Target target;
  private final Judge judge;
  private final Requests requests;
  private final Links links;
  private final long seed;
  private final List<CheckResult> results = new ArrayList<>();

  public Checker(Vertx vertx, Spec spec, Target target, long seed) {
    this.spec = spec;
    this.target = target;
    this.seed = seed;
    this.judge = new Judge(vertx, spec);
    this.requests = new Requests(spec, target);
    this.links = new Links(spec, requests, target, judge);
  }

  public List<CheckResult> run() {
    for (Operation operation : spec.operations()) {
      Call valid = positives(operation);
      if (valid != null) {
        negatives(operation, valid);
      }
    }
    return results;
  }

  /** @return a call that succeeded, to derive the invalid ones from (null when none did) */
  private Call positives(Operation operation) {
    Call base = null;
    List<Object> bodies = new ArrayList<>();
    List<String> names = new ArrayList<>();
    spec.requestExamples(operation).forEach((name, body) -> {
      names.add("example " + name);
      bodies.add(body);
    });
    if (spec.hasBody(operation)) {
      Random random = new Random(seed * 31 + operation.getOperationId().hashCode());
      for (int i = 0; i < SAMPLES_PER_OPERATION; i++) {
        Object sample = new SchemaSampler(spec.contract().getRawContract(), random).requiredOnly().sample(spec.bodySchema(operation));
        OutputUnit valid = spec.validateBody(operation, sample);
        if (valid == null || valid.getValid()) {
          names.add("sample " + (i + 1) + " (seed " + seed + ")");
          bodies.add(sample);
        }
      }
    } else {
      names.add("parameters from the spec");
      bodies.add(null);
    }
    for (int i = 0; i < bodies.size(); i++) {
      Call call = requests.build(operation, bodies.get(i), Map.of(), false);
      Exchange exchange = target.send(call);
      List<Problem> problems = judge.success(exchange);
      record(operation, "valid request, " + names.get(i), exchange, problems);
      if (problems.isEmpty()) {
        if (base == null && (call.body() != null || !spec.hasBody(operation))) {
          base = call;
        }
        for (Links.Followed link : links.follow(exchange)) {
          record(operation, "link " + link.name() + " after " + names.get(i), link.exchange(), link.problems());
        }
      }
    }
    return base;
  }

  private void negatives(Operation operation, Call valid) {
    if (spec.hasBody(operation)) {
      for (Mutations.Mutation mutation : Mutations.of(spec, operation, valid.body())) {
        reject(operation, "invalid request, " + mutation.name(), valid.withBody(mutation.body()), Judge.VALIDATION);
      }
      reject(operation, "invalid request, malformed JSON", valid.withRawBody("{\"unfinished\": ", "application/json"), Judge.VALIDATION);
      reject(operation, "invalid request, wrong content type", valid.withRawBody("plain words", "text/plain"), Judge.VALIDATION);
    }
    for (Parameter parameter : operation.getParameters()) {
      Call withNul = parameter.getSchemaType() != SchemaType.STRING ? null : switch (parameter.getIn()) {
        case PATH -> valid.withPathParam(parameter.getName(), WITH_NUL);
        case QUERY -> valid.withQueryParam(parameter.getName(), WITH_NUL);
        default -> null;
      };
      if (withNul != null) {
        reject(operation, "invalid request, NUL in " + parameter.getIn().name().toLowerCase(Locale.ROOT) + " parameter "
            + parameter.getName(), withNul, Judge.VALIDATION);
      }
    }
    if (spec.secured(operation)) {
      Map<String, String> credentials = target.credentials(spec, operation, target.apiKey());
      Call bare = valid;
      for (String header : credentials.keySet()) {
        bare = bare.withoutHeader(header);
      }
      reject(operation, "no credentials", bare, Judge.UNAUTHORIZED);
      Map<String, String> wrong = new java.util.LinkedHashMap<>(bare.headers());
      wrong.putAll(target.credentials(spec, operation, "gsk_wrong_" + Long.toHexString(seed)));
      reject(operation, "wrong credentials", bare.withHeaders(wrong), Judge.UNAUTHORIZED);
    }
  }

  private void reject(Operation operation, String name, Call call, java.util.Set<Integer> allowed) {
    Exchange exchange = target.send(call);
    record(operation, name, exchange, judge.rejection(exchange, allowed));
  }

  private void record(Operation operation, String name, Exchange exchange, List<Problem> problems) {
    results.add(new CheckResult(spec.vendor().id(), operation.getOperationId(), name, exchange, target.curl(exchange.call()), problems));
  }
}
