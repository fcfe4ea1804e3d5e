package dev.tracepost.mock.junit;

import dev.tracepost.mock.MockOptions;
import dev.tracepost.mock.TracepostMock;
import dev.tracepost.mock.control.Expectation;
import dev.tracepost.mock.journal.JournalEntry;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

/**
 * The mock for JUnit 5: {@code @RegisterExtension static TracepostMockExtension mock = TracepostMockExtension.create();}
 * starts it before the class's tests, resets it before each test, and stops it after them.
 */
public final class TracepostMockExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  private final MockOptions options;
  private TracepostMock mock;

  private TracepostMockExtension(MockOptions options) {
    this.options = options;
  }

  public static TracepostMockExtension create() {
    return new TracepostMockExtension(MockOptions.defaults());
  }

  public static TracepostMockExtension create(MockOptions options) {
    return new TracepostMockExtension(options);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    started();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    started().reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (mock != null) {
      mock.close();
      mock = null;
    }
  }

  private TracepostMock started() {
    if (mock == null) {
      mock = TracepostMock.start(options);
    }
    return mock;
  }

  public TracepostMock mock() {
    return started();
  }

  public String baseUrl() {
    return started().baseUrl();
  }

  public TracepostMock.GalileoView galileo() {
    return started().galileo();
  }

  public TracepostMock.GalteaView galtea() {
    return started().galtea();
  }

  public List<JournalEntry> requests(String operationId) {
    return started().requests(operationId);
  }

  public TracepostMockExtension expect(Expectation expectation) {
    started().expect(expectation);
    return this;
  }

  public void verify(String operationId, int times) {
    started().verify(operationId, times);
  }
}
