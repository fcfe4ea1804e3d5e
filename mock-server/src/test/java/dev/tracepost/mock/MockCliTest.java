package dev.tracepost.mock;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line: {@code --port 0} takes a free port, one line on stdout says where, and nothing else is said. */
class MockCliTest {

  @Test
  void theCliPrintsWhereItListensAndServes(@TempDir Path dir) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path stderr = dir.resolve("stderr");
    Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        "dev.tracepost.mock.Main", "--port", "0", "--api-key", "gsk_cli")).redirectError(stderr.toFile()).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      Matcher listening = Pattern.compile("Tracepost mock listening on http://127\\.0\\.0\\.1:(\\d+)").matcher(String.valueOf(line));

      assertThat(listening.matches()).as(line).isTrue();
      try (Http http = new Http(Integer.parseInt(listening.group(1)))) {
        assertThat(http.send(HttpMethod.GET, "/projects", Map.of("Galileo-API-Key", "gsk_cli"), null).statusCode()).isEqualTo(200);
        assertThat(http.send(HttpMethod.GET, "/projects", Map.of("Galileo-API-Key", "other"), null).statusCode()).isEqualTo(401);
      }
    } finally {
      process.destroy();
      process.waitFor();
    }
    assertThat(stderr).isEmptyFile();
  }

  @Test
  void anUnknownFlagIsRefused() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        "dev.tracepost.mock.Main", "--colour", "blue")).start();

    assertThat(process.waitFor()).isEqualTo(2);
    assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("--colour");
  }

  @Test
  void helpPrintsTheUsageAndStartsNothing() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        "dev.tracepost.mock.Main", "--port", "0", "--help")).start();

    assertThat(process.waitFor()).isZero();
    assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .startsWith("Usage: java -jar tracepost-mock.jar").contains("--api-key K").doesNotContain("listening");
  }

  @Test
  void nettyLogsThroughJavaUtilLogging() {
    InternalLoggerFactory before = InternalLoggerFactory.getDefaultFactory();
    try {
      Main.nettyLogsAsVertxDoes();
      assertThat(InternalLoggerFactory.getDefaultFactory()).isSameAs(JdkLoggerFactory.INSTANCE);
    } finally {
      InternalLoggerFactory.setDefaultFactory(before);
    }
  }

  @Test
  void nettysJfrEventsAreOffUnlessAskedFor() {
    String before = System.getProperty(Main.NETTY_JFR);
    try {
      System.clearProperty(Main.NETTY_JFR);
      Main.withoutNettyJfrEvents();
      assertThat(System.getProperty(Main.NETTY_JFR)).isEqualTo("false");

      System.setProperty(Main.NETTY_JFR, "true");
      Main.withoutNettyJfrEvents();
      assertThat(System.getProperty(Main.NETTY_JFR)).isEqualTo("true");
    } finally {
      if (before == null) {
        System.clearProperty(Main.NETTY_JFR);
      } else {
        System.setProperty(Main.NETTY_JFR, before);
      }
    }
  }
}
