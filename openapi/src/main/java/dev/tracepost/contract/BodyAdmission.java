package dev.tracepost.contract;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayDeque;

/**
 * Lets a request past once the bodies already being handled on its event loop leave room for its own
 * ({@link BodyLimits#bytesInFlight()}); the others wait in arrival order, as the bytes they arrived as. A
 * body takes several times its size once parsed, turned into models and rows, and a request that waits for
 * a database connection keeps all of that: under a load of large batches, most of the server's time went
 * to the garbage collector copying such requests (README, Benchmarks). A request alone on its event loop
 * always goes, whatever its size, and small ones pass whenever they fit, even while a larger one waits.
 * One instance per router: only its event loop touches it.
 */
final class BodyAdmission implements Handler<RoutingContext> {

  private final long bytesInFlight;
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private long admitted;

  private static final class Waiting {
    private final RoutingContext context;
    private final long bytes;
    private boolean let;

    Waiting(RoutingContext context, long bytes) {
      this.context = context;
      this.bytes = bytes;
    }
  }

  BodyAdmission(long bytesInFlight) {
    this.bytesInFlight = bytesInFlight;
  }

  @Override
  public void handle(RoutingContext context) {
    long bytes = context.body() == null ? 0 : context.body().length();
    if (bytes == 0) {
      context.next();
      return;
    }
    if (context.response().closed()) {
      // The client left while an earlier handler (a key lookup, say) was busy: nothing to answer, and a
      // closed response would never give its bytes back.
      return;
    }
    Waiting request = new Waiting(context, bytes);
    // Called when the response is sent or the connection is lost, whether or not the request got in.
    context.addEndHandler(ended -> {
      if (request.let) {
        admitted -= request.bytes;
        letWaitingIn();
      } else {
        waiting.remove(request);
      }
    });
    if (fits(bytes)) {
      letIn(request);
    } else {
      waiting.addLast(request);
    }
  }

  private boolean fits(long bytes) {
    return admitted == 0 || admitted + bytes <= bytesInFlight;
  }

  private void letWaitingIn() {
    while (!waiting.isEmpty() && fits(waiting.peekFirst().bytes)) {
      Waiting next = waiting.pollFirst();
      if (!next.context.response().closed()) {
        letIn(next);
      }
    }
  }

  private void letIn(Waiting request) {
    request.let = true;
    admitted += request.bytes;
    request.context.next();
  }
}
