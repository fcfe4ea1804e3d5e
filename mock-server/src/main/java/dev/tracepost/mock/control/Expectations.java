package dev.tracepost.mock.control;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The expectations set by tests, first set first used. */
public final class Expectations {

  private final List<Expectation> all = new CopyOnWriteArrayList<>();

  public void add(Expectation expectation) {
    all.add(expectation);
  }

  /** The first expectation for the operation (either of its names) that has a use left, now used once. */
  Expectation take(String operationId, String canonicalId) {
    for (Expectation expectation : all) {
      boolean matches = expectation.operationId().equals(operationId) || expectation.operationId().equals(canonicalId);
      if (matches && expectation.take()) {
        return expectation;
      }
    }
    return null;
  }

  public List<Expectation> list() {
    return List.copyOf(all);
  }

  public void clear() {
    all.clear();
  }
}
