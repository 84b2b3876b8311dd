package io.pactwire.ingest;

import io.pactwire.runtime.LogFields;
import io.pactwire.model.Printable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;

/**
 * How an ingest run shows its progress: on a terminal, one line redrawn in place
 * ({@code [#########.........] 45/100  published 40  unchanged 3  rejected 2}: inputs with an outcome over inputs
 * read so far, so the bar fills as the sends are acknowledged and grows as more is read); otherwise (a pipe, a
 * file, a container log), one log line per input, which is what log collectors want. What inputs put in a
 * line (sources, ids, reasons) is escaped ({@link Printable}): a feed link cannot forge a line.
 */
public final class ConsoleProgress {
    private static final Logger log = LoggerFactory.getLogger(ConsoleProgress.class);
    private static final int WIDTH = 30;

    private ConsoleProgress() {
    }

    /** A bar on {@code terminal} when {@code isTerminal}, else log lines. */
    public static Progress of(boolean isTerminal, PrintStream terminal) {
        return isTerminal ? new Bar(terminal) : new LogLines();
    }

    /** One log line per input. */
    static final class LogLines implements Progress {
        @Override
        public void published(IngestReport.Published p) {
            log.atInfo().addKeyValue(LogFields.ARTICLE_ID, p.id()).addKeyValue(LogFields.SOURCE, p.source())
                    .log("published {} (revision {}) from {}", p.id(), p.revision(), p.source());
        }

        @Override
        public void unchanged(IngestReport.Unchanged u) {
            log.atInfo().addKeyValue(LogFields.ARTICLE_ID, u.id()).addKeyValue(LogFields.SOURCE, u.source())
                    .log("unchanged {} from {}", u.id(), u.source());
        }

        @Override
        public void rejected(Input.Rejected r) {
            log.atWarn().addKeyValue(LogFields.SOURCE, r.source()).addKeyValue(LogFields.REASON, r.reason())
                    .log("rejected {}: {}", r.source(), r.reason());
        }

        @Override
        public void skipped(Input.Skipped s) {
            log.atInfo().addKeyValue(LogFields.SOURCE, s.source()).addKeyValue(LogFields.REASON, s.reason())
                    .log("skipped {}: {}", s.source(), s.reason());
        }
    }

    /** A bar redrawn on one line; rejections are printed above it as they happen. */
    static final class Bar implements Progress {
        private final PrintStream out;
        private int received;
        private int published;
        private int unchanged;
        private int rejected;
        private int skipped;

        Bar(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void received(Input input) {
            received++;
            draw();
        }

        @Override
        public synchronized void published(IngestReport.Published p) {
            published++;
            draw();
        }

        @Override
        public synchronized void unchanged(IngestReport.Unchanged u) {
            unchanged++;
            draw();
        }

        @Override
        public synchronized void rejected(Input.Rejected r) {
            rejected++;
            out.print("\r\033[K");
            out.println(Printable.escape("rejected " + r.source() + ": " + r.reason()));
            draw();
        }

        @Override
        public synchronized void skipped(Input.Skipped s) {
            skipped++;
            draw();
        }

        @Override
        public synchronized void passDone() {
            out.print("\r\033[K");
            out.flush();
        }

        /** The line as drawn; for tests. */
        synchronized String line() {
            int done = published + unchanged + rejected + skipped;
            // a run tells each input read before its outcome (Tally); a listener told outcomes alone still draws a bar
            int total = Math.max(received, done);
            int filled = total == 0 ? 0 : (int) ((long) WIDTH * done / total);
            return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total
                    + "  published " + published + "  unchanged " + unchanged + "  rejected " + rejected
                    + (skipped == 0 ? "" : "  skipped " + skipped);
        }

        private void draw() {
            out.print("\r\033[K" + line());
            out.flush();
        }
    }
}
