package dev.tracepost.checks;

import dev.tracepost.checks.proxy.ValidatingProxy;
import dev.tracepost.checks.report.Report;
import dev.tracepost.contract.Vendor;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar tracepost-contract.jar --base-url URL --api-key KEY [--vendor galileo|galtea|all]
 * [--seed N] [--report junit.xml]}, or {@code proxy --upstream URL --port P [--host H]}.
 */
public final class Main {

  private static final String USAGE = """
      Usage:
        java -jar tracepost-contract.jar --base-url URL --api-key KEY [--vendor galileo|galtea|all] [--seed N] [--report junit.xml]
        java -jar tracepost-contract.jar proxy --upstream URL --port P [--host H]""";

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    boolean proxy = args.length > 0 && args[0].equals("proxy");
    Map<String, String> flags;
    try {
      flags = flags(proxy ? Arrays.copyOfRange(args, 1, args.length) : args);
      if (proxy) {
        startProxy(flags);
      } else {
        System.exit(check(flags));
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    }
  }

  private static int check(Map<String, String> flags) throws Exception {
    String baseUrl = required(flags, "base-url");
    String apiKey = required(flags, "api-key");
    String vendor = flags.getOrDefault("vendor", "all");
    List<Vendor> vendors = switch (vendor) {
      case "all" -> List.of(Vendor.values());
      case "galileo" -> List.of(Vendor.GALILEO);
      case "galtea" -> List.of(Vendor.GALTEA);
      default -> throw new IllegalArgumentException("--vendor must be galileo, galtea or all");
    };
    long seed = Long.parseLong(flags.getOrDefault("seed", "1"));
    Vertx vertx = Vertx.vertx();
    try {
      Report report = new Report(ContractChecks.run(vertx, baseUrl, apiKey, vendors, seed));
      if (flags.containsKey("report")) {
        report.writeJunit(Path.of(flags.get("report")));
      }
      report.print(System.out);
      return report.failed() == 0 ? 0 : 1;
    } finally {
      vertx.close();
    }
  }

  private static void startProxy(Map<String, String> flags) {
    String upstream = required(flags, "upstream");
    int port = Integer.parseInt(required(flags, "port"));
    String host = flags.getOrDefault("host", "127.0.0.1");
    ValidatingProxy proxy = ValidatingProxy.start(upstream, host, port, System.out::println);
    System.out.println("Tracepost validating proxy listening on http://" + host + ":" + proxy.port() + ", forwarding to " + upstream);
    Runtime.getRuntime().addShutdownHook(new Thread(proxy::close, "tracepost-proxy-shutdown"));
  }

  private static Map<String, String> flags(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("Unexpected argument " + args[i]);
      }
      flags.put(args[i].substring(2), args[++i]);
    }
    return flags;
  }

  private static String required(Map<String, String> flags, String name) {
    String value = flags.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }
}
