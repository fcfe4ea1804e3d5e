package dev.tracepost.contract;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static dev.tracepost.testkit.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A budget of 100 bytes of bodies in flight; the handler behind it holds each request until the test answers it. */
class BodyAdmissionTest {

  private Vertx vertx;
  private HttpServer server;
  private HttpClient client;
  private final List<RoutingContext> held = new CopyOnWriteArrayList<>();
  private final AtomicInteger closedConnections = new AtomicInteger();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false)).handler(this::leaveWhenAsked).handler(new BodyAdmission(100)).handler(held::add);
    server = await(vertx.createHttpServer()
        .connectionHandler(connection -> connection.closeHandler(closed -> closedConnections.incrementAndGet()))
        .requestHandler(router).listen(0, "127.0.0.1"));
    client = vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(10));
  }

  @AfterEach
  void stop() {
    await(vertx.close());
  }

  @Test
  void aBodyWaitsUntilThoseInFlightLeaveRoomForIt() throws InterruptedException {
    Future<HttpClientResponse> first = post(80);
    awaitHeld(1);
    Future<HttpClientResponse> second = post(80);
    Future<HttpClientResponse> small = post(10);
    awaitHeld(2);
    assertThat(bodySizes()).containsExactly(80, 10);
    assertThat(second.isComplete()).isFalse();

    answer(0);
    assertThat(await(first).statusCode()).isEqualTo(200);
    awaitHeld(3);
    assertThat(bodySizes().get(2)).isEqualTo(80);
    answer(1);
    answer(2);
    assertThat(await(small).statusCode()).isEqualTo(200);
    assertThat(await(second).statusCode()).isEqualTo(200);
  }

  @Test
  void aBodyLargerThanTheBudgetGoesWhenItIsAlone() throws InterruptedException {
    Future<HttpClientResponse> large = post(1000);
    awaitHeld(1);
    answer(0);
    assertThat(await(large).statusCode()).isEqualTo(200);
  }

  @Test
  void aRequestWhoseClientLeftWhileWaitingGivesUpItsTurn() throws InterruptedException {
    post(80);
    awaitHeld(1);
    NetSocket leaving = await(vertx.createNetClient().connect(server.actualPort(), "127.0.0.1"));
    await(leaving.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 80\r\n\r\n" + "x".repeat(80)));
    await(vertx.timer(100));
    assertThat(held).hasSize(1);
    await(leaving.close());
    waitUntil(() -> closedConnections.get() == 1);

    answer(0);
    Future<HttpClientResponse> next = post(80);
    awaitHeld(2);
    answer(1);
    assertThat(await(next).statusCode()).isEqualTo(200);
    assertThat(held).hasSize(2);
  }

  @Test
  void aRequestWhoseClientLeftBeforeItsTurnTakesNoRoom() throws InterruptedException {
    NetSocket leaving = await(vertx.createNetClient().connect(server.actualPort(), "127.0.0.1"));
    await(leaving.write("POST / HTTP/1.1\r\nHost: x\r\nX-Leave: yes\r\nContent-Length: 80\r\n\r\n" + "x".repeat(80)));
    await(vertx.timer(100));
    await(leaving.close());
    waitUntil(() -> closedConnections.get() == 1);
    await(vertx.timer(100));

    Future<HttpClientResponse> first = post(80);
    awaitHeld(1);
    post(80);
    awaitHeld(1);
    answer(0);
    assertThat(await(first).statusCode()).isEqualTo(200);
    awaitHeld(2);
  }

  @Test
  void eachEventLoopSharingTheRouterKeepsItsOwnAccount() throws InterruptedException {
    Router shared = Router.router(vertx);
    List<String> threads = new CopyOnWriteArrayList<>();
    shared.route().handler(BodyHandler.create(false)).handler(new BodyAdmission(100)).handler(context -> {
      threads.add(Thread.currentThread().getName());
      held.add(context);
    });
    List<HttpServer> servers = new CopyOnWriteArrayList<>();
    await(vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        return vertx.createHttpServer().requestHandler(shared).listen(-1, "127.0.0.1").onSuccess(servers::add);
      }
    }, new DeploymentOptions().setInstances(2)));
    int port = servers.get(0).actualPort();

    post(port, 80);
    awaitHeld(1);
    post(port, 80);
    awaitHeld(2);

    assertThat(threads).doesNotHaveDuplicates();
  }

  /** Stands for a handler that is still busy (a key lookup, say) when the client leaves: it goes on once the connection is closed. */
  private void leaveWhenAsked(RoutingContext context) {
    if (context.request().getHeader("X-Leave") == null) {
      context.next();
      return;
    }
    vertx.setPeriodic(5, timer -> {
      if (context.response().closed()) {
        vertx.cancelTimer(timer);
        context.next();
      }
    });
  }

  private Future<HttpClientResponse> post(int bytes) {
    return post(server.actualPort(), bytes);
  }

  private Future<HttpClientResponse> post(int port, int bytes) {
    return client.request(HttpMethod.POST, port, "127.0.0.1", "/")
        .compose(request -> request.send(Buffer.buffer("x".repeat(bytes))))
        .compose(response -> response.body().map(body -> response));
  }

  /** Waits for the handler to hold {@code count} requests; a moment longer, so that one too many would show. */
  private void awaitHeld(int count) throws InterruptedException {
    waitUntil(() -> held.size() >= count);
    await(vertx.timer(100));
    assertThat(held).hasSize(count);
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(condition.getAsBoolean()).isTrue();
  }

  private List<Integer> bodySizes() {
    return held.stream().map(context -> context.body().length()).toList();
  }

  private void answer(int index) {
    RoutingContext context = held.get(index);
    context.vertx().runOnContext(nothing -> context.response().end());
  }
}
