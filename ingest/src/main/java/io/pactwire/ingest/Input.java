package io.pactwire.ingest;

import io.pactwire.model.RawArticle;

/** One input read from a source: an article, or the reason it could not be taken. */
public sealed interface Input {

    /** Where it came from: a file URI, {@code file:...#line=N} for a JSON line, or {@code stdin:line/N}. */
    String source();

    /** An article ready to publish. */
    record Article(String source, RawArticle article) implements Input {
    }

    /** An input that could not be taken, with the reason. */
    record Rejected(String source, String reason) implements Input {
    }

    /** A file in a folder that is not an article format (an image, a PDF); counted, not an error. */
    record Skipped(String source, String reason) implements Input {
    }
}
