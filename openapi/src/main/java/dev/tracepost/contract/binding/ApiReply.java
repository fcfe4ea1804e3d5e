package dev.tracepost.contract.binding;

/** What a handler answers: the status and the body to send as JSON (none for {@code null}). */
public record ApiReply<T>(int status, T body) {

  public static <T> ApiReply<T> ok(T body) {
    return new ApiReply<>(200, body);
  }

  public static <T> ApiReply<T> created(T body) {
    return new ApiReply<>(201, body);
  }

  public static <T> ApiReply<T> noContent() {
    return new ApiReply<>(204, null);
  }
}
