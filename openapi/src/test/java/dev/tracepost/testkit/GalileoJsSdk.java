package dev.tracepost.testkit;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the published Galileo JS SDK (galileo 1.33.1, from the npm registry) against a base URL: it logs
 * traces and flushes them exactly as an application would. The first use installs the package.
 */
public final class GalileoJsSdk {

  private static final Path CLIENT = locate();

  private GalileoJsSdk() {
  }

  /** What a run printed and how it ended. */
  public record Run(int exitCode, String stdout, String stderr) {

    /** The traces the SDK says it flushed (only when it printed its summary line). */
    public JsonObject summary() {
      String last = stdout.strip().lines().reduce((first, second) -> second).orElse("{}");
      return new JsonObject(last);
    }
  }

  public static Run flush(String baseUrl, String apiKey, String project, String logStream, int traces) {
    install();
    return run(List.of("node", "flush.js"), Map.of(
        "GALILEO_API_URL", baseUrl,
        "GALILEO_API_KEY", apiKey,
        "GALILEO_PROJECT", project,
        "GALILEO_LOG_STREAM", logStream,
        "TRACES", String.valueOf(traces)));
  }

  private static synchronized void install() {
    if (Files.isDirectory(CLIENT.resolve("node_modules/galileo"))) {
      return;
    }
    Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of());
    if (install.exitCode() != 0) {
      throw new IllegalStateException("npm ci failed: " + install.stderr());
    }
  }

  private static Run run(List<String> command, Map<String, String> env) {
    try {
      Path out = Files.createTempFile("galileo-sdk", ".out");
      Path err = Files.createTempFile("galileo-sdk", ".err");
      ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENT.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish in 5 minutes");
      }
      return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The client's folder, found from any module of the build. */
  private static Path locate() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path client = dir.resolve("openapi/src/test/js/galileo-sdk");
      if (Files.isDirectory(client)) {
        return client;
      }
    }
    throw new IllegalStateException("openapi/src/test/js/galileo-sdk not found above " + Path.of("").toAbsolutePath());
  }
}
