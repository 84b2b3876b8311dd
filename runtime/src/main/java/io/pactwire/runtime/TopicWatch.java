package io.pactwire.runtime;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Watches, while a service runs, that the cluster and the topics it works with are still the incarnations
 * it started with ({@link Incarnations}): a topic deleted, or deleted and created again (by an operator, or
 * auto-created by a client in the gap), is a different topic, and a service that went on writing into it as
 * if it were the old one would lose or mix data without a word. Every {@code period} it reads the topic ids
 * with its own admin client; the first difference is kept ({@link #changed()}) and handed once to the
 * service's callback, which stops the service. A reading that fails (no broker answers) tells nothing and is
 * ignored: {@link ConnectionWatch} reports outages.
 */
public final class TopicWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TopicWatch.class);
    /** How often the topic ids are read by default. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(1);

    private final Admin admin;
    private final Incarnations expected;
    private final Consumer<String> onChange;
    /** How long {@link #close()} lets a reaction to a change finish. */
    private static final Duration REACTION_TIMEOUT = Duration.ofSeconds(30);
    /** True on the watch's own thread, which must not wait for itself when a reaction closes the watch. */
    private static final ThreadLocal<Boolean> WATCHING = ThreadLocal.withInitial(() -> false);

    private final ScheduledExecutorService timer;
    /** While the reaction to a change runs. */
    private volatile boolean reacting;
    private final AtomicReference<String> change = new AtomicReference<>();

    private TopicWatch(Admin admin, Incarnations expected, Consumer<String> onChange, ScheduledExecutorService timer) {
        this.admin = admin;
        this.expected = expected;
        this.onChange = onChange;
        this.timer = timer;
    }

    /**
     * Starts watching the topics of {@code expected} with an admin client of {@code adminProperties}, which the
     * watch closes.
     *
     * @param service  the service's name, for the thread's name
     * @param onChange called once, from the watch's thread, with a sentence saying what changed
     */
    public static TopicWatch start(String service, Map<String, Object> adminProperties, Incarnations expected,
                                   Duration period, Consumer<String> onChange) {
        Objects.requireNonNull(onChange, "onChange");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(() -> {
                WATCHING.set(true);
                r.run();
            }, "pactwire-" + service + "-topic-watch");
            thread.setDaemon(true);
            return thread;
        });
        TopicWatch watch = new TopicWatch(Admin.create(adminProperties), expected, onChange, timer);
        timer.scheduleWithFixedDelay(watch::check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    /** Reads the ids now; public so that a service can check once more right before it commits. */
    public Optional<String> check() {
        if (change.get() != null) {
            return changed();
        }
        Incarnations now;
        try {
            now = Incarnations.read(admin, expected.topicIds().keySet(), Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return changed();
        } catch (KafkaException e) {
            log.debug("Cannot read the topic ids now: {}", e.getMessage());
            return changed();
        }
        List<String> differences = expected.differences(now);
        if (!differences.isEmpty() && change.compareAndSet(null, String.join("; ", differences))) {
            reacting = true;
            try {
                onChange.accept(change.get());
            } catch (RuntimeException e) {
                log.error("Reacting to a changed topic failed", e);
            } finally {
                reacting = false;
            }
        }
        return changed();
    }

    /** What changed since the start, if anything has. */
    public Optional<String> changed() {
        return Optional.ofNullable(change.get());
    }

    @Override
    public void close() {
        timer.shutdown();
        // a reaction under way (a service closing its clients) ends first: interrupted, it would fail half done;
        // a check of the ids is only interrupted
        if (reacting && !WATCHING.get()) {
            try {
                timer.awaitTermination(REACTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
