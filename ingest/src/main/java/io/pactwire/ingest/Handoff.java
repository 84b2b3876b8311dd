package io.pactwire.ingest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The bounded queue between the reading thread and the publishing thread of a run ({@link IngestService}): inputs
 * are published in the order read, and reading waits while {@value #CAPACITY} inputs are queued. If publishing
 * fails (news.raw cannot be read at start, say), reading stops at its next input with that failure; if reading
 * fails, {@link #abandon()} stops publishing at its next input.
 */
final class Handoff {
    private static final Input END = new Input.Skipped("", "end of inputs");
    private static final int CAPACITY = 1024;

    private final BlockingQueue<Input> queue = new ArrayBlockingQueue<>(CAPACITY);
    private volatile RuntimeException failure;
    private volatile boolean abandoned;

    void put(Input input) {
        try {
            while (!queue.offer(input, 100, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
                if (abandoned) {
                    throw new IllegalStateException("publishing has stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading inputs", e);
        }
        rethrowFailure();
    }

    void end() {
        put(END);
    }

    /** Stops the publishing thread at its next input (the reading thread failed). */
    void abandon() {
        abandoned = true;
        queue.clear();
        queue.offer(END);
    }

    void rethrowFailure() {
        if (failure != null) {
            throw failure;
        }
    }

    /** On the publishing thread: takes inputs until the end and gives them to the sink {@code start} makes. */
    void drain(Supplier<Consumer<Input>> start) {
        try {
            Consumer<Input> sink = start.get();
            for (Input input = queue.take(); input != END; input = queue.take()) {
                sink.accept(input);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new IllegalStateException("interrupted while publishing", e);
        } catch (RuntimeException | Error e) {
            failure = e instanceof RuntimeException re ? re : new IllegalStateException(e);
            queue.clear();
        }
    }
}
