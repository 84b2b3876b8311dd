package io.pactwire.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Tells a container healthcheck that a service is alive: while {@code healthy} holds, the file
 * {@code health.file} is touched every {@link #PERIOD_SECONDS} seconds; when it does not, or the service
 * stops, the file is deleted. A healthcheck tests that the file is there and recent.
 */
final class Heartbeat implements AutoCloseable {
    static final int PERIOD_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final Path file;
    private final ScheduledExecutorService timer;

    private Heartbeat(Path file, ScheduledExecutorService timer) {
        this.file = file;
        this.timer = timer;
    }

    /** Starts touching {@code file}, if there is one, while {@code healthy} holds. */
    static Heartbeat start(Optional<Path> file, BooleanSupplier healthy) {
        if (file.isEmpty()) {
            return new Heartbeat(null, null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pactwire-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        Heartbeat heartbeat = new Heartbeat(file.get(), timer);
        timer.scheduleAtFixedRate(() -> heartbeat.beat(healthy.getAsBoolean()), 0, PERIOD_SECONDS, TimeUnit.SECONDS);
        return heartbeat;
    }

    private void beat(boolean healthy) {
        try {
            if (healthy) {
                if (Files.exists(file)) {
                    Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
                } else {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                    Files.writeString(file, "healthy\n");
                }
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Cannot update the health file {}: {}", file, e.toString());
        }
    }

    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete the health file {}: {}", file, e.toString());
        }
    }
}
