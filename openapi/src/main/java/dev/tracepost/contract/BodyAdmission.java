package dev.tracepost.contract;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayDeque;

/**
 * Lets a request past once the bodies already being handled on its event loop leave room for its own
 * ({@link BodyLimits#bytesInFlight()}); the others wait in arrival order, as the bytes they arrived as. A
 * body takes several times its size once parsed, turned into models and rows, and a request that waits for
 * a database connection keeps all of that: under a load of large batches, most of the server's time went
 * to the garbage collector copying such requests (README, Benchmarks). A request alone on its event loop
 * always goes, whatever its size, and small ones pass whenever they fit, even while a larger one waits.
 * Each event loop keeps its own account, in its Vert.x context: a router that several event loops share
 * (the mock's) is never touched by two threads at once.
 */
final class BodyAdmission implements Handler<RoutingContext> {

  private final long bytesInFlight;

  /** One event loop's account: only that event loop reads or writes it. */
  private static final class Turns {
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private long admitted;
  }

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
    Turns turns = turnsHere();
    Waiting request = new Waiting(context, bytes);
    // Called on this event loop when the response is sent or the connection is lost, whether or not the request got in.
    context.addEndHandler(ended -> {
      if (request.let) {
        turns.admitted -= request.bytes;
        letWaitingIn(turns);
      } else {
        turns.waiting.remove(request);
      }
    });
    if (fits(turns, bytes)) {
      letIn(turns, request);
    } else {
      turns.waiting.addLast(request);
    }
  }

  private Turns turnsHere() {
    Context here = Vertx.currentContext();
    Turns turns = here.get(this);
    if (turns == null) {
      turns = new Turns();
      here.put(this, turns);
    }
    return turns;
  }

  private boolean fits(Turns turns, long bytes) {
    return turns.admitted == 0 || turns.admitted + bytes <= bytesInFlight;
  }

  private void letWaitingIn(Turns turns) {
    while (!turns.waiting.isEmpty() && fits(turns, turns.waiting.peekFirst().bytes)) {
      Waiting next = turns.waiting.pollFirst();
      if (!next.context.response().closed()) {
        letIn(turns, next);
      }
    }
  }

  private void letIn(Turns turns, Waiting request) {
    request.let = true;
    turns.admitted += request.bytes;
    request.context.next();
  }
}
