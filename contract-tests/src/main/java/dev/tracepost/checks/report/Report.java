package dev.tracepost.checks.report;

import dev.tracepost.checks.engine.CheckResult;
import dev.tracepost.checks.engine.Problem;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run found: each failure with its operation, the request as a curl command that reproduces it,
 * the reply, and the rules it broke with their JSON pointers; then the count, last, as
 * {@code N passed, M failed}.
 */
public final class Report {

  private final List<CheckResult> results;

  public Report(List<CheckResult> results) {
    this.results = List.copyOf(results);
  }

  public long failed() {
    return results.stream().filter(result -> !result.passed()).count();
  }

  public long passed() {
    return results.size() - failed();
  }

  public void print(PrintStream out) {
    for (CheckResult result : results) {
      if (result.passed()) {
        continue;
      }
      out.println("FAIL " + result.vendor() + " " + result.operationId() + ": " + result.name());
      for (Problem problem : result.problems()) {
        out.println("  broke: " + problem);
      }
      out.println("  request: " + result.curl());
      String body = result.exchange().replyBody() == null ? "" : result.exchange().replyBody().toString();
      out.println("  reply: " + result.exchange().status() + " " + (body.length() > 600 ? body.substring(0, 600) + "..." : body));
      out.println();
    }
    out.println(passed() + " passed, " + failed() + " failed");
  }

  /** The results as a JUnit XML report, one test case per check, for CI systems to show. */
  public void writeJunit(Path file) throws IOException {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<testsuite name=\"tracepost-contract\" tests=\"").append(results.size())
        .append("\" failures=\"").append(failed()).append("\" errors=\"0\" skipped=\"0\">\n");
    for (CheckResult result : results) {
      xml.append("  <testcase classname=\"").append(escape(result.vendor() + "." + result.operationId()))
          .append("\" name=\"").append(escape(result.name())).append('"');
      if (result.passed()) {
        xml.append("/>\n");
        continue;
      }
      StringBuilder detail = new StringBuilder();
      result.problems().forEach(problem -> detail.append(problem).append('\n'));
      detail.append("request: ").append(result.curl()).append('\n')
          .append("reply: ").append(result.exchange().status()).append(' ')
          .append(result.exchange().replyBody() == null ? "" : result.exchange().replyBody().toString());
      xml.append(">\n    <failure message=\"").append(escape(result.problems().get(0).toString())).append("\">")
          .append(escape(detail.toString())).append("</failure>\n  </testcase>\n");
    }
    xml.append("</testsuite>\n");
    Files.writeString(file, xml.toString(), StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
