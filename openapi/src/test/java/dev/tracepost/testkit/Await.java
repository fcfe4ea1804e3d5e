package dev.tracepost.testkit;

import io.vertx.core.Future;

import java.util.concurrent.TimeUnit;

/** Waits for a future from a test thread (never from an event loop). */
public final class Await {

  private Await() {
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
