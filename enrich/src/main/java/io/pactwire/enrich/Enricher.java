package io.pactwire.enrich;

import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.tagger.ArticleText;
import io.pactwire.tagger.Tagger;
import io.pactwire.tagger.Tags;

import java.time.Clock;
import java.util.Objects;

/** Turns a raw article into its enrichment result. Pure apart from the clock that stamps the result. */
public final class Enricher {
    private final Tagger tagger;
    private final Clock clock;

    public Enricher(Tagger tagger, Clock clock) {
        this.tagger = Objects.requireNonNull(tagger, "tagger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public EnrichedArticle enrich(RawArticle raw) {
        Tags tags = tagger.tag(new ArticleText(raw.title(), raw.dateline(), raw.body(), raw.site()));
        return EnrichedArticle.of(raw, tags.countries(), tags.agreements(), tagger.versions(), clock.instant());
    }
}
