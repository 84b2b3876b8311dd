package io.pactwire.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web server on 127.0.0.1 for tests, with the JDK's {@link HttpServer}: pages, feeds, redirects,
 * errors, a server that never answers and one that sends too much. Routes can change while it runs
 * (a page edited between two ingests). Close it after the test.
 */
final class FixtureServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    /** Released on close: the "slow" route waits on it, so a timed-out fetch leaves no thread behind. */
    private final CountDownLatch closing = new CountDownLatch(1);

    private record Route(int status, String contentType, byte[] body, Map<String, String> headers, Kind kind) {
    }

    private enum Kind { NORMAL, SLOW, ENDLESS, GATED }

    /** Requests of GATED routes being answered now, and the most there ever were at once. */
    private final Object gate = new Object();
    private int inFlight;
    private int maxInFlight;
    private volatile int gateWidth = 1;
    /** How often the gate opened: a waiter leaves when it opens after it came. */
    private long gateOpenings;

    FixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The absolute URL of {@code path} on this server. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    FixtureServer page(String path, String html) {
        return serve(path, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    FixtureServer serve(String path, int status, String contentType, byte[] body) {
        routes.put(path, new Route(status, contentType, body, Map.of(), Kind.NORMAL));
        return this;
    }

    FixtureServer resource(String path, String contentType, String resource) {
        try (InputStream in = FixtureServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return serve(path, 200, contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FixtureServer redirect(String path, int status, String location) {
        routes.put(path, new Route(status, null, new byte[0], Map.of("Location", location), Kind.NORMAL));
        return this;
    }

    /** A route that accepts the request and never answers (until the server closes). */
    FixtureServer slow(String path) {
        routes.put(path, new Route(200, "text/html", new byte[0], Map.of(), Kind.SLOW));
        return this;
    }

    /** A route that streams {@code bytes} of page without a Content-Length (chunked). */
    FixtureServer endless(String path, int bytes) {
        routes.put(path, new Route(200, "text/html", new byte[bytes], Map.of(), Kind.ENDLESS));
        return this;
    }

    /** A route with extra response headers (Content-Encoding, say). */
    FixtureServer serve(String path, int status, String contentType, byte[] body, Map<String, String> headers) {
        routes.put(path, new Route(status, contentType, body, Map.copyOf(headers), Kind.NORMAL));
        return this;
    }

    /**
     * A page that answers only once {@code width} gated requests are in flight together (see {@link #gateWidth}),
     * or after 300 ms: a client that fetches up to that many pages at once is answered at once, one that
     * fetches one at a time waits each time. The server counts how many it answered at once ({@link #maxInFlight}).
     */
    FixtureServer gated(String path, String html) {
        routes.put(path, new Route(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of(), Kind.GATED));
        return this;
    }

    /** How many gated requests open the gate together. */
    FixtureServer gateWidth(int width) {
        this.gateWidth = width;
        return this;
    }

    /** The most gated requests that were in flight at once. */
    int maxInFlight() {
        synchronized (gate) {
            return maxInFlight;
        }
    }

    int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Route route = routes.get(path);
        try (exchange) {
            if (route == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (route.kind() == Kind.SLOW) {
                try {
                    closing.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (route.kind() == Kind.GATED) {
                awaitGate();
            }
            route.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            if (route.contentType() != null) {
                exchange.getResponseHeaders().add("Content-Type", route.contentType());
            }
            if (route.kind() == Kind.ENDLESS) {
                exchange.sendResponseHeaders(route.status(), 0);
                byte[] chunk = "<p>more and more text</p>\n".repeat(64).getBytes(StandardCharsets.UTF_8);
                try (OutputStream body = exchange.getResponseBody()) {
                    for (int sent = 0; sent < route.body().length; sent += chunk.length) {
                        body.write(chunk);
                    }
                } catch (IOException clientGaveUp) {
                    // the client stops reading at its limit
                }
                return;
            }
            exchange.sendResponseHeaders(route.status(), route.body().length == 0 ? -1 : route.body().length);
            if (route.body().length > 0) {
                exchange.getResponseBody().write(route.body());
            }
        }
    }

    /**
     * Waits until {@link #gateWidth} gated requests are in flight together (or 300 ms), then counts this one
     * as answered: before its response is written, since the client may send its next request as soon as it
     * has read this one, and that request must not find this one still counted.
     */
    private void awaitGate() {
        synchronized (gate) {
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
            long generation = gateOpenings;
            if (inFlight >= gateWidth) {
                gateOpenings++;
                gate.notifyAll();
            }
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            try {
                for (long left = until - System.nanoTime(); gateOpenings == generation && left > 0; left = until - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(gate, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight--;
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
