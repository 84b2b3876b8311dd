package io.pactwire.connect;

import io.pactwire.ingest.KnownArticles;
import io.pactwire.model.RawArticle;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewsSourceConnectorTest {
    @Test
    void dealsTheInputsRoundRobinToAtMostMaxTasks() {
        List<String> inputs = List.of("a", "b", "c", "d", "e", "f", "g");

        assertThat(NewsSourceConnector.spread(inputs, 4)).containsExactly(List.of("a", "e"), List.of("b", "f"), List.of("c", "g"),
                List.of("d"));
        assertThat(NewsSourceConnector.spread(inputs, 1)).containsExactly(inputs);
    }

    @Test
    void startsNoTaskWithoutInputAndReadsAnInputGivenTwiceOnce() {
        assertThat(NewsSourceConnector.spread(List.of("a", "b", "a"), 4)).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void givesEachTaskItsInputsAndNumber() {
        NewsSourceConnector connector = new NewsSourceConnector();
        connector.start(Map.of("name", "news", NewsSourceConfig.INPUTS, "https://example.org/1,https://example.org/2,https://example.org/3"));

        List<Map<String, String>> configs = connector.taskConfigs(2);

        assertThat(configs).extracting(c -> c.get(NewsSourceConfig.TASK_INPUTS))
                .containsExactly("https://example.org/1\nhttps://example.org/3", "https://example.org/2");
        assertThat(configs).extracting(c -> c.get(NewsSourceConfig.TASK_ID)).containsExactly("0", "1");
        assertThat(configs).allSatisfy(c -> assertThat(c).containsEntry("name", "news"));
    }

    @Test
    void readsAnArticlesOffsetAsTheJsonOfTheOffsetsTopicGivesIt() {
        RawArticle article = new RawArticle("a1", null, null, "T", "Text.", null, null, null, null, 3, null);
        Map<String, Object> offset = ArticleOffsets.offset(article);
        Map<String, Object> fromJson = Map.of(ArticleOffsets.HASH, article.contentHash(), ArticleOffsets.REVISION, 3L);

        assertThat(ArticleOffsets.known(offset)).contains(new KnownArticles.Known(article.contentHash(), 3));
        assertThat(ArticleOffsets.known(fromJson)).contains(new KnownArticles.Known(article.contentHash(), 3));
        assertThat(ArticleOffsets.known(null)).isEqualTo(Optional.empty());
    }

    @Test
    void refusesAlteredOffsetsOfAnotherShape() {
        NewsSourceConnector connector = new NewsSourceConnector();
        Map<Map<String, ?>, Map<String, ?>> wrongRevision = Map.of(Map.of(ArticleOffsets.ARTICLE, "a1"),
                Map.of(ArticleOffsets.HASH, "h", ArticleOffsets.REVISION, 0));
        Map<Map<String, ?>, Map<String, ?>> wrongPartition = Map.of(Map.of("file", "x"), Map.of());
        java.util.HashMap<Map<String, ?>, Map<String, ?>> reset = new java.util.HashMap<>();
        reset.put(Map.of(ArticleOffsets.ARTICLE, "a1"), null);

        assertThatThrownBy(() -> connector.alterOffsets(Map.of(), wrongRevision)).hasMessageContaining("\"revision\": 1 to 1000000");
        assertThatThrownBy(() -> connector.alterOffsets(Map.of(), wrongPartition)).hasMessageContaining("a partition must be");
        assertThat(connector.alterOffsets(Map.of(), reset)).isTrue();
    }
}
