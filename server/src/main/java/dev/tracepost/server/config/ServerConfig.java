package dev.tracepost.server.config;

import dev.tracepost.contract.BodyLimits;
import io.vertx.pgclient.PgConnectOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server is told at start, from flags and the environment (flags win).
 *
 * @param database    an external PostgreSQL, or empty for the embedded one kept in {@code dataDir}
 * @param bodyLimits  the largest request body accepted (413 above it), and the bytes of bodies each event
 *                    loop handles at once
 * @param tokenTtl    how long a token from {@code POST /login/api_key} stays valid
 * @param keyCacheTtl how long a key's tenant is remembered (a key deleted on another instance works that long)
 */
public record ServerConfig(
    String host,
    int port,
    Path dataDir,
    Optional<PgConnectOptions> database,
    BodyLimits bodyLimits,
    int poolSize,
    Optional<String> bootstrapKey,
    Optional<String> adminToken,
    Optional<String> jwtSecret,
    Duration tokenTtl,
    Duration keyCacheTtl) {

  public static final int DEFAULT_PORT = 8080;

  public static ServerConfig from(String[] args, Map<String, String> env) {
    Flags flags = Flags.parse(args);
    return new ServerConfig(
        flags.get("host").orElse(env.getOrDefault("HOST", "0.0.0.0")),
        Integer.parseInt(flags.get("port").orElse(env.getOrDefault("PORT", String.valueOf(DEFAULT_PORT)))),
        Path.of(flags.get("data-dir").orElse(env.getOrDefault("TRACEPOST_DATA_DIR", "./tracepost-data"))),
        databaseFrom(env),
        new BodyLimits(
            Long.parseLong(flags.get("body-limit").orElse(env.getOrDefault("TRACEPOST_BODY_LIMIT",
                String.valueOf(BodyLimits.DEFAULT_MAX_BYTES)))),
            Long.parseLong(flags.get("body-bytes-in-flight").orElse(env.getOrDefault("TRACEPOST_BODY_BYTES_IN_FLIGHT",
                String.valueOf(BodyLimits.DEFAULT_BYTES_IN_FLIGHT))))),
        Integer.parseInt(flags.get("pool-size").orElse(env.getOrDefault("TRACEPOST_POOL_SIZE", "8"))),
        nonBlank(env.get("TRACEPOST_BOOTSTRAP_KEY")),
        nonBlank(env.get("TRACEPOST_ADMIN_TOKEN")),
        nonBlank(env.get("TRACEPOST_JWT_SECRET")),
        Duration.ofMinutes(Long.parseLong(env.getOrDefault("TRACEPOST_TOKEN_TTL_MINUTES", "60"))),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("TRACEPOST_KEY_CACHE_SECONDS", "5"))));
  }

  /** {@code DATABASE_URL} first, then the standard {@code PG*} variables; none of them means embedded. */
  static Optional<PgConnectOptions> databaseFrom(Map<String, String> env) {
    Optional<String> url = nonBlank(env.get("DATABASE_URL"));
    if (url.isPresent()) {
      return Optional.of(PgConnectOptions.fromUri(url.get()));
    }
    boolean anyPg = env.keySet().stream().anyMatch(name ->
        name.equals("PGHOST") || name.equals("PGPORT") || name.equals("PGUSER") || name.equals("PGDATABASE"));
    if (!anyPg) {
      return Optional.empty();
    }
    return Optional.of(new PgConnectOptions()
        .setHost(env.getOrDefault("PGHOST", "localhost"))
        .setPort(Integer.parseInt(env.getOrDefault("PGPORT", "5432")))
        .setUser(env.getOrDefault("PGUSER", "postgres"))
        .setPassword(env.getOrDefault("PGPASSWORD", ""))
        .setDatabase(env.getOrDefault("PGDATABASE", env.getOrDefault("PGUSER", "postgres"))));
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(host, newPort, dataDir, database, bodyLimits, poolSize, bootstrapKey, adminToken, jwtSecret, tokenTtl, keyCacheTtl);
  }

  public ServerConfig withDatabase(PgConnectOptions options) {
    return new ServerConfig(host, port, dataDir, Optional.of(options), bodyLimits, poolSize, bootstrapKey, adminToken, jwtSecret, tokenTtl, keyCacheTtl);
  }

  public ServerConfig withAdminToken(String token) {
    return new ServerConfig(host, port, dataDir, database, bodyLimits, poolSize, bootstrapKey, Optional.of(token), jwtSecret, tokenTtl, keyCacheTtl);
  }

  public ServerConfig withBootstrapKey(String key) {
    return new ServerConfig(host, port, dataDir, database, bodyLimits, poolSize, Optional.of(key), adminToken, jwtSecret, tokenTtl, keyCacheTtl);
  }

  public ServerConfig withBodyLimit(long limit) {
    return new ServerConfig(host, port, dataDir, database, new BodyLimits(limit, bodyLimits.bytesInFlight()), poolSize, bootstrapKey, adminToken, jwtSecret, tokenTtl, keyCacheTtl);
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
