package io.pactwire.ingest;

/**
 * Hears what happens to each input while a run goes on, for a progress bar, log lines or metrics: each input once
 * when it is read, and once more with its outcome. Called from the reading thread, the publishing thread and the
 * producer's I/O thread: implementations must be thread-safe.
 */
public interface Progress {
    /** Hears nothing. */
    Progress NONE = new Progress() {
    };

    /**
     * One input was read; exactly one of {@link #published}, {@link #unchanged}, {@link #rejected} or
     * {@link #skipped} follows for it, once its outcome is known.
     */
    default void received(Input input) {
    }

    default void published(IngestReport.Published published) {
    }

    default void unchanged(IngestReport.Unchanged unchanged) {
    }

    default void rejected(Input.Rejected rejected) {
    }

    default void skipped(Input.Skipped skipped) {
    }

    /** A pass over the sources is over (the first one, or one poll of --watch or --poll). */
    default void passDone() {
    }
}
