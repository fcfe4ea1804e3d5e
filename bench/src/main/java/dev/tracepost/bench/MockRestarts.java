package dev.tracepost.bench;

import dev.tracepost.mock.TracepostMock;

import java.util.Arrays;

/**
 * In-process mocks started one after the other in one JVM, as a test suite does with a mock per test
 * class: how long {@code TracepostMock.start()} takes the first time and the times after. Run by
 * bench/mock-bench.sh on the mock's CLI jar; the argument is how many mocks.
 */
public final class MockRestarts {

  private MockRestarts() {
  }

  public static void main(String[] args) {
    long[] millis = new long[Integer.parseInt(args[0])];
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      try (TracepostMock mock = TracepostMock.start()) {
        millis[i] = (System.nanoTime() - start) / 1_000_000;
      }
    }
    long[] later = Arrays.copyOfRange(millis, 1, millis.length);
    Arrays.sort(later);
    System.out.println("In-process TracepostMock.start(), " + millis.length + " mocks one after the other in one JVM (ms): "
        + Arrays.toString(millis) + "; the first " + millis[0] + " ms, the later ones median " + later[later.length / 2] + " ms");
  }
}
