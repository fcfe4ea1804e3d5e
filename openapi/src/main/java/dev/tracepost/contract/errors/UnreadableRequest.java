package dev.tracepost.contract.errors;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * Answers a request the HTTP decoder could not read (a request line or headers past their limits, or not
 * HTTP at all), before any route: Vert.x's own answer has no body. The request was not read far enough to
 * tell which vendor's API it was for, so the body carries both vendors' error fields ({@code detail} for
 * Galileo, {@code error} and {@code message} for Galtea), which makes it a valid error reply of either
 * spec, as both say.
 */
public final class UnreadableRequest implements Handler<HttpServerRequest> {

  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status;
    String error;
    String message;
    if (cause instanceof TooLongHttpLineException) {
      status = 414;
      error = "URITooLong";
      message = "The request line is longer than this server reads";
    } else if (cause instanceof TooLongHttpHeaderException) {
      status = 431;
      error = "HeadersTooLarge";
      message = "The request headers are larger than this server reads";
    } else {
      status = 400;
      error = "BadRequest";
      message = "The request is not HTTP this server can read";
    }
    request.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(new JsonObject().put("detail", message).put("error", error).put("message", message).toBuffer());
  }
}
