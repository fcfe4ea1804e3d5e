package dev.tracepost.checks;

import dev.tracepost.mock.MockOptions;
import dev.tracepost.mock.TracepostMock;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar tracepost-contract.jar --base-url URL --api-key KEY ...}, as a CI job runs it. */
class CommandLineTest {

  @Test
  void aServiceThatKeepsTheContractPassesWithExitZeroAndAJunitReport(@TempDir Path dir) throws Exception {
    try (TracepostMock mock = TracepostMock.start(MockOptions.defaults().withApiKey("gsk_cli"))) {
      Path report = dir.resolve("junit.xml");

      Run run = run("--base-url", mock.baseUrl(), "--api-key", "gsk_cli", "--vendor", "galtea", "--seed", "42", "--report", report.toString());

      assertThat(run.exit()).as(run.out()).isZero();
      assertThat(run.lastLine()).matches("\\d+ passed, 0 failed");
      String xml = Files.readString(report);
      assertThat(xml).contains("<testsuite name=\"tracepost-contract\"").contains("classname=\"galtea.createTrace\"").doesNotContain("<failure");
    }
  }

  @Test
  void aFailureIsPrintedWithItsOperationCurlReplyAndRuleAndExitsOne() throws Exception {
    try (TracepostMock mock = TracepostMock.start(MockOptions.defaults().withApiKey("gsk_cli"));
         BrokenService broken = new BrokenService(mock.port(), (method, path, body, reply) ->
             method == HttpMethod.GET && path.equals("/minimum-sdk-version")
                 ? new BrokenService.Reply(200, reply.headers(), io.vertx.core.buffer.Buffer.buffer("{\"minimumSdkVersionSupported\": 3}"))
                 : reply)) {

      Run run = run("--base-url", broken.baseUrl(), "--api-key", "gsk_cli", "--vendor", "galtea");

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.out()).contains("FAIL galtea getMinimumSdkVersion")
          .contains("curl -sS -X GET '" + broken.baseUrl() + "/minimum-sdk-version'")
          .contains("reply: 200 {\"minimumSdkVersionSupported\": 3}")
          .contains("the documented schema of 200 at /minimumSdkVersionSupported");
      assertThat(run.lastLine()).matches("\\d+ passed, [1-9]\\d* failed");
    }
  }

  @Test
  void missingFlagsExplainTheUsage() throws Exception {
    Run run = run("--base-url", "http://127.0.0.1:1");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--api-key is required").contains("Usage:");
  }

  private record Run(int exit, String out, String err) {
    String lastLine() {
      String[] lines = out.strip().split("\n");
      return lines[lines.length - 1];
    }
  }

  private static Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.tracepost.checks.Main"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), out, err);
  }
}
