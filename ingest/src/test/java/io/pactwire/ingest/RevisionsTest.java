package io.pactwire.ingest;

import io.pactwire.model.RawArticle;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionsTest {
    private static final RawArticle ARTICLE =
            new RawArticle("a1", "file:/x.txt", null, "Title", "The text of the article.", null, null, null, null, 1, null);

    @Test
    void publishesANewArticleAtRevisionOne() {
        Revisions.Decision decision = Revisions.decide(ARTICLE, Optional.empty(), Optional.empty());

        assertThat(decision).isEqualTo(new Revisions.Decision.Publish(ARTICLE));
    }

    @Test
    void leavesAnArticleWhoseContentHashIsKnown() {
        Optional<KnownArticles.Known> before = Optional.of(new KnownArticles.Known(ARTICLE.contentHash(), 4));

        assertThat(Revisions.decide(ARTICLE, before, Optional.empty())).isEqualTo(new Revisions.Decision.Unchanged());
    }

    @Test
    void publishesChangedContentAtTheNextRevision() {
        Optional<KnownArticles.Known> before = Optional.of(new KnownArticles.Known("other-hash", 4));

        Revisions.Decision decision = Revisions.decide(ARTICLE, before, Optional.empty());

        assertThat(decision).isInstanceOfSatisfying(Revisions.Decision.Publish.class, publish -> {
            assertThat(publish.article().revision()).isEqualTo(5);
            assertThat(publish.article().contentHash()).isEqualTo(ARTICLE.contentHash());
            assertThat(publish.article().id()).isEqualTo("a1");
        });
    }

    @Test
    void refusesAChangeOnceTheRevisionsAreUsedUp() {
        Optional<KnownArticles.Known> before = Optional.of(new KnownArticles.Known("other-hash", RawArticle.MAX_REVISION));

        assertThat(Revisions.decide(ARTICLE, before, Optional.empty()))
                .isEqualTo(new Revisions.Decision.Refused("revision limit reached: article a1 is at revision 1000000, the most"
                        + " RawArticle.MAX_REVISION allows; retract the article to publish it again"));
    }

    @Test
    void refusesAnArticleWhoseLatestRecordIsOverTheLimitEvenWithTheSameContent() {
        Optional<KnownArticles.Known> before = Optional.of(new KnownArticles.Known(ARTICLE.contentHash(), 3));

        Revisions.Decision decision = Revisions.decide(ARTICLE, before, Optional.of("revision 2000000 at news.raw-0@7"));

        assertThat(decision).isEqualTo(new Revisions.Decision.Refused("revision limit reached: news.raw holds revision 2000000"
                + " at news.raw-0@7 for article a1, over 1000000 (RawArticle.MAX_REVISION); retract the article to publish"
                + " it again"));
    }

    @Test
    void headersSaySchemaContentTypeSourceHashAndRevisionInOrder() {
        RawArticle second = ARTICLE.withRevision(2);

        Header[] headers = ArticlePublisher.headers("https://example.org/a", second).toArray();

        assertThat(headers).extracting(Header::key).containsExactly(ArticlePublisher.SCHEMA_HEADER,
                ArticlePublisher.CONTENT_TYPE_HEADER, ArticlePublisher.SOURCE_HEADER, ArticlePublisher.CONTENT_HASH_HEADER,
                ArticlePublisher.REVISION_HEADER);
        assertThat(headers).extracting(h -> new String(h.value(), StandardCharsets.UTF_8)).containsExactly("raw-article/1",
                "application/json", "https://example.org/a", second.contentHash(), "2");
    }
}
