package dev.tracepost.mock.journal;

import dev.tracepost.contract.errors.ErrorReplies;
import dev.tracepost.contract.errors.Violation;
import dev.tracepost.mock.spec.Operations;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes every request into the journal once it has been answered, whatever the answer was. A platform
 * handler, so that it runs before the body is read and sees requests refused for their size too.
 */
public final class JournalRecorder implements PlatformHandler {

  private final Journal journal;
  private final Operations operations;

  public JournalRecorder(Journal journal, Operations operations) {
    this.journal = journal;
    this.operations = operations;
  }

  @Override
  public void handle(RoutingContext context) {
    long sequence = journal.nextSequence();
    Instant at = Instant.now();
    // Recorded as the reply's headers go out, so a client that got its reply finds its request in the
    // journal; a reply that never gets headers (a cut connection) is recorded when the exchange ends.
    AtomicBoolean recorded = new AtomicBoolean();
    context.addHeadersEndHandler(headers -> {
      if (recorded.compareAndSet(false, true)) {
        record(context, sequence, at);
      }
    });
    context.addEndHandler(done -> {
      if (recorded.compareAndSet(false, true)) {
        record(context, sequence, at);
      }
    });
    context.next();
  }

  /** For requests no vendor's router saw (an unknown path). */
  public void record(HttpServerRequest request, Buffer body, int status) {
    journal.add(entry(journal.nextSequence(), Instant.now(), request, body, null, status));
  }

  private void record(RoutingContext context, long sequence, Instant at) {
    Buffer body = context.body() == null ? null : context.body().buffer();
    List<Violation> violations = context.get(ErrorReplies.VIOLATIONS);
    journal.add(entry(sequence, at, context.request(), body, violations, context.response().getStatusCode()));
  }

  private JournalEntry entry(long sequence, Instant at, HttpServerRequest request, Buffer body, List<Violation> violations,
                             int status) {
    Operations.Found found = operations.find(request.method(), request.path());
    JsonArray problems = null;
    if (violations != null) {
      problems = new JsonArray();
      for (Violation violation : violations) {
        problems.add(new JsonObject().put("pointer", violation.pointer()).put("rule", violation.rule()).put("message", violation.message()));
      }
    }
    return JournalEntry.of(sequence, at, found == null ? null : found.vendor().id(),
        found == null ? null : found.operationId(), found == null ? null : found.canonicalId(),
        request.method().name(), journal.head(request.path(), request.query(), request.headers()), journal.keep(body), problems,
        status);
  }
}
