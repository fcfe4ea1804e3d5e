package dev.tracepost.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** wrk, the C load generator, as the benchmarks run it: two threads, a Lua script for the request, latency percentiles. */
final class Wrk {

  record Result(double perSecond, double p50Ms, double p99Ms, long non2xx) {
  }

  private Wrk() {
  }

  static Result run(Path script, String url, int connections, double seconds) throws Exception {
    Process process = new ProcessBuilder(List.of("wrk", "-t2", "-c" + connections, "-d" + Math.round(seconds) + "s", "--latency",
        "-s", script.toString(), url)).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("wrk failed:\n" + out);
    }
    Matcher rate = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
    Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
    if (!rate.find()) {
      throw new IllegalStateException("Unexpected wrk output:\n" + out);
    }
    return new Result(Double.parseDouble(rate.group(1)), percentileMs(out, "50%"), percentileMs(out, "99%"),
        non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0);
  }

  private static double percentileMs(String out, String percentile) {
    Matcher matcher = Pattern.compile("^\\s+" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE).matcher(out);
    if (!matcher.find()) {
      throw new IllegalStateException("No " + percentile + " latency in wrk output:\n" + out);
    }
    double value = Double.parseDouble(matcher.group(1));
    return switch (matcher.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }
}
