package io.pactwire.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pactwire.config.PactwireConfig;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A running service's metrics and health over HTTP, on {@code metrics.port} (off when it is unset), with the
 * JDK's own HTTP server:
 * <ul>
 *   <li>{@code GET /metrics}: every meter in the Prometheus text format (Pactwire's counters, the Kafka
 *       clients' and Streams' metrics, the JVM's);</li>
 *   <li>{@code GET /health/live}: 200 while the process runs;</li>
 *   <li>{@code GET /health/ready}: 200 when every readiness check of the services passes, else 503 with one
 *       line saying why.</li>
 * </ul>
 * With the port unset the meters are kept but nothing is served and no Kafka binder is installed.
 */
final class MetricsServer implements AutoCloseable {
    static final String METRICS = "/metrics";
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<Supplier<Optional<String>>> checks = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> binders = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    private MetricsServer(HttpServer server) {
        this.server = server;
    }

    /** Serves on {@code metrics.port} of {@code config} if it is set; a port that is taken is a usage error. */
    static MetricsServer start(PactwireConfig config) {
        Optional<Integer> port = config.metricsPort();
        if (port.isEmpty()) {
            return off();
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.metricsHost(), port.get()), 0);
        } catch (BindException e) {
            throw new ConfigException(PactwireConfig.METRICS_PORT, port.get(), "cannot listen on " + config.metricsHost()
                    + ":" + port.get() + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ConfigException(PactwireConfig.METRICS_HOST, config.metricsHost(), e.toString());
        }
        MetricsServer metrics = new MetricsServer(server);
        server.createContext("/", metrics::handle);
        server.start();
        metrics.bind(new JvmMemoryMetrics());
        metrics.bind(new JvmThreadMetrics());
        metrics.bind(new ProcessorMetrics());
        metrics.bind(new UptimeMetrics());
        metrics.bind(new JvmGcMetrics());
        log.info("Serving {}, {} and {} on http://{}:{}", METRICS, LIVE, READY, config.metricsHost(), metrics.port());
        return metrics;
    }

    /** Meters kept, nothing served. */
    static MetricsServer off() {
        return new MetricsServer(null);
    }

    /** True when the metrics are served (metrics.port is set). */
    boolean enabled() {
        return server != null;
    }

    /** The port served on (the one the system chose for metrics.port 0); -1 when off. */
    int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Binds the binder's meters; a binder that is {@link AutoCloseable} is closed with this server. */
    void bind(MeterBinder binder) {
        binder.bindTo(registry);
        if (binder instanceof AutoCloseable closeable) {
            binders.add(closeable);
        }
    }

    /** Adds a readiness check: empty when ready, else why not, in a few words. */
    void readyWhen(Supplier<Optional<String>> check) {
        checks.add(check);
    }

    /**
     * Why the process is not ready, or empty when it is. Not ready until a service has added its check: the
     * server starts before the service, and a probe must not see a process that has loaded nothing as ready.
     */
    Optional<String> notReady() {
        if (checks.isEmpty()) {
            return Optional.of("starting");
        }
        List<String> reasons = new ArrayList<>();
        for (Supplier<Optional<String>> check : checks) {
            check.get().ifPresent(reasons::add);
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                respond(exchange, 405, "text/plain; charset=utf-8", "GET or HEAD only\n");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case METRICS -> respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
                case LIVE -> respond(exchange, 200, "text/plain; charset=utf-8", "live\n");
                case READY -> {
                    Optional<String> notReady = notReady();
                    respond(exchange, notReady.isEmpty() ? 200 : 503, "text/plain; charset=utf-8",
                            notReady.map(why -> "not ready: " + why.replaceAll("[\\r\\n]+", " ") + "\n").orElse("ready\n"));
                }
                default -> respond(exchange, 404, "text/plain; charset=utf-8",
                        "not found; try " + METRICS + ", " + LIVE + " or " + READY + "\n");
            }
        } catch (RuntimeException e) {
            log.warn("Cannot answer {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                log.debug("Cannot close a metrics binder: {}", e.toString());
            }
        }
        registry.close();
    }
}
