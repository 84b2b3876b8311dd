package io.pactwire.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * A service's health as its runner reports it ({@code /health/ready}, the health file).
 *
 * @param status where the service is
 * @param reason why it is not ready, in a few words; empty when it is
 */
public record Health(Status status, Optional<String> reason) {

    /** Where a service is in its lifecycle. */
    public enum Status {
        /** Started, not ready yet (connecting, restoring state, reading what its topics hold). */
        STARTING,
        /** Doing its work. */
        READY,
        /** Running, but not doing its work now (cut off from Kafka, rebalancing); it recovers by itself. */
        NOT_READY,
        /** Running, but stuck (a loop that has not polled for long): only a restart helps. */
        STALLED,
        /** Stopped: closed, finished, or failed. */
        STOPPED
    }

    public Health {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (status == Status.READY && reason.isPresent()) {
            throw new IllegalArgumentException("a ready service has no reason not to be: " + reason.get());
        }
    }

    public static Health ready() {
        return new Health(Status.READY, Optional.empty());
    }

    public static Health of(Status status, String reason) {
        return new Health(status, Optional.of(reason));
    }

    public boolean isReady() {
        return status == Status.READY;
    }

    /** True while the service runs and is not stuck (ready or not): its process should be kept. */
    public boolean isAlive() {
        return status != Status.STOPPED && status != Status.STALLED;
    }
}
