package io.pactwire.cli;

import io.pactwire.config.PactwireConfig;
import io.pactwire.runtime.Failure;
import io.pactwire.runtime.Health;
import io.pactwire.runtime.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one place in the CLI that runs a {@link Service} until it stops:
 * <ol>
 *   <li>installs the single shutdown hook: SIGTERM or Ctrl-C closes the service within {@link Service#CLOSE_TIMEOUT}
 *       (the JVM then exits 143 or 130, as any process stopped by that signal);</li>
 *   <li>starts the service (a failure to start is thrown: the CLI prints it as one line);</li>
 *   <li>binds its meters, and reports its {@link Service#health()} to the metrics server's {@code /health/ready}
 *       and to the health file ({@code health.file}, touched while it is alive);</li>
 *   <li>waits until it is ready (the service signals it from its state listener) and tells the caller;</li>
 *   <li>waits until it stops: exit code 0 when the hook closed it, else the failure it stopped on is thrown (one
 *       line on stderr, exit code 1, or 2 for settings), or exit code 1 when it stopped by itself without one.</li>
 * </ol>
 */
final class ServiceRunner {
    private static final Logger log = LoggerFactory.getLogger(ServiceRunner.class);

    private ServiceRunner() {
    }

    /** What a command adds around its service: its meters, once it is started, and what to say once it is ready. */
    interface Hooks<S extends Service> {
        /** Binds the service's meters; called once it is started. */
        void started(S service);

        /** Called once the service is first ready. */
        default void ready(S service) {
        }
    }

    /**
     * Runs {@code service} of the command {@code command} until it stops, waiting at most {@code readyWithin} for it
     * to be ready before saying it is not yet (it goes on waiting until it stops either way).
     */
    static <S extends Service> int run(String command, S service, PactwireConfig config, MetricsServer metrics,
                                       Duration readyWithin, Hooks<S> hooks) throws InterruptedException {
        AtomicBoolean requested = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            requested.set(true);
            boolean closed = service.close(Service.CLOSE_TIMEOUT);
            System.err.println("pactwire " + command + (closed ? ": stopped cleanly"
                    : ": did not stop within " + Service.CLOSE_TIMEOUT.toSeconds() + " s"));
        }, "pactwire-" + command + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        reportHealth(metrics, service);
        try {
            service.start();
        } catch (RuntimeException e) {
            removeHook(hook);
            service.close(Service.CLOSE_TIMEOUT);
            throw e;
        }
        hooks.started(service);
        Optional<Failure> failure;
        try (Heartbeat heartbeat = Heartbeat.start(config.healthFile(), () -> service.health().isAlive())) {
            if (service.awaitReady(readyWithin)) {
                hooks.ready(service);
            } else if (service.health().isAlive()) {
                log.warn("The {} is not ready after {} s ({}); still waiting", service.name(), readyWithin.toSeconds(),
                        service.health().reason().orElse("no reason given"));
            }
            failure = service.awaitStopped();
        }
        if (requested.get()) {
            return 0;
        }
        // stopped by itself: it is closed here, and says why
        removeHook(hook);
        service.close(Service.CLOSE_TIMEOUT);
        if (failure.isPresent()) {
            throw failure.get().asException();
        }
        return 1;
    }

    /** Has {@code /health/ready} of {@code metrics} answer with {@code service}'s health. */
    static void reportHealth(MetricsServer metrics, Service service) {
        metrics.readyWhen(() -> {
            Health health = service.health();
            return health.isReady() ? Optional.empty() : Optional.of(health.reason().orElse(service.name() + " is " + health.status()));
        });
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook runs
        }
    }
}
