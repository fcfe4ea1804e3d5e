package dev.tracepost.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The resident memory of a process, from /proc (Linux). */
final class Rss {

  private Rss() {
  }

  /** The peak resident set size so far (VmHWM), in MiB. */
  static double peakMib(long pid) throws IOException {
    return field(pid, "VmHWM:");
  }

  static double currentMib(long pid) throws IOException {
    return field(pid, "VmRSS:");
  }

  private static double field(long pid, String name) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith(name)) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IOException(name + " not found for process " + pid);
  }
}
