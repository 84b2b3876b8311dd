package io.pactwire.enrich;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Decides whether a failed stream thread is replaced: at most {@code max} replacements within any
 * {@code window}; one more failure inside the window means something is wrong for good, and the
 * instance shuts down instead of looping.
 */
final class ThreadReplacementPolicy {
    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();

    ThreadReplacementPolicy(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** Records a failure; true when the thread should be replaced, false when the instance should stop. */
    synchronized boolean replaceAfterFailure() {
        Instant now = clock.instant();
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() >= max) {
            return false;
        }
        recent.addLast(now);
        return true;
    }

    /** Replacements within the current window. */
    synchronized int recentReplacements() {
        return recent.size();
    }
}
