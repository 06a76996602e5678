package io.paperpulse.streams.api;

import io.paperpulse.streams.digests.RequestRejected;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The HTTP server (the JDK's): finds each request's route in the {@link Routes} table, answers
 * with its handler's body, and turns what goes wrong into a status and a JSON error.
 */
public final class ApiServer implements AutoCloseable {
  /** Threads serving requests; at most half of them ask other instances at once. */
  static final int THREADS = 8;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(THREADS);
  private final Semaphore coordinators = new Semaphore(THREADS / 2);
  private final Routes routes;
  private final List<AutoCloseable> resources;

  ApiServer(int port, Routes routes, List<AutoCloseable> resources) {
    this.routes = routes;
    this.resources = resources;
    try {
      this.server = HttpServer.create(new InetSocketAddress(port), 64);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serve the HTTP API on port " + port + ": " + e.getMessage(), e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot close " + resource + ": " + e.getMessage(), e);
      }
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    // A request that asks other instances holds its thread while they answer; at most half the
    // threads do so, so the parts other instances ask of this one always find a thread.
    boolean coordinating = exchange.getRequestURI().getRawPath().startsWith("/api/")
        && !exchange.getRequestHeaders().containsKey(Fanout.PARTITIONS)
        && !exchange.getRequestHeaders().containsKey(OwnerForwarding.FORWARDED);
    try (exchange) {
      if (coordinating && !acquire()) {
        Responses.error(exchange, 503, "too many requests at once; try again shortly");
        return;
      }
      try {
        answer(exchange);
      } finally {
        if (coordinating) {
          coordinators.release();
        }
      }
    }
  }

  private boolean acquire() {
    try {
      return coordinators.tryAcquire(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getRawPath();
      Routes.Match match = routes.find(exchange.getRequestMethod(), path, decodedSegments(path));
      Responses.write(exchange, 200, match.route().handler().handle(new Request(exchange, match.params())));
    } catch (ApiException e) {
      Responses.error(exchange, e.status, e.getMessage());
    } catch (RequestRejected e) {
      Responses.error(exchange, e.status(), e.getMessage());
    } catch (InvalidStateStoreException e) {
      Responses.error(exchange, 503, "the app is starting or rebalancing (" + e.getMessage() + "); try again shortly");
    } catch (RuntimeException e) {
      Responses.error(exchange, 500, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (IOException e) {
      Responses.error(exchange, 502, "another instance's answer broke off: " + e.getMessage());
    }
  }

  private static List<String> decodedSegments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String segment : Route.segments(rawPath)) {
      out.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
    }
    return out;
  }
}
