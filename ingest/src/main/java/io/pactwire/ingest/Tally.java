package io.pactwire.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of every input of one run, each counted where it happens: an input is counted in once, when it is
 * read ({@link #received}), and out once, where its outcome is known: published or rejected when its send is
 * acknowledged or fails (on the producer's I/O thread), unchanged or rejected where its revision is decided,
 * rejected or skipped as it was read. So, by construction, inputs read = published + unchanged + rejected +
 * skipped once every send is acknowledged ({@link #unaccounted()} is then 0), and a progress bar's total is what
 * was read, never a guess adjusted after the fact. Tells {@link Progress} each as it happens; thread-safe.
 */
final class Tally {
    private final Progress progress;
    private int received;
    private final List<IngestReport.Published> published = new ArrayList<>();
    private final List<IngestReport.Unchanged> unchanged = new ArrayList<>();
    private final List<Input.Rejected> rejected = new ArrayList<>();
    private final List<Input.Skipped> skipped = new ArrayList<>();

    Tally(Progress progress) {
        this.progress = progress;
    }

    /** One input was read: it has exactly one outcome to come. */
    void received(Input input) {
        synchronized (this) {
            received++;
        }
        progress.received(input);
    }

    void published(IngestReport.Published article) {
        synchronized (this) {
            published.add(article);
        }
        progress.published(article);
    }

    void unchanged(IngestReport.Unchanged article) {
        synchronized (this) {
            unchanged.add(article);
        }
        progress.unchanged(article);
    }

    /** Progress shows it (a bar on a terminal, a log line otherwise) and the report lists it. */
    void rejected(Input.Rejected input) {
        synchronized (this) {
            rejected.add(input);
        }
        progress.rejected(input);
    }

    void skipped(Input.Skipped input) {
        synchronized (this) {
            skipped.add(input);
        }
        progress.skipped(input);
    }

    /** Inputs read that have no outcome yet: sends in flight, or inputs between reading and deciding. */
    synchronized int unaccounted() {
        return received - published.size() - unchanged.size() - rejected.size() - skipped.size();
    }

    /** The outcomes so far, each list in the order its outcomes happened. */
    synchronized IngestReport report() {
        return new IngestReport(published, unchanged, rejected, skipped);
    }
}
