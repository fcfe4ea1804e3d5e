package dev.tracepost.mock;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** For tests of what many callers get when they ask at the same moment, as requests on several event loops do. */
public final class AtOnce {

  private static final int CALLERS = 16;

  private AtOnce() {
  }

  /** What each of sixteen threads got, asking once, all released together. */
  public static <T> List<T> ask(Supplier<T> question) throws InterruptedException {
    ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<T>> answers = IntStream.range(0, CALLERS).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        return question.get();
      }, threads)).toList();
      start.countDown();
      return answers.stream().map(CompletableFuture::join).toList();
    } finally {
      threads.shutdownNow();
    }
  }
}
