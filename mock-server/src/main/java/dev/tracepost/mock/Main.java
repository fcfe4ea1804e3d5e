package dev.tracepost.mock;

import dev.tracepost.contract.Vendor;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;

import java.util.List;

/**
 * {@code java -jar tracepost-mock.jar [--port P] [--host H] [--api-key K] [--journal-size N]
 * [--galileo-spec FILE] [--galtea-spec FILE]}; {@code --port 0} takes a free port; {@code --help} prints this.
 */
public final class Main {

  static final String NETTY_JFR = "io.netty.jfr.enabled";

  private static final String USAGE = "Usage: java -jar tracepost-mock.jar [--port P] [--host H] [--api-key K]"
      + " [--journal-size N] [--galileo-spec FILE] [--galtea-spec FILE]";

  private Main() {
  }

  public static void main(String[] args) {
    List<String> flags = List.of(args);
    if (flags.contains("--help") || flags.contains("-h")) {
      System.out.println(USAGE);
      return;
    }
    beforeNetty();
    MockOptions options = MockOptions.defaults().withPort(MockOptions.DEFAULT_PORT);
    try {
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        String value = i + 1 < args.length ? args[++i] : null;
        if (value == null) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        options = switch (flag) {
          case "--port" -> options.withPort(Integer.parseInt(value));
          case "--host" -> options.withHost(value);
          case "--api-key" -> options.withApiKey(value);
          case "--journal-size" -> options.withJournalSize(Integer.parseInt(value));
          case "--galileo-spec" -> options.withSpec(Vendor.GALILEO, value);
          case "--galtea-spec" -> options.withSpec(Vendor.GALTEA, value);
          default -> throw new IllegalArgumentException("Unknown flag " + flag);
        };
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    TracepostMock mock = TracepostMock.start(options);
    System.out.println("Tracepost mock listening on http://" + options.host() + ":" + mock.port());
    Runtime.getRuntime().addShutdownHook(new Thread(mock::close, "tracepost-mock-shutdown"));
  }

  /** What the CLI sets up before anything loads Netty; the start-up training does the same, to archive the same classes. */
  static void beforeNetty() {
    withoutNettyJfrEvents();
    nettyLogsAsVertxDoes();
  }

  /**
   * Netty logs through java.util.logging, as Vert.x does. Left to itself it looks for SLF4J first, and
   * SLF4J's search of the class path for a provider took about 30 ms of the start, before Vert.x could
   * begin (a CPU profile of the start-up). Before anything loads Netty.
   */
  static void nettyLogsAsVertxDoes() {
    InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
  }

  /**
   * Netty reports its buffer allocations as JFR events whenever JFR is available; registering those event
   * types when the first connection came took about 100 ms, before the first answer (a class-loading log of
   * the start-up showed it). {@code -Dio.netty.jfr.enabled=true} brings them back. Before anything loads Netty.
   */
  static void withoutNettyJfrEvents() {
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
  }
}
