package io.pactwire.ingest;

import io.pactwire.model.RawArticle;

import java.util.Optional;

/**
 * What to do with an article read from an input, given what is already known of its id: publish it at the
 * next revision, leave it (the same content is already there), or refuse it (its revisions are used up or
 * cannot be trusted). Pure, and the one place this is decided: ingest's {@link Decider} asks it with what
 * {@link KnownArticles} read from {@code news.raw}; the Kafka Connect source asks it with what its source offsets
 * hold.
 */
public final class Revisions {
    private Revisions() {
    }

    /** The decision for one article. */
    public sealed interface Decision {
        /** Publish {@code article}, which carries the revision decided. */
        record Publish(RawArticle article) implements Decision {
        }

        /** The latest revision known has the same content hash: nothing to publish. */
        record Unchanged() implements Decision {
        }

        /** The article cannot be published; the reason names why and what to do. */
        record Refused(String reason) implements Decision {
        }
    }

    /**
     * Decides for {@code article}.
     *
     * @param before    the content hash and revision last published for its id, if any
     * @param overLimit where a record with a revision over {@link RawArticle#MAX_REVISION} is, when the id's latest
     *                  record is one ({@link KnownArticles#overLimit}); empty otherwise
     */
    public static Decision decide(RawArticle article, Optional<KnownArticles.Known> before, Optional<String> overLimit) {
        if (overLimit.isPresent()) {
            return new Decision.Refused("revision limit reached: news.raw holds " + overLimit.get() + " for article "
                    + article.id() + ", over " + RawArticle.MAX_REVISION
                    + " (RawArticle.MAX_REVISION); retract the article to publish it again");
        }
        if (before.isPresent() && before.get().contentHash().equals(article.contentHash())) {
            return new Decision.Unchanged();
        }
        if (before.isPresent() && before.get().revision() >= RawArticle.MAX_REVISION) {
            return new Decision.Refused("revision limit reached: article " + article.id() + " is at revision "
                    + before.get().revision() + ", the most RawArticle.MAX_REVISION allows; retract the article to"
                    + " publish it again");
        }
        int revision = before.map(k -> k.revision() + 1).orElse(1);
        return new Decision.Publish(revision == article.revision() ? article : article.withRevision(revision));
    }
}
