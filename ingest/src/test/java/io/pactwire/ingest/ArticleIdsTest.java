package io.pactwire.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIdsTest {

    @Test
    void theSameUrlWrittenDifferentlyGivesTheSameId() {
        String id = ArticleIds.forUrl("https://Example.org/news/lu-cn/");
        assertThat(ArticleIds.forUrl("https://example.org:443/news/lu-cn#top")).isEqualTo(id);
        assertThat(ArticleIds.forUrl(" https://EXAMPLE.org/news/lu-cn ")).isEqualTo(id);
        assertThat(ArticleIds.forUrl("https://example.org/news/lu-jp")).isNotEqualTo(id);
        assertThat(ArticleIds.forUrl("https://example.org/news?id=1")).isNotEqualTo(ArticleIds.forUrl("https://example.org/news?id=2"));
    }

    @Test
    void theSameTextGivesTheSameIdWhateverItsWhitespace() {
        assertThat(ArticleIds.forContent("Title", "Some  body\ntext"))
                .isEqualTo(ArticleIds.forContent("Title ", "Some body text"))
                .hasSize(20)
                .isNotEqualTo(ArticleIds.forContent("Title", "Other text"));
    }
}
