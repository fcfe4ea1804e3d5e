package dev.tracepost.contract;

import dev.tracepost.contract.errors.UnreadableRequest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.tracepost.contract.ContractFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the HTTP decoder cannot read get a status that says why and a body that is a valid error reply
 * of either vendor's spec (both specs say so), not Vert.x's empty answer; the server and the mock listen
 * through {@link PerCoreServers}, where this is set up.
 */
@ExtendWith(VertxExtension.class)
class UnreadableRequestTest {

  @Test
  void aLongRequestLineLargeHeadersAndNonHttpAreAnsweredWithBothVendorsFields(Vertx vertx) throws Exception {
    PerCoreServers servers = await(PerCoreServers.listen(vertx, () -> request -> request.response().end("routed"),
        new UnreadableRequest(), new HttpServerOptions(), "127.0.0.1", 0));
    try {
      String longLine = "GET /traces?q=" + "x".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
      String largeHeaders = "GET /traces HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(9000) + "\r\n\r\n";

      assertUnreadable(exchange(vertx, servers.port(), longLine), 414, "URITooLong");
      assertUnreadable(exchange(vertx, servers.port(), largeHeaders), 431, "HeadersTooLarge");
      assertUnreadable(exchange(vertx, servers.port(), "GET /traces HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n"),
          400, "BadRequest");
      assertThat(exchange(vertx, servers.port(), "GET /traces HTTP/1.1\r\nHost: x\r\n\r\n")).endsWith("routed");
    } finally {
      await(servers.shutdown(java.time.Duration.ZERO));
    }
  }

  private static void assertUnreadable(String reply, int status, String error) {
    // HTTP/1.0 when the request line could not be read, so its version is unknown.
    assertThat(reply).matches("(?s)HTTP/1\\.[01] " + status + " .*");
    assertThat(reply.toLowerCase()).contains("content-type: application/json");
    JsonObject body = new JsonObject(reply.substring(reply.indexOf("\r\n\r\n") + 4));
    assertThat(body.getString("error")).isEqualTo(error);
    assertThat(body.getString("message")).isNotBlank();
    assertThat(body.getString("detail")).isEqualTo(body.getString("message"));
  }

  /** Writes the raw request and reads until the server has answered (it closes, or the reply is complete). */
  private static String exchange(Vertx vertx, int port, String request) throws Exception {
    CompletableFuture<String> reply = new CompletableFuture<>();
    NetSocket socket = await(vertx.createNetClient().connect(port, "127.0.0.1"));
    Buffer received = Buffer.buffer();
    socket.handler(bytes -> {
      received.appendBuffer(bytes);
      String text = received.toString();
      int headersEnd = text.indexOf("\r\n\r\n");
      var length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
      if (headersEnd >= 0 && length.find() && text.length() - headersEnd - 4 >= Integer.parseInt(length.group(1))) {
        reply.complete(text);
      }
    });
    socket.closeHandler(closed -> reply.complete(received.toString()));
    socket.write(request);
    try {
      return reply.get(10, TimeUnit.SECONDS);
    } finally {
      socket.close();
    }
  }
}
