package dev.tracepost.contract;

/**
 * How much request body a router takes.
 *
 * @param maxBytes      the largest body accepted (413 above it)
 * @param bytesInFlight how many bytes of bodies one event loop handles at once; further requests wait, see
 *                      {@link BodyAdmission}
 */
public record BodyLimits(long maxBytes, long bytesInFlight) {

  public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;
  public static final long DEFAULT_BYTES_IN_FLIGHT = 128L * 1024;
  public static final BodyLimits DEFAULT = new BodyLimits(DEFAULT_MAX_BYTES, DEFAULT_BYTES_IN_FLIGHT);

  public BodyLimits {
    if (maxBytes < 1 || bytesInFlight < 1) {
      throw new IllegalArgumentException("Body limits must be positive");
    }
  }

  public static BodyLimits maxBytes(long maxBytes) {
    return new BodyLimits(maxBytes, DEFAULT_BYTES_IN_FLIGHT);
  }
}
