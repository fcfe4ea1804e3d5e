package dev.tracepost.checks;

import dev.tracepost.checks.engine.CheckResult;
import dev.tracepost.checks.engine.Checker;
import dev.tracepost.checks.engine.Spec;
import dev.tracepost.checks.engine.Target;
import dev.tracepost.contract.Vendor;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The checks of the given vendors' specs against one base URL, as a library call. */
public final class ContractChecks {

  private ContractChecks() {
  }

  /** Blocks until every check has run; call it from a plain thread, not an event loop. */
  public static List<CheckResult> run(Vertx vertx, String baseUrl, String apiKey, List<Vendor> vendors, long seed) {
    List<CheckResult> results = new ArrayList<>();
    for (Vendor vendor : vendors) {
      try {
        Spec spec = Spec.load(vertx, vendor).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        results.addAll(new Checker(vertx, spec, new Target(vertx, baseUrl, apiKey), seed).run());
      } catch (Exception e) {
        throw new IllegalStateException("Could not load the " + vendor.id() + " spec", e);
      }
    }
    return results;
  }
}
