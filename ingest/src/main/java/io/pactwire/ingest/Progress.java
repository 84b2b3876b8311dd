package io.pactwire.ingest;

/**
 * Hears what happens to each input while a run goes on, for a progress bar or log lines. Called from the
 * reading thread and from the producer's I/O thread: implementations must be thread-safe.
 */
public interface Progress {
    /** Hears nothing. */
    Progress NONE = new Progress() {
    };

    /** {@code more} inputs are known to be coming (negative when fewer than announced came). */
    default void expect(int more) {
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
