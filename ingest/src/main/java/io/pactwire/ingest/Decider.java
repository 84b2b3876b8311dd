package io.pactwire.ingest;

import io.pactwire.model.RawArticle;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The publishing half of a run: takes each input in the order it was read, asks the revision decision
 * ({@link Revisions#decide}) with what {@link KnownArticles} holds for the article's id, and hands what is to be
 * published, at the revision decided, to the {@link ArticlePublisher}. Every outcome is counted in the
 * {@link Tally} where it happens. What is published is known at once, so that the same article read twice in
 * one run is found unchanged the second time; a send that fails puts back what was known before.
 */
final class Decider implements Consumer<Input> {
    private final KnownArticles known;
    private final ArticlePublisher publisher;
    private final Tally tally;

    Decider(KnownArticles known, ArticlePublisher publisher, Tally tally) {
        this.known = known;
        this.publisher = publisher;
        this.tally = tally;
    }

    @Override
    public void accept(Input input) {
        if (input instanceof Input.Article article) {
            decide(article);
        } else if (input instanceof Input.Rejected rejected) {
            tally.rejected(rejected);
        } else if (input instanceof Input.Skipped skipped) {
            tally.skipped(skipped);
        }
    }

    private void decide(Input.Article input) {
        RawArticle article = input.article();
        Optional<KnownArticles.Known> before = known.get(article.id());
        Revisions.Decision decision = Revisions.decide(article, before, known.overLimit(article.id()));
        if (decision instanceof Revisions.Decision.Unchanged) {
            tally.unchanged(new IngestReport.Unchanged(article.id(), input.source()));
        } else if (decision instanceof Revisions.Decision.Refused refused) {
            // one input refused, the run goes on: an exception here would stop every input after it
            tally.rejected(new Input.Rejected(input.source(), refused.reason()));
        } else if (decision instanceof Revisions.Decision.Publish publish) {
            RawArticle revised = publish.article();
            KnownArticles.Known attempted = new KnownArticles.Known(revised.contentHash(), revised.revision());
            known.put(article.id(), attempted);
            publisher.publish(input.source(), revised, tally::published, failed -> {
                known.restore(article.id(), attempted, before);
                tally.rejected(failed);
            });
        }
    }
}
