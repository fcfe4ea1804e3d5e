package dev.tracepost.server;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.pgclient.PgConnectOptions;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A TCP proxy in front of the test database that a test can cut (like a database going away) and restore. */
final class DatabaseProxy implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final PgConnectOptions target;
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private final int port;
  private NetServer server;

  DatabaseProxy(PgConnectOptions target) {
    this.target = target;
    this.server = listen(0);
    this.port = server.actualPort();
  }

  PgConnectOptions options() {
    return new PgConnectOptions(target).setHost("127.0.0.1").setPort(port);
  }

  /** Drops every connection and refuses new ones. */
  void cut() {
    RunningServer.await(server.close());
    open.forEach(NetSocket::close);
    open.clear();
  }

  void restore() {
    server = listen(port);
  }

  private NetServer listen(int onPort) {
    return RunningServer.await(vertx.createNetServer().connectHandler(client -> {
      client.pause();
      open.add(client);
      vertx.createNetClient().connect(target.getPort(), target.getHost()).onComplete(connected -> {
        if (connected.failed()) {
          client.close();
          return;
        }
        NetSocket database = connected.result();
        open.add(database);
        client.handler(database::write).closeHandler(closed -> database.close());
        database.handler(client::write).closeHandler(closed -> client.close());
        client.resume();
      });
    }).listen(onPort, "127.0.0.1"));
  }

  @Override
  public void close() {
    RunningServer.await(vertx.close());
  }
}
