package io.pactwire.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pactwire.model.Json;
import io.pactwire.runtime.Failure;
import io.pactwire.runtime.Health;
import io.pactwire.runtime.Service;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code pactwire serve}: the live view over HTTP, with the JDK's own server, on {@code serve.host}:{@code serve.port}.
 * <ul>
 *   <li>{@code GET /}: the web page ({@code index.html}, {@code app.js}, {@code app.css}, all from this jar);</li>
 *   <li>{@code GET /api/agreements}, {@code GET /api/articles}: filtered and paged ({@link ViewQuery});</li>
 *   <li>{@code GET /api/articles/{id}}: one article with its agreements and text ({@link ArticleDetail});</li>
 *   <li>{@code GET /api/pairs}: who agrees with whom among the filtered agreements ({@link CountryPairs});</li>
 *   <li>{@code GET /api/vocabulary}: the agreement types and statuses the filters take;</li>
 *   <li>{@code GET /api/events}: server-sent events, one per change of the view ({@link EventHub});</li>
 *   <li>{@code GET /api/openapi.yaml}: the API's OpenAPI description;</li>
 *   <li>{@code GET /health/live}, {@code GET /health/ready}: 200 while running, and once the view has caught up.</li>
 * </ul>
 * A {@link io.pactwire.runtime.Service}: constructed, it neither listens nor connects; {@link #start()} does.
 * Everything is read-only. The page runs no inline script and loads nothing from elsewhere, which its
 * Content-Security-Policy enforces: text of the articles is only ever set as text, never as markup.
 */
public final class ServeServer implements Service {
    private static final Logger log = LoggerFactory.getLogger(ServeServer.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, String[]> ASSETS = Map.of(
            "/", new String[] {"web/index.html", "text/html; charset=utf-8"},
            "/index.html", new String[] {"web/index.html", "text/html; charset=utf-8"},
            "/app.js", new String[] {"web/app.js", "text/javascript; charset=utf-8"},
            "/app.css", new String[] {"web/app.css", "text/css; charset=utf-8"},
            "/favicon.svg", new String[] {"web/favicon.svg", "image/svg+xml"},
            "/api/openapi.yaml", new String[] {"openapi.yaml", "application/yaml; charset=utf-8"});

    private final ServeConfig config;
    private final ExecutorService handlers;
    private final LiveView view;
    private final EventHub events = new EventHub();
    private volatile HttpServer server;

    /** The server of {@code config}'s view; nothing listens or connects before {@link #start()}. */
    public ServeServer(ServeConfig config) {
        this.config = config;
        this.view = new LiveView(config, events::publish);
        this.handlers = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "pactwire-serve-http");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String name() {
        return view.name();
    }

    /**
     * Listens on {@code serve.host}:{@code serve.port} first (a taken port is a usage error, found before
     * connecting), then starts the view (it fails with one line when the cluster or its topics are not there);
     * the API answers 503 until the view has caught up ({@link #awaitReady}).
     */
    @Override
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("serve was started before");
        }
        HttpServer listening;
        try {
            listening = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 50);
        } catch (BindException e) {
            throw new ConfigException(ServeConfig.PORT, config.port(), "cannot listen on " + config.host() + ":"
                    + config.port() + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ConfigException(ServeConfig.HOST, config.host(), e.toString());
        }
        try {
            view.start();
        } catch (RuntimeException e) {
            listening.stop(0);
            throw e;
        }
        listening.setExecutor(handlers);
        listening.createContext("/", this::handle);
        listening.start();
        server = listening;
        log.info("Serving the live view on http://{}:{}/", config.host(), port());
    }

    /** Waits until the view has read the topics to their ends at start; false if it stopped or the time ran out. */
    @Override
    public boolean awaitReady(java.time.Duration timeout) throws InterruptedException {
        return view.awaitReady(timeout);
    }

    /** The view's health: ready once it has caught up with the topics. */
    @Override
    public Health health() {
        return view.health();
    }

    /** Waits until the view stops: an error (the failure), or {@link #close}. */
    @Override
    public Optional<Failure> awaitStopped() throws InterruptedException {
        return view.awaitStopped();
    }

    /** The view's Kafka Streams client, for its metrics (the global consumer's lag and records read). */
    public KafkaStreams kafkaStreams() {
        return view.kafkaStreams();
    }

    /** Event streams open now. */
    public int openEventStreams() {
        return events.open();
    }

    /** The view's Kafka Streams state. */
    public KafkaStreams.State state() {
        return view.state();
    }

    /** The port served on (the one the system chose for serve.port 0), once {@link #start()} has returned. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        boolean streaming = false;
        try {
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                error(exchange, 405, "GET or HEAD only");
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            String[] asset = ASSETS.get(path);
            if (asset != null) {
                asset(exchange, asset[0], asset[1]);
                return;
            }
            switch (path) {
                case "/health/live" -> text(exchange, 200, "live\n");
                case "/health/ready" -> {
                    KafkaStreams.State state = view.state();
                    text(exchange, state == KafkaStreams.State.RUNNING ? 200 : 503,
                            state == KafkaStreams.State.RUNNING ? "ready\n" : "not ready: view is " + state + "\n");
                }
                case "/api/events" -> {
                    streaming = events.open(exchange);
                    if (!streaming) {
                        error(exchange, 503, "too many event streams open");
                    }
                }
                case "/api/vocabulary" -> json(exchange, 200, Map.of(
                        "types", java.util.Arrays.stream(io.pactwire.model.AgreementType.values()).map(Enum::name).toList(),
                        "statuses", java.util.Arrays.stream(io.pactwire.model.AgreementStatus.values()).map(Enum::name).toList()));
                case "/api/agreements" -> json(exchange, 200, view.agreements(ViewQuery.parse(parameters(exchange))));
                case "/api/articles" -> json(exchange, 200, view.articles(ViewQuery.parse(parameters(exchange))));
                case "/api/pairs" -> {
                    ViewQuery query = ViewQuery.parse(parameters(exchange));
                    json(exchange, 200, CountryPairs.of(view.matchingAgreements(query)));
                }
                default -> {
                    if (path.startsWith("/api/articles/") && path.length() > "/api/articles/".length()) {
                        String id = URLDecoder.decode(path.substring("/api/articles/".length()).replace("+", "%2B"),
                                StandardCharsets.UTF_8);
                        var detail = view.article(id);
                        if (detail.isPresent()) {
                            json(exchange, 200, detail.get());
                        } else {
                            error(exchange, 404, "no article " + id);
                        }
                    } else {
                        error(exchange, 404, "not found; the page is at /, the API under /api (see /api/openapi.yaml)");
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            error(exchange, 400, e.getMessage());
        } catch (InvalidStateStoreException e) {
            error(exchange, 503, "the view is not ready (" + view.state() + ")");
        } catch (RuntimeException e) {
            log.warn("Cannot answer {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
            error(exchange, 500, "internal error");
        } finally {
            if (!streaming) {
                exchange.close();
            }
        }
    }

    /** The query parameters, decoded; a parameter given twice keeps its last value. */
    static Map<String, String> parameters(HttpExchange exchange) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    private static void asset(HttpExchange exchange, String resource, String contentType) throws IOException {
        try (InputStream in = ServeServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the jar");
            }
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            send(exchange, 200, contentType, in.readAllBytes());
        }
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, JSON, Json.mapper().writeValueAsBytes(body));
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, Map.of("error", message));
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * Stops serving, then closes the view (its checkpoints are written: a restart reads only what is new), waiting
     * at most {@code timeout} for the view.
     */
    @Override
    public synchronized boolean close(java.time.Duration timeout) {
        events.close();
        if (server != null) {
            server.stop(0);
        }
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return view.close(timeout);
    }
}
