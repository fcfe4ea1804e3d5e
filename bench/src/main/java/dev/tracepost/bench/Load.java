package dev.tracepost.bench;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.vertx.core.Future;

/**
 * A closed-loop load: {@code connections} callers, each sending its next request when the last one
 * answered, for a fixed time. Latencies are kept in full to read exact percentiles.
 */
final class Load {

  /** What a load achieved. */
  record Result(long requests, long failures, double seconds, double p50Ms, double p99Ms) {

    double perSecond() {
      return requests / seconds;
    }
  }

  private Load() {
  }

  /**
   * @param call sends one request; its future fails (or answers false) when the request failed
   */
  static Result run(int connections, double seconds, Supplier<Future<Boolean>> call) throws InterruptedException {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long[][] latencies = new long[connections][];
    int[] counts = new int[connections];
    AtomicLong failures = new AtomicLong();
    CountDownLatch done = new CountDownLatch(connections);
    long start = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      int caller = c;
      latencies[c] = new long[1 << 16];
      loop(caller, end, call, latencies, counts, failures, done);
    }
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < connections; c++) {
      System.arraycopy(latencies[c], 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    return new Result(total - failures.get(), failures.get(), elapsed, percentile(all, 0.50), percentile(all, 0.99));
  }

  private static void loop(int caller, long end, Supplier<Future<Boolean>> call, long[][] latencies, int[] counts,
                           AtomicLong failures, CountDownLatch done) {
    if (System.nanoTime() >= end) {
      done.countDown();
      return;
    }
    long sent = System.nanoTime();
    call.get().onComplete(result -> {
      if (result.failed() || !result.result()) {
        failures.incrementAndGet();
      }
      if (counts[caller] == latencies[caller].length) {
        latencies[caller] = Arrays.copyOf(latencies[caller], latencies[caller].length * 2);
      }
      latencies[caller][counts[caller]++] = System.nanoTime() - sent;
      loop(caller, end, call, latencies, counts, failures, done);
    });
  }

  private static double percentile(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)] / 1e6;
  }
}
