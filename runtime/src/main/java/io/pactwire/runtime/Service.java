package io.pactwire.runtime;

import java.time.Duration;
import java.util.Optional;

/**
 * The lifecycle every Pactwire service has, so that one runner (the CLI's) starts, watches and stops them all
 * alike:
 * <ol>
 *   <li>{@link #start()} connects and starts the service's threads, and returns; a fatal failure at start
 *       (settings, access, topics) is thrown, explained by {@link FailurePolicy};</li>
 *   <li>{@link #awaitReady} blocks until the service signals that it is ready (from its own state listener,
 *       never by polling), or stopped, or the time ran out;</li>
 *   <li>{@link #health()} says at any time whether it is ready, and if not why;</li>
 *   <li>{@link #awaitStopped()} blocks until it stops, by {@link #close(Duration)} or by itself on a failure,
 *       and says which;</li>
 *   <li>{@link #close(Duration)} stops it, committing what it has done, within the timeout.</li>
 * </ol>
 */
public interface Service extends AutoCloseable {
    /** How long {@link #close()} waits. */
    Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** The service's name in messages: {@code enricher}, {@code store}, {@code ingest}, {@code serve}. */
    String name();

    /** Starts the service and returns; throws what stops it from starting. */
    void start();

    /** Waits until the service is ready; false if it stopped first or {@code timeout} passed. */
    boolean awaitReady(Duration timeout) throws InterruptedException;

    /** Whether it is ready now, and if not, why. */
    Health health();

    /**
     * Waits until the service has stopped; the failure that stopped it by itself, or empty when it was closed
     * (or, for a service that finishes its work, when it finished).
     */
    Optional<Failure> awaitStopped() throws InterruptedException;

    /** Stops the service, waiting at most {@code timeout}; true if it stopped within it. */
    boolean close(Duration timeout);

    @Override
    default void close() {
        close(CLOSE_TIMEOUT);
    }
}
