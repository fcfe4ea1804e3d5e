package dev.tracepost.server.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@code --name value} and {@code --name=value} command-line flags. */
final class Flags {

  private final Map<String, String> values;

  private Flags(Map<String, String> values) {
    this.values = values;
  }

  static Flags parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("Unexpected argument " + arg + " (flags look like --port 8080)");
      }
      int equals = arg.indexOf('=');
      if (equals > 0) {
        values.put(arg.substring(2, equals), arg.substring(equals + 1));
      } else if (i + 1 < args.length) {
        values.put(arg.substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("Flag " + arg + " needs a value");
      }
    }
    return new Flags(values);
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }
}
