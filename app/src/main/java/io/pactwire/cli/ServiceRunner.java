package io.pactwire.cli;

import io.pactwire.config.PactwireConfig;
import io.pactwire.runtime.Failure;
import io.pactwire.runtime.Health;
import io.pactwire.runtime.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one place in the CLI that runs a {@link Service} until it stops:
 * <ol>
 *   <li>installs the single shutdown hook: SIGTERM or Ctrl-C closes the service and lets the command say what it
 *       has to, within {@link Service#CLOSE_TIMEOUT} in all, and logs whether it stopped cleanly (the JVM then
 *       exits 143 or 130, as any process stopped by that signal);</li>
 *   <li>starts the service (a failure to start is thrown: the CLI prints it as one line);</li>
 *   <li>binds its meters, and reports its {@link Service#health()} to the metrics server's {@code /health/ready}
 *       and to the health file ({@code health.file}, touched while it is alive);</li>
 *   <li>waits until it is ready (the service signals it from its state listener) and tells the caller;</li>
 *   <li>waits until it stops, tells the command (ingest prints its summary; a shutdown waits for that), and
 *       returns 0 when it was closed or finished its work; a failure it stopped on is thrown (one line on stderr,
 *       exit code 1, or 2 for settings).</li>
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

        /** Called once the service has stopped, before the process may exit (a shutdown waits for it). */
        default void stopped(S service) {
        }
    }

    /**
     * Runs {@code service} of the command {@code command} until it stops, waiting at most {@code readyWithin} for it
     * to be ready before saying it is not yet (it goes on waiting until it stops either way).
     */
    static <S extends Service> int run(String command, S service, PactwireConfig config, MetricsServer metrics,
                                       Duration readyWithin, Hooks<S> hooks) throws InterruptedException {
        AtomicBoolean requested = new AtomicBoolean();
        CountDownLatch told = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            requested.set(true);
            long deadline = System.nanoTime() + Service.CLOSE_TIMEOUT.toNanos();
            // logged, not printed: with JSON logs every line on stderr is an event
            if (service.close(Service.CLOSE_TIMEOUT)) {
                log.info("pactwire {}: stopped cleanly", command);
            } else {
                log.warn("pactwire {}: did not stop within {} s", command, Service.CLOSE_TIMEOUT.toSeconds());
            }
            try {
                // the JVM exits when the hook returns: let the command say what it has to (ingest's summary), within
                // the same timeout, so that a stop never takes longer than CLOSE_TIMEOUT (compose's stop_grace_period)
                told.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
                log.info("The {} is not ready after {} s ({}); still waiting", service.name(), readyWithin.toSeconds(),
                        service.health().reason().orElse("no reason given"));
            }
            failure = service.awaitStopped();
        }
        try {
            hooks.stopped(service);
        } finally {
            told.countDown();
        }
        if (requested.get()) {
            return 0;
        }
        // stopped by itself: closed, finished its work, or failed; it is closed here, and a failure is thrown
        removeHook(hook);
        service.close(Service.CLOSE_TIMEOUT);
        if (failure.isPresent()) {
            throw failure.get().asException();
        }
        return 0;
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
