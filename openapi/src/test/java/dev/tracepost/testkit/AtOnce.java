package dev.tracepost.testkit;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * For tests of what many callers get when they ask at the same moment, as clients sending requests together
 * do, or requests on several event loops. Shared with the other modules' tests, like the rest of the test kit.
 */
public final class AtOnce {

  private static final int CALLERS = 16;

  private AtOnce() {
  }

  /** What each of sixteen threads got, asking once, all released together. */
  public static <T> List<T> ask(Supplier<T> question) throws Exception {
    return call(Collections.nCopies(CALLERS, question::get));
  }

  /** What each call returned, every call on a thread of its own, all released together. */
  public static <T> List<T> call(List<Callable<T>> calls) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(calls.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<T>> answers = calls.stream().map(call -> CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
          return call.call();
        } catch (Exception e) {
          throw new CompletionException(e);
        }
      }, threads)).toList();
      start.countDown();
      return answers.stream().map(CompletableFuture::join).toList();
    } finally {
      threads.shutdownNow();
    }
  }
}
