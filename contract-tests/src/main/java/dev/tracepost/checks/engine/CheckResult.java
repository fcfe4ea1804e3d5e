package dev.tracepost.checks.engine;

import java.util.List;

/** One check: which operation, what was tried, and what the reply broke (nothing, when it passed). */
public record CheckResult(String vendor, String operationId, String name, Exchange exchange, String curl, List<Problem> problems) {

  public boolean passed() {
    return problems.isEmpty();
  }
}
