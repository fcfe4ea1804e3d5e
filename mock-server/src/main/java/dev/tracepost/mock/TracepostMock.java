package dev.tracepost.mock;

import dev.tracepost.contract.BodyLimits;
import dev.tracepost.contract.ContractRouter;
import dev.tracepost.contract.PerCoreServers;
import dev.tracepost.contract.SpecDocument;
import dev.tracepost.contract.Vendor;
import dev.tracepost.mock.control.Expectation;
import dev.tracepost.mock.control.Expectations;
import dev.tracepost.mock.control.MockAnswers;
import dev.tracepost.mock.control.MockControlApi;
import dev.tracepost.mock.galileo.GalileoMemory;
import dev.tracepost.mock.galileo.GalileoMock;
import dev.tracepost.mock.galtea.GalteaMemory;
import dev.tracepost.mock.galtea.MockGaltea;
import dev.tracepost.mock.journal.Journal;
import dev.tracepost.mock.journal.JournalEntry;
import dev.tracepost.mock.journal.JournalRecorder;
import dev.tracepost.mock.spec.Operations;
import dev.tracepost.mock.spec.SpecAnswers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A mock of both vendors' APIs, in-process: {@code TracepostMock mock = TracepostMock.start()}. It
 * validates every request against the specs, answers like the vendor (statefully where it matters, from
 * the specs elsewhere), remembers what it was sent, and lets a test say how to answer.
 */
public final class TracepostMock implements AutoCloseable {

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final PerCoreServers http;
  private final Journal journal;
  private final Expectations expectations;
  private final GalileoMemory galileo;
  private final GalteaMemory galtea;

  private TracepostMock(Vertx vertx, boolean ownsVertx, PerCoreServers http, Journal journal, Expectations expectations,
                        GalileoMemory galileo, GalteaMemory galtea) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.http = http;
    this.journal = journal;
    this.expectations = expectations;
    this.galileo = galileo;
    this.galtea = galtea;
  }

  /** A mock on a free port of 127.0.0.1 that accepts any key. */
  public static TracepostMock start() {
    return start(MockOptions.defaults());
  }

  public static TracepostMock start(MockOptions options) {
    options.preloadBundledSpecs();
    Vertx vertx = Vertx.vertx();
    try {
      return start(vertx, options, true).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("The mock could not start: " + e.getMessage(), e);
    }
  }

  /** Starts on the given Vert.x, which the caller keeps and closes. */
  public static Future<TracepostMock> start(Vertx vertx, MockOptions options) {
    return start(vertx, options, false);
  }

  private static Future<TracepostMock> start(Vertx vertx, MockOptions options, boolean ownsVertx) {
    Journal journal = new Journal(options.journalSize());
    Expectations expectations = new Expectations();
    GalileoMemory galileo = new GalileoMemory();
    GalteaMemory galtea = new GalteaMemory();
    MockCredentials credentials = new MockCredentials(options.apiKey());
    Future<SpecDocument> galileoSpec = options.loadSpec(vertx, Vendor.GALILEO);
    Future<SpecDocument> galteaSpec = options.loadSpec(vertx, Vendor.GALTEA);
    return Future.all(galileoSpec, galteaSpec).compose(loaded -> {
      Operations operations = new Operations().add(Vendor.GALILEO, galileoSpec.result().contract())
          .add(Vendor.GALTEA, galteaSpec.result().contract());
      JournalRecorder recorder = new JournalRecorder(journal, operations);
      Router control = MockControlApi.router(vertx, journal, expectations, () -> {
        journal.clear();
        expectations.clear();
        galileo.clear();
        galtea.clear();
      });
      MockDispatcher dispatcher = new MockDispatcher(operations, recorder, control)
          .add(Vendor.GALILEO, vendorRouters(vertx, options, galileoSpec.result(), credentials, recorder, expectations,
              builder -> GalileoMock.mount(builder, galileo, credentials)))
          .add(Vendor.GALTEA, vendorRouters(vertx, options, galteaSpec.result(), credentials, recorder, expectations,
              builder -> MockGaltea.mount(builder, galtea)));
      return PerCoreServers.listen(vertx, () -> dispatcher, dispatcher::unreadable, new HttpServerOptions(), options.host(),
          options.port());
    }).map(http -> new TracepostMock(vertx, ownsVertx, http, journal, expectations, galileo, galtea));
  }

  /**
   * Every route: an expectation or {@code Prefer} first, then the stateful behaviour (where the mock has
   * some), then the spec's own answer.
   */
  private static Function<String, Router> vendorRouters(Vertx vertx, MockOptions options, SpecDocument spec,
                                                        MockCredentials credentials, JournalRecorder recorder,
                                                        Expectations expectations, Consumer<RouterBuilder> stateful) {
    MockAnswers answers = new MockAnswers(vertx, expectations, new SpecAnswers(spec.writtenJson()));
    return ContractRouter.perOperation(vertx, spec, BodyLimits.maxBytes(options.bodyLimit()), credentials, recorder, builder -> {
      for (OpenAPIRoute route : builder.getRoutes()) {
        route.addHandler(context -> answers.control(context, route.getOperation()));
      }
      stateful.accept(builder);
      for (OpenAPIRoute route : builder.getRoutes()) {
        route.addHandler(context -> answers.fromSpec(context, route.getOperation()));
      }
    });
  }

  public int port() {
    return http.port();
  }

  /** {@code http://127.0.0.1:PORT}: give it to the SDK as its base URL. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Every request the mock has received (up to the journal's size), oldest first. */
  public List<JournalEntry> requests() {
    return journal.entries(null, null);
  }

  /** The requests for an operation, either of its names ({@code logTraces} also finds {@code logTracesV2}). */
  public List<JournalEntry> requests(String operationId) {
    return journal.entries(operationId, null);
  }

  public Journal journal() {
    return journal;
  }

  /** Overrides the next matching answers; see {@link Expectation}. */
  public TracepostMock expect(Expectation expectation) {
    expectations.add(expectation);
    return this;
  }

  public void clearExpectations() {
    expectations.clear();
  }

  /** Fails unless the operation (either path form) was called exactly {@code times} times. */
  public void verify(String operationId, int times) {
    int seen = requests(operationId).size();
    if (seen != times) {
      StringBuilder message = new StringBuilder("Expected " + operationId + " to be called " + times + " time(s), but it was called "
          + seen + " time(s). Requests received:");
      requests().stream().skip(Math.max(0, requests().size() - 20L)).forEach(entry -> message.append("\n  ")
          .append(entry.method()).append(' ').append(entry.path()).append(" -> ").append(entry.status())
          .append(entry.operationId() == null ? " (no operation)" : " (" + entry.operationId() + ")"));
      throw new AssertionError(message.toString());
    }
  }

  public GalileoView galileo() {
    return new GalileoView(galileo);
  }

  public GalteaView galtea() {
    return new GalteaView(galtea);
  }

  /** Forgets every request, expectation and stored object. */
  public void reset() {
    journal.clear();
    expectations.clear();
    galileo.clear();
    galtea.clear();
  }

  @Override
  public void close() {
    try {
      http.shutdown(Duration.ZERO).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      if (ownsVertx) {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("The mock did not close cleanly", e);
    }
  }

  /** What Galileo clients sent, as the mock stored it. */
  public record GalileoView(GalileoMemory memory) {

    /** Every trace ingested, as the client sent it (with its spans), oldest first. */
    public List<JsonObject> ingestedTraces() {
      return memory.ingestedTraces();
    }
  }

  /** What Galtea clients sent, as the mock stored it. */
  public record GalteaView(GalteaMemory memory) {

    /** Every trace posted (deleted ones carry {@code deletedAt}), oldest first, as GET returns them. */
    public List<JsonObject> traces() {
      return memory.tracesAsJson();
    }
  }
}
