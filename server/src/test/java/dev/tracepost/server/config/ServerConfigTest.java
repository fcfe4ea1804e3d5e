package dev.tracepost.server.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigTest {

  @Test
  void withNothingSetItServesPort8080OnEveryInterfaceWithAnEmbeddedDatabase() {
    ServerConfig config = ServerConfig.from(new String[0], Map.of());

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.database()).isEmpty();
    assertThat(config.dataDir()).isEqualTo(Path.of("./tracepost-data"));
    assertThat(config.bodyLimits().maxBytes()).isEqualTo(32L * 1024 * 1024);
    assertThat(config.bodyLimits().bytesInFlight()).isEqualTo(128L * 1024);
    assertThat(config.keyCacheTtl()).isEqualTo(java.time.Duration.ofSeconds(5));
  }

  @Test
  void flagsWinOverTheEnvironment() {
    ServerConfig config = ServerConfig.from(new String[] {"--port", "9000", "--host=127.0.0.1", "--data-dir", "/var/tp"},
        Map.of("PORT", "7000"));

    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/tp"));
  }

  @Test
  void bodyLimitsComeFromFlagsOrTheEnvironment() {
    ServerConfig config = ServerConfig.from(new String[] {"--body-bytes-in-flight", "1048576"},
        Map.of("TRACEPOST_BODY_LIMIT", "1000000", "TRACEPOST_BODY_BYTES_IN_FLIGHT", "5"));

    assertThat(config.bodyLimits().maxBytes()).isEqualTo(1_000_000);
    assertThat(config.bodyLimits().bytesInFlight()).isEqualTo(1_048_576);
  }

  @Test
  void databaseUrlNamesAnExternalDatabase() {
    ServerConfig config = ServerConfig.from(new String[0], Map.of("DATABASE_URL", "postgresql://tp:secret@db.internal:6432/traces"));

    assertThat(config.database()).hasValueSatisfying(options -> {
      assertThat(options.getHost()).isEqualTo("db.internal");
      assertThat(options.getPort()).isEqualTo(6432);
      assertThat(options.getDatabase()).isEqualTo("traces");
      assertThat(options.getUser()).isEqualTo("tp");
      assertThat(options.getPassword()).isEqualTo("secret");
    });
  }

  @Test
  void theStandardPgVariablesNameAnExternalDatabaseToo() {
    ServerConfig config = ServerConfig.from(new String[0], Map.of("PGHOST", "pg", "PGUSER", "app", "PGPASSWORD", "pw"));

    assertThat(config.database()).hasValueSatisfying(options -> {
      assertThat(options.getHost()).isEqualTo("pg");
      assertThat(options.getPort()).isEqualTo(5432);
      assertThat(options.getDatabase()).isEqualTo("app");
      assertThat(options.getPassword()).isEqualTo("pw");
    });
  }

  @Test
  void aFlagWithoutAValueIsRefused() {
    assertThatThrownBy(() -> ServerConfig.from(new String[] {"--port"}, Map.of())).hasMessageContaining("--port");
  }
}
