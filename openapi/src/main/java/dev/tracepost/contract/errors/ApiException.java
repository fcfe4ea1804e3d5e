package dev.tracepost.contract.errors;

/**
 * A failure a handler wants the client to see: an HTTP status and a sentence. Each vendor's error
 * handler renders it in that vendor's own shape, so handlers never build error bodies themselves.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final String kind;

  public ApiException(int status, String kind, String message) {
    super(message, null, false, false);
    this.status = status;
    this.kind = kind;
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "NotFound", message);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequest", message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, "Conflict", message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, "Unauthorized", message);
  }

  public static ApiException tooLarge(String message) {
    return new ApiException(413, "PayloadTooLarge", message);
  }

  public int status() {
    return status;
  }

  /** A short name for the kind of failure, e.g. {@code NotFound}; Galtea replies carry it as {@code error}. */
  public String kind() {
    return kind;
  }
}
