package io.pactwire.ingest;

import io.pactwire.model.Printable;
import io.pactwire.model.RawArticle;

/** One input read from a source: an article, or the reason it could not be taken. */
public sealed interface Input {

    /** Where it came from: a file URI, {@code file:...#line=N} for a JSON line, or {@code stdin:line/N}. */
    String source();

    /** An article ready to publish. */
    record Article(String source, RawArticle article) implements Input {
    }

    /**
     * An input that could not be taken, with the reason; both escaped ({@link Printable}) where they are made,
     * so that no line printed from them, anywhere, can be forged by the input.
     */
    record Rejected(String source, String reason) implements Input {
        public Rejected {
            source = Printable.escape(source);
            reason = Printable.escape(reason);
        }
    }

    /** A file in a folder that is not an article format (an image, a PDF); counted, not an error. Escaped as above. */
    record Skipped(String source, String reason) implements Input {
        public Skipped {
            source = Printable.escape(source);
            reason = Printable.escape(reason);
        }
    }
}
