package dev.tracepost.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** For tests of what clients get when they send their requests at the same moment. */
public final class AtOnce {

  private AtOnce() {
  }

  /** What each call returned, every call on a thread of its own, all started together. */
  public static <T> List<T> call(List<Callable<T>> calls) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(calls.size());
    try {
      List<T> answers = new ArrayList<>();
      for (Future<T> answer : clients.invokeAll(calls)) {
        answers.add(answer.get());
      }
      return answers;
    } finally {
      clients.shutdownNow();
    }
  }
}
